import { z } from "zod";
import { zPollKind } from "@/server/polls/schemas";
import { zResourceKind } from "@/server/resources/schemas";
import { zPerson } from "@/server/threads/schemas";

/**
 * What the feed tells, in the order items of the same moment are listed (later in a decision's
 * life first, so an outcome recorded as the poll closed reads above the close).
 */
export const ACTIVITY_TYPES = [
  "thread",
  "decision_opened",
  "decision_closed",
  "outcome",
  "document_adopted",
  "resource",
  "meeting",
] as const;
export const zActivityType = z.enum(ACTIVITY_TYPES);
export type ActivityType = z.infer<typeof zActivityType>;

export const INVALID_CURSOR = "That page position is not valid; reload the activity.";

export const zListActivityInput = z.object({
  groupId: z.string().min(1),
  /** Infinite queries send null for the first page; later pages send the previous page's nextCursor as it is. */
  cursor: z.string().max(300, INVALID_CURSOR).nullish(),
  /** Only these kinds of item; absent or empty: every kind. */
  types: z.array(zActivityType).max(ACTIVITY_TYPES.length * 2, "Choose each type of activity once.").optional(),
});
export type ListActivityInput = z.infer<typeof zListActivityInput>;

const base = {
  /** The id of what the item is about (thread, poll, resource, meeting, document version). */
  id: z.string(),
  groupId: z.string(),
  createdAt: z.date(),
  /** Who did it; null when nobody is recorded (a poll that closed, an outcome without an author). */
  actor: zPerson.nullable(),
  title: z.string(),
  /** A path inside Hearth to the exact place. */
  url: z.string(),
};

export const zActivityItem = z.discriminatedUnion("type", [
  z.object({ ...base, type: z.literal("thread"), details: z.object({}) }),
  z.object({ ...base, type: z.literal("decision_opened"), details: z.object({ pollKind: zPollKind, closingAt: z.date() }) }),
  z.object({ ...base, type: z.literal("decision_closed"), details: z.object({ pollKind: zPollKind }) }),
  z.object({ ...base, type: z.literal("outcome"), details: z.object({ pollKind: zPollKind, summary: z.string() }) }),
  z.object({ ...base, type: z.literal("document_adopted"), details: z.object({ documentId: z.string(), versionName: z.string() }) }),
  z.object({ ...base, type: z.literal("resource"), details: z.object({ resourceKind: zResourceKind, draft: z.boolean() }) }),
  z.object({ ...base, type: z.literal("meeting"), details: z.object({ startsAt: z.date() }) }),
]);
export type ActivityItem = z.infer<typeof zActivityItem>;

export const zActivityPage = z.object({ items: z.array(zActivityItem), nextCursor: z.string().nullable() });
export type ActivityPage = z.infer<typeof zActivityPage>;
