import type { PollKind } from "@/server/polls/ballot-rules";

export const KIND_LABELS: Record<PollKind, string> = {
  proposal: "Proposal",
  poll: "Poll",
  count: "Count",
  check: "Sense check",
  question: "Question round",
  score: "Score poll",
  dot_vote: "Dot vote",
  ranked_choice: "Ranked choice",
  meeting: "Meeting time",
  stv: "Election (single transferable vote)",
};

/** For starting a decision from a bare poll type rather than a named process. */
export const KIND_DESCRIPTIONS: Record<PollKind, string> = {
  proposal: "Agree, abstain, disagree or block, each with a reason.",
  poll: "Choose one or several options from a list.",
  count: "Count me in: yes or no, with a target number.",
  check: "Looks good, not sure, or concerned.",
  question: "Everyone answers in their own words.",
  score: "Give each option a score on a scale.",
  dot_vote: "Share out a fixed number of dots across the options.",
  ranked_choice: "Put the options in order of preference.",
  meeting: "Propose times; everyone says yes, if need be, or no.",
  stv: "Fill several seats at once: people rank the candidates, and votes move on so each seat stands for a share of the group.",
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const RELATIVE = new Intl.RelativeTimeFormat("en-GB", { numeric: "always" });

/** When the time has passed on this clock, even before the server has closed it. */
export function isPollClosed(poll: { closingAt: Date; closedAt: Date | null }, now: Date): boolean {
  return poll.closedAt !== null || poll.closingAt.getTime() <= now.getTime();
}

/** "5 Dec, 09:00": when a scheduled poll opens, in the viewer's time zone (with the year when it is not this year). */
export function opensText(opensAt: Date, now: Date, timeZone?: string): string {
  const sameYear = opensAt.getFullYear() === now.getFullYear();
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", ...(!sameYear && { year: "numeric" }), hour: "2-digit", minute: "2-digit", timeZone }).format(opensAt);
}

/** A scheduled poll before its opening time: announced, not yet taking votes. */
export const isNotYetOpen = (poll: { opensAt?: Date | null }, now: Date) => !!poll.opensAt && poll.opensAt.getTime() > now.getTime();

/** "Opens 5 Dec, 09:00", "Closes in 3 days", "Closes in 5 hours", or "Closed 2 Nov" (with the year when it is not this year). */
export function pollStatus(poll: { closingAt: Date; closedAt: Date | null; opensAt?: Date | null }, now: Date, timeZone?: string): string {
  if (!isPollClosed(poll, now) && isNotYetOpen(poll, now)) return `Opens ${opensText(poll.opensAt!, now, timeZone)}`;
  if (isPollClosed(poll, now)) {
    const closed = poll.closedAt ?? poll.closingAt;
    const sameYear = closed.getFullYear() === now.getFullYear();
    const date = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", ...(!sameYear && { year: "numeric" }), timeZone });
    return `Closed ${date.format(closed)}`;
  }
  const left = poll.closingAt.getTime() - now.getTime();
  if (left < MINUTE) return "Closes in less than a minute";
  if (left < HOUR) return `Closes ${RELATIVE.format(Math.floor(left / MINUTE), "minute")}`;
  if (left < 2 * DAY) return `Closes ${RELATIVE.format(Math.floor(left / HOUR), "hour")}`;
  return `Closes ${RELATIVE.format(Math.floor(left / DAY), "day")}`;
}

/** "4 of 9 voted, 44%". */
export function participationText({ voted, eligible, percent }: { voted: number; eligible: number; percent: number }): string {
  return `${voted} of ${eligible} voted, ${Math.round(percent)}%`;
}

/**
 * Said on an open poll whose quorum, a number of voters, is more than the people who can vote in
 * it: as things stand it cannot be met. Null when it can, or the quorum is a share. `canLower`:
 * the viewer may edit the poll and nobody has voted yet (the rules lock at the first vote);
 * `chosenVoters`: only the people chosen when it started may vote, so newcomers would not count.
 */
export function unreachableQuorumText(
  quorum: { count: number } | { percent: number } | null,
  { voted, eligible }: { voted: number; eligible: number },
  { canLower, chosenVoters }: { canLower: boolean; chosenVoters: boolean },
): string | null {
  if (!quorum || !("count" in quorum) || quorum.count <= eligible) return null;
  const people = `${eligible} ${eligible === 1 ? "person" : "people"}`;
  const lowerNow = canLower && voted === 0;
  const remedy = chosenVoters
    ? lowerNow
      ? " Lower it with Edit poll."
      : ""
    : lowerNow
      ? " Lower it with Edit poll, or invite more people to the group."
      : " More people would have to join the group.";
  return `Only ${people} can vote in this poll, so its quorum of ${quorum.count} cannot be met.${remedy}`;
}

export type Tone = "agree" | "abstain" | "disagree" | "block" | "neutral";

const TONES: Record<string, Tone> = {
  agree: "agree",
  consent: "agree",
  "looks good": "agree",
  "count me in": "agree",
  abstain: "abstain",
  "not sure": "abstain",
  disagree: "disagree",
  objection: "disagree",
  concerned: "disagree",
  block: "block",
};

/** Proposal and sense-check options get the colours people expect; everything else is neutral. */
export function optionTone(kind: PollKind, name: string): Tone {
  if (kind !== "proposal" && kind !== "check") return "neutral";
  return TONES[name.trim().toLowerCase()] ?? "neutral";
}

/** Tailwind classes per tone, for bars and radio cards; all meet AA contrast with the text beside them. */
export const TONE_CLASSES: Record<Tone, { bar: string; card: string }> = {
  agree: { bar: "bg-live", card: "border-live bg-green-50" },
  abstain: { bar: "bg-muted", card: "border-line bg-stone-50" },
  disagree: { bar: "bg-ember-600", card: "border-ember-600 bg-ember-50" },
  block: { bar: "bg-danger", card: "border-danger bg-red-50" },
  neutral: { bar: "bg-ember-700", card: "border-line bg-card" },
};
