import type { RouterOutputs } from "@/lib/trpc/client";

export type ActivityItem = RouterOutputs["activity"]["list"]["items"][number];
type ActivityType = ActivityItem["type"];
type PollKind = Extract<ActivityItem, { type: "decision_opened" }>["details"]["pollKind"];

/** The filter chips: each shows some kinds of item, and a chip only shows where the person may look. */
export const ACTIVITY_FILTERS = [
  { key: "threads", label: "Threads", types: ["thread"] },
  { key: "decisions", label: "Decisions", types: ["decision_opened", "decision_closed", "outcome"] },
  { key: "documents", label: "Documents", types: ["document_adopted"] },
  { key: "resources", label: "Resources", types: ["resource"] },
  { key: "meetings", label: "Meetings", types: ["meeting"] },
] as const satisfies readonly { key: string; label: string; types: readonly ActivityType[] }[];

export type ActivityFilterKey = (typeof ACTIVITY_FILTERS)[number]["key"];

/** The types to ask for with these chips pressed; none pressed asks for everything (undefined). */
export function typesFor(pressed: ReadonlySet<ActivityFilterKey>): ActivityType[] | undefined {
  if (pressed.size === 0) return undefined;
  return ACTIVITY_FILTERS.filter((filter) => pressed.has(filter.key)).flatMap((filter) => [...filter.types]);
}

/** "a proposal", "a dot vote": how a sentence names a decision of each kind. */
export const DECISION_NOUNS: Record<PollKind, string> = {
  proposal: "a proposal",
  poll: "a poll",
  count: "a count",
  check: "a sense check",
  question: "a question round",
  score: "a score poll",
  dot_vote: "a dot vote",
  ranked_choice: "a ranked-choice poll",
  meeting: "a poll to find a meeting time",
  stv: "an election",
};
