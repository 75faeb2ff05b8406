import { Prisma } from "@/generated/prisma/client.ts";
import { MATCH_END, MATCH_START, type SearchBackend, type TextQuery } from "@/server/search/backend";

/**
 * A tsquery from plain text: plainto_tsquery and phraseto_tsquery read any text as words (no
 * operators), under the search migrations' configuration: accents and case folded, English stems,
 * and stop words ("the", "and") kept, as FTS5 keeps them on SQLite.
 */
function allOf({ words, phrases }: TextQuery): Prisma.Sql {
  const parts = [
    ...(words.length ? [Prisma.sql`plainto_tsquery('hearth_search', ${words.join(" ")}::text)`] : []),
    ...phrases.map((phrase) => Prisma.sql`phraseto_tsquery('hearth_search', ${phrase}::text)`),
  ];
  return Prisma.join(parts, " && ");
}

/**
 * ts_headline's options: the marks, and about as much context as SQLite's snippets. A fragment is
 * centred on a match; a short text is shown whole, as SQLite's snippet shows it, rather than cut.
 */
const MARKS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}`;
const FRAGMENT = `${MARKS}, MinWords=12, MaxWords=24, MaxFragments=1`;
const WHOLE = `${MARKS}, HighlightAll=true`;
const SHORT_TEXT = 200;

/**
 * Best first: ts_rank with a title's words (weight A) counting ten times a body's (B), as on
 * SQLite, divided by 1 + log(the entry's length) so that long texts do not win by length alone.
 * float8, so that a cursor holds the score exactly.
 */
const rank = (text: TextQuery) => Prisma.sql`ts_rank('{0, 0, 0.1, 1}', e."searchVector", (${allOf(text)}), 1)::float8`;

/** PostgreSQL: the tsvector column "searchVector" of SearchEntry (the search_index migration), under a GIN index. */
export const postgresBackend: SearchBackend = {
  // PostgreSQL's planner weighs a word's matches and the filters against the newest-first indexes by itself.
  entries: async (_db, text) => ({ from: Prisma.sql`"SearchEntry" e`, matches: text ? Prisma.sql`e."searchVector" @@ (${allOf(text)})` : null }),
  ranked: async (_db, text) => ({ from: Prisma.sql`"SearchEntry" e`, where: Prisma.sql`e."searchVector" @@ (${allOf(text)})`, score: rank(text), id: Prisma.sql`e."id"` }),
  matchesAny: (phrases) =>
    Prisma.sql`e."searchVector" @@ (${Prisma.join(
      phrases.map((phrase) => Prisma.sql`phraseto_tsquery('hearth_search', ${phrase}::text)`),
      " || ",
    )})`,
  likeIgnoringCase: (column, pattern) => Prisma.sql`${column} ILIKE ${pattern}::text ESCAPE '\\'`,
  async snippets(db, entryIds, text) {
    if (entryIds.length === 0) return new Map();
    const rows = await db.$queryRaw<{ id: number; snippet: string | null }[]>`
      SELECT "id", ts_headline('hearth_search', "body", (${allOf(text)}), CASE WHEN length("body") <= ${SHORT_TEXT} THEN ${WHOLE}::text ELSE ${FRAGMENT}::text END) AS "snippet"
      FROM "SearchEntry" WHERE "id" IN (${Prisma.join(entryIds)})`;
    return new Map(rows.map((row) => [Number(row.id), row.snippet ?? ""]));
  },
};
