import type { z } from "zod";
import { Prisma, type Thread } from "@/generated/prisma/client.ts";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { requireInGroup } from "@/server/groups/standing";
import { visibleThreadsSql } from "@/server/threads/access";
import { AUTHOR_COLUMNS, authorIn, excerptOf, readStateOf, tagsOf, toPerson, type AuthorColumns } from "@/server/threads/dto";
import type { ThreadSummary, zListThreadsInput } from "@/server/threads/schemas";

const PAGE_SIZE = 25;

/** A thread as the list's query selects it, with its author and the viewer's read mark joined. */
type SummaryRow = Pick<
  Thread,
  "id" | "groupId" | "title" | "body" | "pinnedAt" | "closedAt" | "commentCount" | "lastCommentSeq" | "lastActivityAt" | "createdAt"
> &
  AuthorColumns & { lastReadSeq: number | null };

function toSummary(row: SummaryRow, tags: string[]): ThreadSummary {
  return {
    id: row.id,
    groupId: row.groupId,
    title: row.title,
    excerpt: excerptOf(row.body),
    author: toPerson(authorIn(row)),
    tags,
    pinned: row.pinnedAt !== null,
    closed: row.closedAt !== null,
    commentCount: row.commentCount,
    ...readStateOf(row.lastCommentSeq, row.lastReadSeq === null ? undefined : { lastReadSeq: row.lastReadSeq }),
    lastActivityAt: row.lastActivityAt,
    createdAt: row.createdAt,
  };
}

/**
 * A group's threads, latest activity first. Pinned threads lead the first page; the rest are
 * paged by (lastActivityAt, id) so new activity never makes a page repeat or skip a thread.
 * Guests get only the threads they were invited to.
 *
 * In SQL rather than Prisma's API, as the most asked read of all: Prisma loads each relation
 * (author, tags, read mark) with a query of its own and cost several times the reads themselves.
 * Four statements after the session: the standing, the pinned threads (first page only), the
 * page, and the tags of both.
 */
export async function listThreads(db: Db, userId: string, input: z.infer<typeof zListThreadsInput>) {
  const standing = await requireInGroup(db, userId, input.groupId, "group.view");
  const status = { open: Prisma.sql`AND t."closedAt" IS NULL`, closed: Prisma.sql`AND t."closedAt" IS NOT NULL`, all: Prisma.empty }[input.status];
  const tag = input.tag
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM "ThreadTag" AS tt WHERE tt."threadId" = t."id" AND tt."tag" = ${input.tag.replace(/^#/, "")})`
    : Prisma.empty;
  const filters = Prisma.sql`t."groupId" = ${input.groupId} AND ${visibleThreadsSql(standing, userId)} ${status} ${tag}`;
  const summaries = (where: Prisma.Sql, limit: Prisma.Sql) => db.$queryRaw<SummaryRow[]>`
    SELECT t."id", t."groupId", t."title", t."body", t."pinnedAt", t."closedAt", t."commentCount", t."lastCommentSeq",
           t."lastActivityAt", t."createdAt", t."authorId", ${AUTHOR_COLUMNS}, r."lastReadSeq"
    FROM "Thread" AS t
    JOIN "User" AS u ON u."id" = t."authorId"
    LEFT JOIN "ThreadRead" AS r ON r."threadId" = t."id" AND r."userId" = ${userId}
    WHERE ${filters} AND ${where}
    ORDER BY t."lastActivityAt" DESC, t."id" DESC ${limit}`;

  const pinned = input.cursor ? [] : await summaries(Prisma.sql`t."pinnedAt" IS NOT NULL`, Prisma.empty);
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rest = await summaries(
    after
      ? Prisma.sql`t."pinnedAt" IS NULL AND (t."lastActivityAt" < ${after.at} OR (t."lastActivityAt" = ${after.at} AND t."id" < ${after.id}))`
      : Prisma.sql`t."pinnedAt" IS NULL`,
    Prisma.sql`LIMIT ${PAGE_SIZE + 1}`,
  );
  const restPage = rest.slice(0, PAGE_SIZE);
  const page = [...pinned, ...restPage];
  const tags = await tagsOf(db, page.map(({ id }) => id));
  const last = restPage.at(-1);
  return {
    items: page.map((row) => toSummary(row, tags.get(row.id) ?? [])),
    nextCursor: rest.length > PAGE_SIZE && last ? encodeCursor(last.lastActivityAt, last.id) : null,
  };
}

function encodeCursor(at: Date, id: string): string {
  return `${at.getTime()}_${id}`;
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  const match = /^(\d+)_(.+)$/.exec(cursor);
  if (!match) throw new AppError("BAD_REQUEST", "That page position is not valid; reload the list.");
  return { at: new Date(Number(match[1])), id: match[2]! };
}
