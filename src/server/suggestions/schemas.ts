import { z } from "zod";
import { zPerson } from "@/server/threads/schemas";
import { zText } from "@/server/validation";

export const MAX_SUGGESTION_REPLY_LENGTH = 5_000;
/** A document with more open suggestions than this lists the first ones; deciding some shows the rest. */
export const MAX_LISTED_SUGGESTIONS = 300;

const zId = z.string().min(1).max(100);

export const zListSuggestionsInput = z.object({ documentId: zId });
export const zSuggestionIdInput = z.object({ id: zId });
export const zReplySuggestionInput = z.object({
  id: zId,
  body: zText()
    .trim()
    .min(1, "Write something first")
    .max(MAX_SUGGESTION_REPLY_LENGTH, `Keep it under ${MAX_SUGGESTION_REPLY_LENGTH.toLocaleString("en-GB")} characters`),
});
export type ReplySuggestionInput = z.infer<typeof zReplySuggestionInput>;
export const zDecideByAuthorInput = z.object({ documentId: zId, authorId: zId, accept: z.boolean() });
export type DecideByAuthorInput = z.infer<typeof zDecideByAuthorInput>;

export const zSuggestionReply = z.object({ id: z.string(), author: zPerson, body: z.string(), createdAt: z.date() });

export const zSuggestion = z.object({
  id: z.string(),
  author: zPerson,
  createdAt: z.date(),
  /** The text it adds and the text it takes away, as they read in the document now. */
  inserted: z.string(),
  deleted: z.string(),
  /** It changes a block's settings (e.g. a heading's level) rather than text. */
  changesFormat: z.boolean(),
  replies: z.array(zSuggestionReply),
});
export type SuggestionDto = z.infer<typeof zSuggestion>;

export const zSuggestionList = z.object({
  /** Open suggestions in the order they appear in the text. */
  items: z.array(zSuggestion),
  /** Whether the caller may accept and reject (the group's editors and admins). */
  canDecide: z.boolean(),
  /** Whether the caller may suggest and reply (editors, and guests the document lets suggest). */
  canSuggest: z.boolean(),
});

export const zSuggestionDecision = z.object({ decided: z.array(z.string()), status: z.enum(["accepted", "rejected"]) });
export const zSuggestionReplyRef = z.object({ id: z.string() });
