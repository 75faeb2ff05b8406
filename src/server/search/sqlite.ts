import { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/server/db";
import { MATCH_END, MATCH_START, type SearchBackend, type TextQuery } from "@/server/search/backend";

/**
 * An FTS5 string: the text between double quotes, its own double quotes doubled. Inside one,
 * FTS5 sees no operators (NEAR, AND, *, :, parentheses): only words to match in order.
 */
const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** Every word and phrase, each quoted; FTS5 joins them with AND. */
const allOf = ({ words, phrases }: TextQuery) => [...words, ...phrases].map(quoted).join(" ");

/** Tokens of context in a snippet (FTS5 allows at most 64). */
const SNIPPET_TOKENS = 24;

/** How much more a word counts in an entry's title than in its body, best first. */
const TITLE_WEIGHT = 10;

/** A way of reading entries that leaves fewer than this many is read whole and sorted; otherwise the next is tried. */
const FEW = 2_000;

/** The word's matches; when they do not lead the reading, a unary + keeps the planner from making them. */
const matching = (fts: string, leads: boolean) =>
  Prisma.sql`${Prisma.raw(leads ? "" : "+")}e."id" IN (SELECT rowid FROM "SearchEntryText" WHERE "SearchEntryText" MATCH ${fts})`;
/** Entries read through this index only; without one, by their ids (NOT INDEXED still looks rows up by id). */
const through = (index: string | null) =>
  Prisma.raw(index ? `"SearchEntry" e INDEXED BY "${index.replace(/[^A-Za-z_]/g, "")}"` : `"SearchEntry" e NOT INDEXED`);

/** Fewer than FEW rows, counted no further. */
async function isFew(db: Db, rows: Prisma.Sql): Promise<boolean> {
  const [counted] = await db.$queryRaw<{ count: number | bigint }[]>`SELECT count(*) AS "count" FROM (${rows} LIMIT ${FEW})`;
  return Number(counted?.count ?? 0) < FEW;
}

/**
 * SQLite: FTS5 over SearchEntry (the search_index migration), porter stemming, diacritics removed.
 * SQLite's planner cannot tell a rare word (or kind, group, author) from a common one, so this
 * counts, up to FEW each: when the word has few matches, they are read, checked and sorted; else
 * the first narrowing (by invitation, kind, group, author) that leaves few entries is read so;
 * else the entries are read newest first (each checked against the word's matches, gathered once)
 * and reading stops at a full page, instead of sorting tens of thousands of them.
 */
export const sqliteBackend: SearchBackend = {
  async entries(db, text, narrowings) {
    const fts = text && allOf(text);
    if (fts && (await isFew(db, Prisma.sql`SELECT rowid FROM "SearchEntryText" WHERE "SearchEntryText" MATCH ${fts}`))) {
      return { from: through(null), matches: matching(fts, true) };
    }
    const matches = fts ? matching(fts, false) : null;
    for (const { index, where } of narrowings) {
      if (await isFew(db, Prisma.sql`SELECT 1 FROM ${through(index)} WHERE ${where}`)) return { from: through(index), matches };
    }
    return { from: through("SearchEntry_createdAt_idx"), matches };
  },
  // bm25 is lower for better matches: negated, so that a higher score is better on both databases.
  // Ranking needs every match scored, once, in the subquery; LIMIT -1 (no limit) keeps SQLite from
  // merging it into the page's query and CROSS JOIN keeps it first, so the page reads entries in
  // its order and stops when full, instead of reading and sorting every match. bm25 cannot rank
  // only the entries of a narrowing (it would count the word's matches again for each), but a
  // narrowing that leaves few is checked against each match before the entry is read.
  async ranked(db, text, narrowings) {
    let few: Prisma.Sql | null = null;
    for (const { index, where } of narrowings) {
      const narrowed = Prisma.sql`SELECT e."id" FROM ${through(index)} WHERE ${where}`;
      if (await isFew(db, narrowed)) {
        few = Prisma.sql`f."entryId" IN (${narrowed})`;
        break;
      }
    }
    return {
      from: Prisma.sql`(SELECT rowid AS "entryId", -bm25("SearchEntryText", ${Prisma.raw(String(TITLE_WEIGHT))}, 1) AS "score"
          FROM "SearchEntryText" WHERE "SearchEntryText" MATCH ${allOf(text)}
          ORDER BY "score" DESC, rowid DESC LIMIT -1) f
        CROSS JOIN "SearchEntry" e ON e."id" = f."entryId"`,
      where: few,
      score: Prisma.sql`f."score"`,
      id: Prisma.sql`f."entryId"`,
    };
  },
  // One seek in the index per entry that is otherwise a result.
  matchesAny: (phrases) =>
    Prisma.sql`EXISTS (SELECT 1 FROM "SearchEntryText" WHERE "SearchEntryText" MATCH ${phrases.map(quoted).join(" OR ")} AND rowid = e."id")`,
  // Hearth's LIKE on SQLite folds case in every script (db/unicode-like.ts).
  likeIgnoringCase: (column, pattern) => Prisma.sql`${column} LIKE ${pattern} ESCAPE '\\'`,
  async snippets(db, entryIds, text) {
    if (entryIds.length === 0) return new Map();
    const rows = await db.$queryRaw<{ id: number | bigint; snippet: string | null }[]>`
      SELECT rowid AS "id", snippet("SearchEntryText", 1, ${MATCH_START}, ${MATCH_END}, '…', ${SNIPPET_TOKENS}) AS "snippet"
      FROM "SearchEntryText"
      WHERE "SearchEntryText" MATCH ${allOf(text)} AND rowid IN (${Prisma.join(entryIds)})`;
    return new Map(rows.map((row) => [Number(row.id), row.snippet ?? ""]));
  },
};
