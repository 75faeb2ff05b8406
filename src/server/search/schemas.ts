import { z } from "zod";
import { zGroupId } from "@/server/groups/schemas";

/** What a result can be, as people filter by it (`type:` and the chips). */
export const SEARCH_TYPES = ["thread", "comment", "poll", "outcome", "resource", "meeting", "document", "member"] as const;
export const zSearchType = z.enum(SEARCH_TYPES);
export type SearchType = z.infer<typeof zSearchType>;

export const SEARCH_PAGE_SIZE = 20;
/** Characters of a query, after trimming: enough for any question, little enough to bound the work. */
export const MAX_QUERY_LENGTH = 500;
/** Words, phrases' words, exclusions and operators of one query. */
export const MAX_QUERY_TERMS = 20;
/**
 * Characters of text one search entry holds, as the search_index migration's triggers cut it:
 * a document's or an uploaded file's text is cut here too.
 */
export const MAX_ENTRY_TEXT = 100_000;

export const QUERY_TOO_LONG = `Searches can be at most ${MAX_QUERY_LENGTH} characters long. Try a few distinctive words.`;
export const TOO_MANY_TERMS = `Searches can have at most ${MAX_QUERY_TERMS} words and filters. Try a few distinctive words.`;
export const INVALID_CURSOR = "That page of results is not valid any more; search again.";

export const zSearchQueryInput = z.object({
  /** Words and operators as typed: `@name`, `in:handle`, `type:`, `status:`, `before:`, `after:`, `"phrase"`, `-word`. */
  q: z.string().max(100_000, QUERY_TOO_LONG),
  /** Only this group (as `in:`); a group the caller cannot see gives no results. */
  groupId: zGroupId.optional(),
  /** Only these kinds of result (as `type:`); absent or empty: every kind. */
  types: z.array(zSearchType).max(SEARCH_TYPES.length * 2, "Choose each type once.").optional(),
  /** Null or absent for the first page; then the previous page's nextCursor, as it is. */
  cursor: z.string().max(200, INVALID_CURSOR).nullish(),
});
export type SearchQueryInput = z.infer<typeof zSearchQueryInput>;

export const zSearchResult = z.object({
  type: zSearchType,
  /** The thread, comment, poll (also for an outcome), vote, resource, meeting, document or person found. */
  id: z.string(),
  /** Plain text: what the result is called (a comment's thread, an outcome's poll). */
  title: z.string(),
  /** Plain text around the matching words, each match wrapped in « and » (other guillemets become “ ”). */
  snippet: z.string(),
  /** A path inside Hearth to the exact place. */
  url: z.string(),
  /** The group it is in; for a person, a group the caller shares with them. */
  groupId: z.string(),
  createdAt: z.date(),
});
export type SearchResult = z.infer<typeof zSearchResult>;

export const zSearchPage = z.object({
  results: z.array(zSearchResult),
  nextCursor: z.string().nullable(),
  /** Operators that were not understood, as typed (e.g. "foo:bar"): searched without them. */
  ignored: z.array(z.string()),
});
export type SearchPage = z.infer<typeof zSearchPage>;
