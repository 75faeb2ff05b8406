import { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/server/db";
import { providerOf } from "@/server/db/database-provider";
import { likeLiterally, type Narrowing, type Ranked, type SearchBackend, type TextQuery } from "@/server/search/backend";
import { decodeCursor, encodeCursor, type SearchPosition } from "@/server/search/cursor";
import { hasCriteria, parseQuery, type ParsedQuery } from "@/server/search/parse";
import { isGuestEverywhere } from "@/server/policy";
import { postgresBackend } from "@/server/search/postgres";
import { SEARCH_PAGE_SIZE, SEARCH_TYPES, type SearchPage, type SearchQueryInput, type SearchResult, type SearchType } from "@/server/search/schemas";
import { snippetText } from "@/server/search/snippet";
import { sqliteBackend } from "@/server/search/sqlite";
import { sharedGroupSql, visibleSql } from "@/server/search/visibility";

/** SearchEntry.type (what the triggers write) for each kind of result; a vote's reason is found as a poll, a named version as a document. */
const ENTRY_TYPES: Record<SearchType, readonly string[]> = {
  thread: ["thread"],
  comment: ["comment"],
  poll: ["poll", "vote"],
  outcome: ["outcome"],
  resource: ["resource"],
  meeting: ["meeting"],
  document: ["document", "version"],
  member: ["member"],
};
const ALL_ENTRY_TYPES = [...new Set(Object.values(ENTRY_TYPES).flat())];
/** The entries that have an open or closed state: their thread's or their poll's. */
const ENTRY_TYPES_WITH_STATUS = new Set(["thread", "comment", "poll", "outcome", "vote"]);

type Row = {
  id: number | bigint;
  type: string;
  subjectId: string;
  groupId: string | null;
  threadId: string | null;
  pollId: string | null;
  documentId: string | null;
  title: string;
  bodyStart: string;
  createdAt: Date;
  threadTitle: string | null;
  pollTitle: string | null;
  authorName: string | null;
  memberGroupId: string | null;
  /** Best first: how well it matches (null newest first). */
  score: number | null;
};

/** How a page is read and ordered, and where a cursor's page starts. */
type PageOrder = { from: Prisma.Sql; matches: Prisma.Sql | null; score: Prisma.Sql | null; orderBy: Prisma.Sql; after: Prisma.Sql | null };

/** Characters of an entry's text read for its snippet when the query has no words to show around. */
const BODY_START = 2_000;

function backend(): SearchBackend {
  return providerOf(process.env.DATABASE_URL ?? "file:") === "postgresql" ? postgresBackend : sqliteBackend;
}

/**
 * `search.query`: what the caller may see that matches the query, newest first or (`order:best`,
 * when there are words to match) most relevant first, then by entry, so pages never repeat or
 * skip a result; 20 a page. The work is bounded: at most 500 characters
 * and 20 terms, and a fixed handful of queries (the page, its snippets, and the few the database's
 * plan and the links need), whatever the query and the data.
 */
export async function searchQuery(db: Db, userId: string, input: SearchQueryInput): Promise<SearchPage> {
  const query = parseQuery(input.q);
  const empty: SearchPage = { results: [], nextCursor: null, ignored: query.ignored };
  // Without words, everything found matches equally well.
  const order = query.words.length || query.phrases.length ? query.order : "newest";
  const after = input.cursor ? decodeCursor(input.cursor, order) : null;
  if (!hasCriteria(query)) return empty;

  const entryTypes = entryTypesFor(query, input.types ?? []);
  const [groupIds, roles] = await Promise.all([
    groupsFor(db, query, input.groupId),
    db.membership.findMany({ where: { userId }, select: { role: true } }).then((rows) => rows.map(({ role }) => role)),
  ]);
  // Someone in no group has nothing to find.
  if (entryTypes.length === 0 || groupIds?.length === 0 || roles.length === 0) return empty;

  const search = backend();
  const now = new Date();
  const text: TextQuery | null = query.words.length || query.phrases.length ? { words: query.words, phrases: query.phrases } : null;
  const ofTypes = Prisma.sql`e."type" IN (${Prisma.join(entryTypes)})`;
  const byAuthors = query.authors.length ? authorsSql(search, query.authors) : null;
  const inGroups = groupIds ? groupsSql(groupIds, entryTypes) : null;
  const invited = isGuestEverywhere(roles) ? invitedSql(userId) : null;
  const narrowings: Narrowing[] = [
    ...(invited ? [{ index: null, where: invited }] : []),
    ...(entryTypes.length < ALL_ENTRY_TYPES.length ? [{ index: "SearchEntry_type_createdAt_idx", where: ofTypes }] : []),
    ...(inGroups && !entryTypes.includes("member") ? [{ index: "SearchEntry_groupId_createdAt_idx", where: inGroups }] : []),
    ...(byAuthors ? [{ index: "SearchEntry_authorId_idx", where: byAuthors }] : []),
  ];
  const { from, matches, score, orderBy, after: afterCursor } =
    order === "best" && text ? bestFirst(await search.ranked(db, text, narrowings), after) : newestFirst(await search.entries(db, text, narrowings), after);
  const sharedGroup = sharedGroupSql(userId, groupIds);
  const conditions = [
    ofTypes,
    ...(matches ? [matches] : []),
    ...(query.excluded.length ? [Prisma.sql`NOT (${search.matchesAny(query.excluded)})`] : []),
    ...(byAuthors ? [byAuthors] : []),
    ...(inGroups ? [inGroups] : []),
    ...(invited ? [invited] : []),
    ...(query.status ? [statusSql(query.status, now)] : []),
    ...(query.before ? [Prisma.sql`e."createdAt" < ${query.before}`] : []),
    ...(query.after ? [Prisma.sql`e."createdAt" >= ${query.after}`] : []),
    ...(afterCursor ? [afterCursor] : []),
    visibleSql(userId, now, sharedGroup),
  ];
  const rows = await db.$queryRaw<Row[]>`
    SELECT e."id", e."type", e."subjectId", e."groupId", e."threadId", e."pollId", e."documentId", e."title",
      substr(e."body", 1, ${BODY_START}) AS "bodyStart", e."createdAt",
      t."title" AS "threadTitle", p."title" AS "pollTitle", a."name" AS "authorName",
      CASE WHEN e."type" = 'member' THEN ${sharedGroup} END AS "memberGroupId", ${score ?? Prisma.sql`NULL`} AS "score"
    FROM ${from}
    LEFT JOIN "Membership" m ON m."groupId" = e."groupId" AND m."userId" = ${userId}
    LEFT JOIN "Thread" t ON t."id" = e."threadId"
    LEFT JOIN "Poll" p ON p."id" = e."pollId"
    LEFT JOIN "Resource" r ON e."type" = 'resource' AND r."id" = e."subjectId"
    LEFT JOIN "User" a ON a."id" = e."authorId"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY ${orderBy}
    LIMIT ${SEARCH_PAGE_SIZE + 1}`;

  const page = rows.slice(0, SEARCH_PAGE_SIZE);
  const ids = page.map((row) => Number(row.id));
  const [snippets, handles] = await Promise.all([
    text ? search.snippets(db, ids, text) : new Map<number, string>(),
    memberGroupHandles(db, page),
  ]);
  const last = page.at(-1);
  const position = (row: Row): SearchPosition =>
    order === "best" ? { order, score: Number(row.score), id: Number(row.id) } : { order, at: new Date(row.createdAt), id: Number(row.id) };
  return {
    results: page.map((row) => toResult(row, snippets.get(Number(row.id)), handles)),
    nextCursor: rows.length > SEARCH_PAGE_SIZE && last ? encodeCursor(position(last)) : null,
    ignored: query.ignored,
  };
}

/** Newest first: by time, then entry. */
function newestFirst(entries: { from: Prisma.Sql; matches: Prisma.Sql | null }, after: SearchPosition | null): PageOrder {
  return {
    ...entries,
    score: null,
    orderBy: Prisma.sql`e."createdAt" DESC, e."id" DESC`,
    // Written so that an index on the time can start at the cursor.
    after: after?.order === "newest" ? Prisma.sql`e."createdAt" <= ${after.at} AND (e."createdAt" < ${after.at} OR e."id" < ${after.id})` : null,
  };
}

/** Best first: by how well the words match, then entry. */
function bestFirst({ from, where, score, id }: Ranked, after: SearchPosition | null): PageOrder {
  return {
    from,
    matches: where,
    score,
    orderBy: Prisma.sql`${score} DESC, ${id} DESC`,
    after: after?.order === "best" ? Prisma.sql`(${score} < ${after.score} OR (${score} = ${after.score} AND ${id} < ${after.id}))` : null,
  };
}

/** The entry types to look in: those of `type:` and of the chips (both, when both are given), narrowed by `status:`. */
function entryTypesFor(query: ParsedQuery, chosen: readonly SearchType[]): string[] {
  const typed = new Set(query.types.length ? query.types : SEARCH_TYPES);
  const types = (chosen.length ? chosen : SEARCH_TYPES).filter((type) => typed.has(type));
  const entryTypes = [...new Set(types.flatMap((type) => ENTRY_TYPES[type]))];
  return query.status ? entryTypes.filter((type) => ENTRY_TYPES_WITH_STATUS.has(type)) : entryTypes;
}

/**
 * The groups to look in: those of `in:` and the chosen group (both, when both are given); null for
 * every group. Whether the caller may see them is decided with everything else (visibility.ts),
 * so a group they are not in gives no results, the same as one that does not exist.
 */
async function groupsFor(db: Db, query: ParsedQuery, groupId: string | undefined): Promise<string[] | null> {
  let ids: string[] | null = groupId ? [groupId] : null;
  if (query.groupHandles.length) {
    const named = await db.group.findMany({ where: { handle: { in: query.groupHandles } }, select: { id: true } });
    ids = named.map(({ id }) => id).filter((id) => !ids || ids.includes(id));
  }
  return ids;
}

/** `in:`: entries of these groups; people (who belong to no one group) through sharedGroupSql. */
function groupsSql(groupIds: string[], entryTypes: string[]): Prisma.Sql {
  const inGroups = Prisma.sql`e."groupId" IN (${Prisma.join(groupIds)})`;
  return entryTypes.includes("member") ? Prisma.sql`(${inGroups} OR e."type" = 'member')` : inGroups;
}

/**
 * All that someone who is a guest in every group of theirs may see (visibility.ts says so too):
 * the threads they were invited to, with their comments and polls, the polls they were chosen
 * to vote in, and the documents they were invited to read. Said again as a filter, so that their
 * search reads only these entries: named by id (found through the thread, poll and document
 * indexes), which SQLite reads by id where a condition on the thread or poll would make it read
 * every entry.
 */
function invitedSql(userId: string): Prisma.Sql {
  return Prisma.sql`e."id" IN (
    SELECT g."id" FROM "SearchEntry" g WHERE g."threadId" IN (SELECT tg."threadId" FROM "ThreadGuest" tg WHERE tg."userId" = ${userId})
    UNION ALL SELECT g."id" FROM "SearchEntry" g WHERE g."pollId" IN (SELECT pv."pollId" FROM "PollVoter" pv WHERE pv."userId" = ${userId})
    UNION ALL SELECT g."id" FROM "SearchEntry" g WHERE g."documentId" IN (SELECT dg."documentId" FROM "DocumentGuest" dg WHERE dg."userId" = ${userId}))`;
}

/** `@name`: written by someone a word of whose name starts with it (any of several). */
function authorsSql(search: SearchBackend, authors: string[]): Prisma.Sql {
  const name = Prisma.sql`u."name"`;
  const matches = authors.flatMap((author) => [
    search.likeIgnoringCase(name, `${likeLiterally(author)}%`),
    search.likeIgnoringCase(name, `% ${likeLiterally(author)}%`),
  ]);
  return Prisma.sql`e."authorId" IN (SELECT u."id" FROM "User" u WHERE ${Prisma.join(matches, " OR ")})`;
}

/** `status:`: a thread (or comment) by whether its thread is closed, a poll (outcome, vote) by whether its poll is. */
function statusSql(status: "open" | "closed", now: Date): Prisma.Sql {
  const threadClosed = Prisma.sql`t."closedAt" IS NOT NULL`;
  const pollClosed = Prisma.sql`(p."closedAt" IS NOT NULL OR p."closingAt" <= ${now})`;
  const wanted = (closed: Prisma.Sql) => (status === "closed" ? closed : Prisma.sql`NOT ${closed}`);
  return Prisma.sql`((e."type" IN ('thread', 'comment') AND ${wanted(threadClosed)}) OR (e."type" IN ('poll', 'outcome', 'vote') AND ${wanted(pollClosed)}))`;
}

/** The handles of the groups through which people on the page were found, for the links to them. */
async function memberGroupHandles(db: Db, rows: Row[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((row) => (row.memberGroupId ? [row.memberGroupId] : [])))];
  if (ids.length === 0) return new Map();
  const groups = await db.group.findMany({ where: { id: { in: ids } }, select: { id: true, handle: true } });
  return new Map(groups.map((group) => [group.id, group.handle]));
}

