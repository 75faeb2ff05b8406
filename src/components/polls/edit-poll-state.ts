import { rulesFromDefaults, rulesInput, type PollForm } from "@/components/polls/poll-form-state";
import { fromLocalInputValue, toLocalInputValue } from "@/components/polls/time-zone";
import type { RouterInputs, RouterOutputs } from "@/lib/trpc/client";

type Poll = RouterOutputs["poll"]["byId"];
type UpdateInput = RouterInputs["poll"]["update"];

/** One option being edited: `id` for an option already on the poll; `key` keeps React rows stable. */
export type EditRow = { key: string; id?: string; value: string };
type RulesFields = Pick<PollForm, "quorumMode" | "quorumValue" | "thresholdRule" | "thresholdPercent" | "thresholdBase" | "reasonFor">;
/** `opensAt`: a datetime-local value while the poll is scheduled and not open yet, else "". */
export type EditPollForm = { title: string; details: string; closingAt: string; rows: EditRow[]; rules: RulesFields; opensAt: string };

const people = (count: number) => `${count} ${count === 1 ? "person has" : "people have"}`;

/** Why the options cannot be edited now, in the words the server would use; null when they can. */
export function optionsLockReason(poll: Pick<Poll, "kind" | "closedAt" | "voterCount">): string | null {
  if (poll.kind === "question") return "A question round has no options: people answer in their own words.";
  if (poll.voterCount > 0) return `Options can't change after the first vote: ${people(poll.voterCount)} voted.`;
  if (poll.closedAt) return "This poll is closed, so its options can't change.";
  return null;
}

/** Why the voting rules and opening time cannot be edited now; null when they can. */
export function rulesLockReason(poll: Pick<Poll, "closedAt" | "voterCount">): string | null {
  if (poll.voterCount > 0) return `The voting rules can't change after the first vote: ${people(poll.voterCount)} voted.`;
  if (poll.closedAt) return "This poll is closed, so its voting rules can't change.";
  return null;
}

/** A scheduled poll before its opening time, whose opening can still move. */
export const canMoveOpening = (poll: Pick<Poll, "opensAt" | "closedAt" | "voterCount">, now: Date) =>
  rulesLockReason(poll) === null && poll.opensAt !== null && poll.opensAt.getTime() > now.getTime();

/** Meeting slots are edited as wall-clock times in the viewer's zone; other options by name. */
export function initialEditForm(poll: Poll, now = new Date()): EditPollForm {
  const { quorum, threshold, requireReasonFor } = poll.rules;
  const names = poll.options.map(({ name }) => name);
  return {
    rules: rulesFromDefaults(poll.kind, names, { ...(quorum && { quorum }), ...(threshold && { threshold }), requireReasonFor }),
    opensAt: canMoveOpening(poll, now) ? toLocalInputValue(poll.opensAt!) : "",
    title: poll.title,
    details: poll.details,
    closingAt: toLocalInputValue(poll.closingAt),
    rows: poll.options.map((option) => ({ key: option.id, id: option.id, value: option.startsAt ? toLocalInputValue(option.startsAt) : option.name })),
  };
}

type Check = { ok: true; input: UpdateInput } | { ok: false; field: "closingAt" | "options" | "opensAt"; message: string };

type AnyThreshold = string | { rule: string; percent?: number; of?: string } | null | undefined;
const thresholdKey = (threshold: AnyThreshold) =>
  typeof threshold === "string" ? `${threshold}||` : threshold ? `${threshold.rule}|${threshold.percent ?? ""}|${threshold.of ?? ""}` : "";

/**
 * The `poll.update` input for what was typed: only what changed, the closing time only while the
 * poll is open, the options only while they may change. Every other rule is the server's.
 */
export function updateInput(form: EditPollForm, poll: Poll, now = new Date()): Check {
  const input: UpdateInput = { pollId: poll.id };
  if (form.title !== poll.title) input.title = form.title;
  if (form.details !== poll.details) input.details = form.details;
  if (!poll.closedAt && form.closingAt !== toLocalInputValue(poll.closingAt)) {
    const closingAt = fromLocalInputValue(form.closingAt);
    if (!closingAt) return { ok: false, field: "closingAt", message: "Choose when the poll closes." };
    input.closingAt = closingAt;
  }
  if (optionsLockReason(poll) === null) {
    const rows = form.rows.map((row) => ({ ...row, value: row.value.trim() })).filter((row) => row.value);
    let options = rows.map(({ id, value }) => ({ ...(id && { id }), name: value }));
    if (poll.kind === "meeting") {
      const slots = rows.map(({ value }) => fromLocalInputValue(value));
      if (slots.some((slot) => slot === null)) return { ok: false, field: "options", message: "Give every proposed time a date and a time." };
      options = rows.map(({ id }, at) => ({ ...(id && { id }), name: slots[at]!.toISOString() }));
    }
    const before = poll.options.map(({ id, name, startsAt }) => `${id}:${startsAt ? startsAt.toISOString() : name}`).join("\n");
    if (options.map(({ id, name }) => `${id}:${name}`).join("\n") !== before) input.options = options;
  }
  if (rulesLockReason(poll) === null) {
    const names = input.options?.map(({ name }) => name) ?? poll.options.map(({ name }) => name);
    const next = rulesInput({ ...form.rules, kind: poll.kind, options: names, reasonRequired: poll.settings.reasonRequired });
    if (JSON.stringify(next.quorum ?? null) !== JSON.stringify(poll.rules.quorum)) input.quorum = next.quorum ?? null;
    if (thresholdKey(next.threshold) !== thresholdKey(poll.rules.threshold)) input.threshold = next.threshold ?? null;
    const reasons = next.requireReasonFor ?? [];
    if ([...reasons].sort().join(",") !== [...poll.rules.requireReasonFor].sort().join(",")) input.requireReasonFor = reasons;
  }
  if (canMoveOpening(poll, now) && form.opensAt !== toLocalInputValue(poll.opensAt!)) {
    const opensAt = form.opensAt ? fromLocalInputValue(form.opensAt) : null;
    if (form.opensAt && !opensAt) return { ok: false, field: "opensAt", message: "Choose when the poll opens, or clear it to open now." };
    input.opensAt = opensAt;
  }
  return { ok: true, input };
}
