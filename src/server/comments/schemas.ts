import { z } from "zod";
import { REACTION_EMOJI, zBody, zPerson, zReactionSummary } from "@/server/threads/schemas";

export const COMMENT_PAGE_SIZE = 50;

export const zCommentDto = z.object({
  id: z.string(),
  threadId: z.string(),
  seq: z.number().int(),
  parentId: z.string().nullable(),
  author: zPerson,
  /** Empty once deleted: the comment stays as "comment deleted" so replies keep their context. */
  body: z.string(),
  /** The body cooked to HTML (src/server/markdown/cook.ts), as the page shows it; empty once deleted. */
  bodyHtml: z.string(),
  deleted: z.boolean(),
  createdAt: z.date(),
  editedAt: z.date().nullable(),
  reactions: z.array(zReactionSummary),
});
export type CommentDto = z.infer<typeof zCommentDto>;

export const zCommentWithReplies = zCommentDto.extend({ replies: z.array(zCommentDto) });
export type CommentWithReplies = z.infer<typeof zCommentWithReplies>;

export const zCreateCommentInput = z.object({
  threadId: z.string().min(1),
  body: zBody,
  parentId: z.string().min(1).optional(),
  /** Any unique string the browser picks per text it sends; sending again with it never posts twice. */
  clientKey: z.string().min(8).max(64).optional(),
});

/**
 * Top-level comments in order of writing, each with its replies. A page starts after (or
 * before) the cursor's sequence number; without a cursor it starts at the top-level comment
 * holding `commentId` (a link to one comment, however far into the thread), or else at the
 * beginning, or at the comment holding the viewer's first unread one.
 */
export const zListCommentsInput = z.object({
  threadId: z.string().min(1),
  cursor: z.string().regex(/^\d{1,9}$/, "Not a valid position in the thread").optional(),
  direction: z.enum(["after", "before"]).default("after"),
  anchor: z.enum(["start", "firstUnread"]).default("start"),
  commentId: z.string().min(1).optional(),
});

export const zCommentPage = z.object({
  items: z.array(zCommentWithReplies),
  /** Pass as cursor with direction "before" / "after" to load more; null when there is none. */
  beforeCursor: z.string().nullable(),
  afterCursor: z.string().nullable(),
});

export const zUpdateCommentInput = z.object({ id: z.string().min(1), body: zBody });
export const zCommentIdInput = z.object({ id: z.string().min(1) });

export const zToggleReactionInput = z.object({
  subject: z.enum(["thread", "comment"]),
  id: z.string().min(1),
  emoji: z.enum(REACTION_EMOJI, "Choose one of the offered reactions"),
});
export const zReactionResult = z.object({ reactions: z.array(zReactionSummary) });
