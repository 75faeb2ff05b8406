import type { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/server/db";

/** What to match: every word, and every phrase as words in order. Plain text, never query syntax. */
export type TextQuery = { words: string[]; phrases: string[] };

/** Where matching marks in a snippet begin and end, until snippet.ts turns them into « and ». */
export const MATCH_START = "\u0001";
export const MATCH_END = "\u0002";

/**
 * A filter of the query that an index of SearchEntry serves on its own (keeping its entries
 * newest first), or (`index` null) a condition `e."id" IN (…)` that names the entries itself.
 */
export type Narrowing = { index: string | null; where: Prisma.Sql };

/** Entries read best first: by `score` (higher first), then by `id`, descending, the order of `from` itself where it can. */
export type Ranked = {
  from: Prisma.Sql;
  /** What else `from` needs of its entries: that they match, or a narrowing checked before an entry is read. */
  where: Prisma.Sql | null;
  /** How well `e` matches: the same number on every page of a search, so a cursor can hold it. */
  score: Prisma.Sql;
  /** `e."id"`, as `from` names it for ordering. */
  id: Prisma.Sql;
};

/**
 * The part of search that differs between databases: full-text matching over SearchEntry `e`
 * (FTS5 on SQLite, tsvector on PostgreSQL), matching names, and snippets. User text reaches the
 * database only as bound parameters, and on SQLite only inside double-quoted FTS5 strings.
 */
export interface SearchBackend {
  /**
   * Where a page's entries `e` are read from, and the condition that they match `text` (none
   * without words): each database chooses the way that keeps a page's work small, the same
   * results either way.
   */
  entries(db: Db, text: TextQuery | null, narrowings: Narrowing[]): Promise<{ from: Prisma.Sql; matches: Prisma.Sql | null }>;
  /**
   * Best first: where a page's entries `e` are read from, most relevant to `text` first (the title
   * counting for more than the body); the narrowings may spare reading entries they leave out.
   */
  ranked(db: Db, text: TextQuery, narrowings: Narrowing[]): Promise<Ranked>;
  /** A condition on `e`: at least one of these phrases matches. */
  matchesAny(phrases: string[]): Prisma.Sql;
  /** A condition on `column`: it matches this LIKE pattern (a backslash escapes), ignoring case in every script. */
  likeIgnoringCase(column: Prisma.Sql, pattern: string): Prisma.Sql;
  /** Text around the matches of `text` in each entry's body, matches between MATCH_START and MATCH_END. */
  snippets(db: Db, entryIds: number[], text: TextQuery): Promise<Map<number, string>>;
}

/** For LIKE and ILIKE patterns: the text matches itself only, with `\` as the escape character. */
export const likeLiterally = (text: string) => text.replace(/[\\%_]/g, "\\$&");
