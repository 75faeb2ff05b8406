import { z } from "zod";
import { refineMarkdown, withinSaneYears, zText } from "@/server/validation";

export const DECISION_STATUSES = ["agreed", "in_progress", "done", "dropped", "superseded"] as const;
export const zDecisionStatus = z.enum(DECISION_STATUSES, "Choose agreed, in progress, done, dropped or superseded");
export type DecisionStatus = z.infer<typeof zDecisionStatus>;

/** Progress notes are markdown, as long as an outcome statement may be. */
export const MAX_DECISION_NOTE = 10_000;

const zId = z.string().min(1).max(64);
const zDay = withinSaneYears(z.coerce.date("Choose a date"));
export const DECISION_CURSOR = /^\d{1,15}_\S{1,64}$/;
const CURSOR_MESSAGE = "That page position is not valid; reload the register.";

const filterShape = {
  groupId: zId,
  status: zDecisionStatus.optional(),
  ownerId: zId.optional(),
  /** A tag of the thread the decision's poll belongs to, as thread.list matches it; a leading # is dropped. */
  tag: zText()
    .trim()
    .max(41, "Tags are at most 40 characters")
    .transform((tag) => tag.replace(/^#/, ""))
    .optional(),
  /** decidedAt on or after this moment. */
  from: zDay.optional(),
  /** decidedAt on or before this moment. */
  to: zDay.optional(),
};

const rangeInOrder: [(input: { from?: Date; to?: Date }) => boolean, { message: string; path: string[] }] = [
  (input) => !input.from || !input.to || input.from <= input.to,
  { message: "The start of the date range must come before its end.", path: ["to"] },
];

/** The register's filters, shared by decision.list and the CSV download. */
export const zDecisionFilters = z.object(filterShape).refine(...rangeInOrder);
export type DecisionFilters = z.infer<typeof zDecisionFilters>;

export const zListDecisionsInput = z
  .object({
    ...filterShape,
    /** Infinite queries send null for the first page; a next page's is "<decidedAt in ms>_<id>". */
    cursor: z.string().max(100).regex(DECISION_CURSOR, CURSOR_MESSAGE).nullish(),
  })
  .refine(...rangeInOrder);
export type ListDecisionsInput = z.infer<typeof zListDecisionsInput>;

export const zDecisionIdInput = z.object({ id: zId });

export const zUpdateDecisionInput = z.object({
  id: zId,
  /** null clears the owner. */
  ownerId: zId.nullable().optional(),
  status: zDecisionStatus.optional(),
  /** null clears the review date. */
  reviewOn: zDay.nullable().optional(),
  note: zText()
    .trim()
    .max(MAX_DECISION_NOTE, `Keep the note under ${MAX_DECISION_NOTE.toLocaleString("en-GB")} characters`)
    .superRefine(refineMarkdown)
    .optional(),
  /** Another decision of the same group that replaces this one (status becomes superseded); null unlinks. */
  supersededById: zId.nullable().optional(),
});
export type UpdateDecisionInput = z.infer<typeof zUpdateDecisionInput>;

const zRef = z.object({ id: z.string(), title: z.string() });

export const zDecisionDto = z.object({
  id: z.string(),
  groupId: z.string(),
  title: z.string(),
  result: z.string(),
  /** The result cooked to HTML (src/server/markdown/cook.ts), as the page shows it. */
  resultHtml: z.string(),
  verdict: z.string(),
  decidedAt: z.date(),
  status: zDecisionStatus,
  /**
   * The decision no longer stands where it came from: its poll was reopened (the outcome is
   * cleared until a new one is written) or its document version is no longer adopted. The entry
   * and its notes are kept.
   */
  withdrawn: z.boolean(),
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
  reviewOn: z.date().nullable(),
  links: z.object({
    thread: zRef.nullable(),
    poll: zRef.nullable(),
    meeting: zRef.nullable(),
    document: z.object({ id: z.string(), title: z.string(), versionId: z.string(), versionName: z.string() }).nullable(),
  }),
  supersededBy: zRef.nullable(),
  supersedes: z.array(zRef),
  taskCount: z.object({ open: z.number().int(), done: z.number().int() }),
});
export type DecisionDto = z.infer<typeof zDecisionDto>;

export const zDecisionList = z.object({ items: z.array(zDecisionDto), nextCursor: z.string().nullable() });

export const zDecisionNote = z.object({
  id: z.string(),
  author: z.object({ id: z.string(), name: z.string() }),
  body: z.string(),
  bodyHtml: z.string(),
  /** The status the decision was set to with this note; null when it did not change. */
  status: zDecisionStatus.nullable(),
  createdAt: z.date(),
});

export const zDecisionDetail = zDecisionDto.extend({
  /** Oldest first. */
  notes: z.array(zDecisionNote),
  viewer: z.object({
    /** Admins: owner, review date, superseded by, status and notes. */
    canManage: z.boolean(),
    /** The owner too: status and progress notes. */
    canReport: z.boolean(),
  }),
});
export type DecisionDetail = z.infer<typeof zDecisionDetail>;
