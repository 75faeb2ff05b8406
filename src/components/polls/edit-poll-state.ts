import { fromLocalInputValue, toLocalInputValue } from "@/components/polls/time-zone";
import type { RouterInputs, RouterOutputs } from "@/lib/trpc/client";

type Poll = RouterOutputs["poll"]["byId"];
type UpdateInput = RouterInputs["poll"]["update"];

/** One option being edited: `id` for an option already on the poll; `key` keeps React rows stable. */
export type EditRow = { key: string; id?: string; value: string };
export type EditPollForm = { title: string; details: string; closingAt: string; rows: EditRow[] };

const people = (count: number) => `${count} ${count === 1 ? "person has" : "people have"}`;

/** Why the options cannot be edited now, in the words the server would use; null when they can. */
export function optionsLockReason(poll: Pick<Poll, "kind" | "closedAt" | "voterCount">): string | null {
  if (poll.kind === "question") return "A question round has no options: people answer in their own words.";
  if (poll.voterCount > 0) return `Options can't change after the first vote: ${people(poll.voterCount)} voted.`;
  if (poll.closedAt) return "This poll is closed, so its options can't change.";
  return null;
}

/** Meeting slots are edited as wall-clock times in the viewer's zone; other options by name. */
export function initialEditForm(poll: Poll): EditPollForm {
  return {
    title: poll.title,
    details: poll.details,
    closingAt: toLocalInputValue(poll.closingAt),
    rows: poll.options.map((option) => ({ key: option.id, id: option.id, value: option.startsAt ? toLocalInputValue(option.startsAt) : option.name })),
  };
}

type Check = { ok: true; input: UpdateInput } | { ok: false; field: "closingAt" | "options"; message: string };

/**
 * The `poll.update` input for what was typed: only what changed, the closing time only while the
 * poll is open, the options only while they may change. Every other rule is the server's.
 */
export function updateInput(form: EditPollForm, poll: Poll): Check {
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
  return { ok: true, input };
}
