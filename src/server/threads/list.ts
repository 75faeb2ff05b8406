import type { z } from "zod";
import type { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { requireInGroup } from "@/server/groups/standing";
import { visibleThreadsWhere } from "@/server/threads/access";
import { excerptOf, personSelect, readStateOf, toPerson } from "@/server/threads/dto";
import type { ThreadSummary, zListThreadsInput } from "@/server/threads/schemas";

const PAGE_SIZE = 25;

function summarySelect(userId: string) {
  return {
    id: true,
    groupId: true,
    title: true,
    body: true,
    pinnedAt: true,
    closedAt: true,
    commentCount: true,
    lastCommentSeq: true,
    lastActivityAt: true,
    createdAt: true,
    author: { select: personSelect },
    tags: { select: { tag: true }, orderBy: { tag: "asc" } },
    reads: { where: { userId }, select: { lastReadSeq: true } },
  } satisfies Prisma.ThreadSelect;
}

type SummaryRow = Prisma.ThreadGetPayload<{ select: ReturnType<typeof summarySelect> }>;

function toSummary(row: SummaryRow): ThreadSummary {
  return {
    id: row.id,
    groupId: row.groupId,
    title: row.title,
    excerpt: excerptOf(row.body),
    author: toPerson(row.author),
    tags: row.tags.map(({ tag }) => tag),
    pinned: row.pinnedAt !== null,
    closed: row.closedAt !== null,
    commentCount: row.commentCount,
    ...readStateOf(row.lastCommentSeq, row.reads[0]),
    lastActivityAt: row.lastActivityAt,
    createdAt: row.createdAt,
  };
}

/**
 * A group's threads, latest activity first. Pinned threads lead the first page; the rest are
 * paged by (lastActivityAt, id) so new activity never makes a page repeat or skip a thread.
 * Guests get only the threads they were invited to.
 */
export async function listThreads(db: Db, userId: string, input: z.infer<typeof zListThreadsInput>) {
  const standing = await requireInGroup(db, userId, input.groupId, "group.view");
  const where: Prisma.ThreadWhereInput = {
    groupId: input.groupId,
    // Each filter its own AND term, so none can overwrite another's OR (nor the page position's below).
    AND: [
      visibleThreadsWhere(standing, userId),
      input.status === "open" ? { closedAt: null } : input.status === "closed" ? { closedAt: { not: null } } : {},
      input.tag ? { tags: { some: { tag: input.tag.replace(/^#/, "") } } } : {},
    ],
  };
  const select = summarySelect(userId);
  const order = [{ lastActivityAt: "desc" }, { id: "desc" }] satisfies Prisma.ThreadOrderByWithRelationInput[];

  // Most groups pin nothing: a look for one pinned thread first spares the three queries Prisma
  // makes for the relations (author, tags, read state) of an empty list.
  const pinnedWhere = { ...where, pinnedAt: { not: null } } satisfies Prisma.ThreadWhereInput;
  const anyPinned = !input.cursor && (await db.thread.findFirst({ where: pinnedWhere, select: { id: true } })) !== null;
  const pinned = anyPinned ? await db.thread.findMany({ where: pinnedWhere, select, orderBy: order }) : [];
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rest = await db.thread.findMany({
    where: {
      ...where,
      pinnedAt: null,
      ...(after && {
        OR: [{ lastActivityAt: { lt: after.at } }, { lastActivityAt: after.at, id: { lt: after.id } }],
      }),
    },
    select,
    orderBy: order,
    take: PAGE_SIZE + 1,
  });
  const page = rest.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  return {
    items: [...pinned, ...page].map(toSummary),
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
