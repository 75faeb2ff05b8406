import { z } from "zod";
import { zPerson } from "@/server/threads/schemas";
import { zText } from "@/server/validation";

export const MAX_DOC_COMMENT_LENGTH = 10_000;
export const MAX_QUOTE_LENGTH = 500;
/** Top-level comments per page; a document rarely has more open at once. */
export const DOC_COMMENT_PAGE_SIZE = 100;

const zDocCommentBody = zText()
  .trim()
  .min(1, "Write something first")
  .max(MAX_DOC_COMMENT_LENGTH, `Keep it under ${MAX_DOC_COMMENT_LENGTH.toLocaleString("en-GB")} characters`);

export const zCreateDocCommentInput = z.object({
  documentId: z.string().min(1),
  body: zDocCommentBody,
  /** The selected text, kept so the comment still makes sense if that text is later removed. */
  quote: zText().max(MAX_QUOTE_LENGTH, `Keep the quoted text under ${MAX_QUOTE_LENGTH} characters`).optional(),
  /** Set for a reply; replies carry no quote and no anchor of their own. */
  parentId: z.string().min(1).optional(),
});
export type CreateDocCommentInput = z.infer<typeof zCreateDocCommentInput>;

export const zListDocCommentsInput = z.object({
  documentId: z.string().min(1),
  includeResolved: z.boolean().default(false),
  cursor: z.string().min(1).max(100).optional(),
});
export type ListDocCommentsInput = z.infer<typeof zListDocCommentsInput>;

export const zResolveDocCommentInput = z.object({ id: z.string().min(1), resolved: z.boolean() });
export const zUpdateDocCommentInput = z.object({ id: z.string().min(1), body: zDocCommentBody });
export type UpdateDocCommentInput = z.infer<typeof zUpdateDocCommentInput>;
export const zDocCommentIdInput = z.object({ id: z.string().min(1) });

export const zDocCommentReply = z.object({
  id: z.string(),
  author: zPerson,
  body: z.string(),
  createdAt: z.date(),
});
export type DocCommentReply = z.infer<typeof zDocCommentReply>;

/** A top-level comment with its replies: one thread in the comments panel. */
export const zDocCommentThread = zDocCommentReply.extend({
  documentId: z.string(),
  quote: z.string(),
  resolvedAt: z.date().nullable(),
  resolvedBy: zPerson.nullable(),
  replies: z.array(zDocCommentReply),
});
export type DocCommentThread = z.infer<typeof zDocCommentThread>;

export const zDocCommentPage = z.object({
  /** Open comments first, each group oldest first. */
  items: z.array(zDocCommentThread),
  nextCursor: z.string().nullable(),
});

export const zDocCommentRef = z.object({ id: z.string() });
