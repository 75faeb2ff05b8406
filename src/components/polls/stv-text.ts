import { listed, METHOD_NAMES } from "@/components/polls/counting-method";
import { seatsText, type StvResult, type StvRound } from "@/lib/tallies/stv";

type Label = (optionId: string) => string;

/**
 * A count's exact decimal as people read it: at most five decimal places (Scottish STV's own;
 * Meek's nine are rounded), trailing zeros dropped. "19.00000" reads "19", "0.33333" stays.
 */
export function votesText(value: string): string {
  const [whole = "0", fraction = ""] = Number(value).toFixed(5).split(".");
  const trimmed = fraction.replace(/0+$/, "");
  return trimmed ? `${whole}.${trimmed}` : whole;
}

/** A change between rounds, signed: "+1.99998", "−2" (a minus sign, which screen readers say). */
export function changeText(value: string): string {
  const text = votesText(value);
  if (text === "0") return "0";
  return text.startsWith("-") ? `−${text.slice(1)}` : `+${text}`;
}

/** The headline: who is elected, or who would be if the poll closed now. */
export function electedText(count: Pick<StvResult, "elected" | "validBallots">, closed: boolean, label: Label): string {
  if (count.validBallots === 0) return "Nobody is elected yet: no ballot ranks an option.";
  const names = listed(count.elected.map(label));
  return closed ? `Elected: ${names}` : `If the poll closed now: ${names}`;
}

/** One round in words: how its votes moved, who was elected or excluded, and how any tie was broken. */
export function roundText(round: StvRound, number: number, label: Label): string {
  const { transfer } = round;
  const sentences = [
    transfer.kind === "first_count"
      ? `Round ${number}: first choices counted; the quota is ${votesText(round.quota)}.`
      : transfer.kind === "surplus"
        ? `Round ${number}: ${label(transfer.optionId)}'s surplus moved on to the next choices, each vote carrying ${votesText(transfer.transferValue)} of its value.`
        : transfer.kind === "exclusion"
          ? `Round ${number}: ${label(transfer.optionId)}'s votes moved on to their next choices.`
          : `Round ${number}: every ballot counted again, the elected keeping only what they need; the quota is ${votesText(round.quota)}.`,
  ];
  for (const tie of round.tieBreaks) {
    const how = tie.decidedBy === "lot" ? "by lot" : "by the most recent earlier round where they differed";
    const what =
      tie.purpose === "exclusion" ? "is excluded" : tie.purpose === "surplus" ? "has its surplus moved first" : "is listed first";
    sentences.push(`${listed(tie.optionIds.map(label))} had the same votes: ${label(tie.chosen)} ${what}, decided ${how}.`);
  }
  // Those elected in this very round still keep all of every vote: only the others are news.
  const kept = round.tallies.filter(({ keepValue }) => keepValue !== null && Number(keepValue) < 1);
  if (transfer.kind === "recount" && kept.length > 0) {
    sentences.push(`Share of each vote kept: ${kept.map(({ optionId, keepValue }) => `${label(optionId)} ${votesText(keepValue!)}`).join(", ")}.`);
  }
  if (round.excluded.length > 0) sentences.push(`Excluded, with the fewest votes: ${listed(round.excluded.map(label))}.`);
  const votes = new Map(round.tallies.map(({ optionId, votes: held }) => [optionId, Number(held)]));
  const reached = round.elected.filter((optionId) => votes.get(optionId)! >= Number(round.quota));
  const last = round.elected.filter((optionId) => !reached.includes(optionId));
  if (reached.length > 0) sentences.push(`Elected, reaching the quota: ${listed(reached.map(label))}.`);
  if (last.length > 0) {
    const only = last.length === 1 ? "the only option left for the last seat" : "the only options left for the last seats";
    sentences.push(`Elected as ${only}: ${listed(last.map(label))}.`);
  }
  return sentences.join(" ");
}

/** The outcome as first drafted for an election: who was elected, and how. */
export function outcomeDraft(count: Pick<StvResult, "elected" | "method" | "seats">, label: Label): string | null {
  if (count.elected.length === 0) return null;
  return `Elected (${METHOD_NAMES[count.method]}, ${seatsText(count.seats)}), in order of election: ${listed(count.elected.map(label))}.`;
}