function toResult(row: Row, snippet: string | undefined, handles: Map<string, string>): SearchResult {
  const base = { id: row.subjectId, createdAt: new Date(row.createdAt), snippet: snippetText(snippet ?? row.bodyStart), groupId: row.groupId ?? "" };
  switch (row.type) {
    case "comment":
      return { ...base, type: "comment", title: row.threadTitle ?? "", url: `/threads/${row.threadId}?comment=${row.subjectId}` };
    case "poll":
      return { ...base, type: "poll", title: row.title, url: `/polls/${row.subjectId}` };
    case "vote":
      return { ...base, type: "poll", title: `${row.authorName ?? "Someone"}’s vote on ${row.pollTitle ?? ""}`, url: `/polls/${row.pollId}` };
    case "outcome":
      return { ...base, type: "outcome", title: row.pollTitle ?? "", url: `/polls/${row.subjectId}` };
    case "member": {
      const handle = handles.get(row.memberGroupId ?? "") ?? "";
      return { ...base, type: "member", title: row.title, groupId: row.memberGroupId ?? "", url: `/groups/${handle}/members?search=${encodeURIComponent(row.title)}` };
    }
    case "resource":
      return { ...base, type: "resource", title: row.title, url: `/resources/${row.subjectId}` };
    case "meeting":
      return { ...base, type: "meeting", title: row.title, url: `/meetings/${row.subjectId}` };
    case "document":
      return { ...base, type: "document", title: row.title, url: `/documents/${row.subjectId}` };
    case "version":
      return { ...base, type: "document", title: row.title, url: `/documents/${row.documentId}/history?version=${row.subjectId}` };
    default:
      return { ...base, type: "thread", title: row.title, url: `/threads/${row.subjectId}` };
  }
}
