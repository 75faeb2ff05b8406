import { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/server/db";
import type { SqlExists } from "@/server/db/sql-exists";
import { AppError } from "@/server/errors";
import { remember, type RequestMemo } from "@/server/api/request-memo";
import {
  canInGroup,
  canViewThread,
  threadsVisibleToWhere,
  type GroupStanding,
} from "@/server/policy";
import { membershipJoin, STANDING_COLUMNS, standingOf, type StandingColumns } from "@/server/groups/standing";

export type ThreadAccess = {
  thread: { id: string; groupId: string; title: string; authorId: string; closedAt: Date | null; lastCommentSeq: number };
  standing: GroupStanding;
  canModerate: boolean;
};

const NOT_VISIBLE = "That thread does not exist, or you cannot see it.";

/**
 * Loads a thread only if the caller may see it: members and admins see every thread of their
 * group, guests only the threads they were invited to. Anything else is NOT_FOUND, so thread
 * ids reveal nothing. With a request memo (queries), one lookup serves every call of the request.
 */
export function requireThreadAccess(db: Db, userId: string, threadId: string, memo?: RequestMemo): Promise<ThreadAccess> {
  return remember(memo, `thread-access:${userId}:${threadId}`, () => lookUpThreadAccess(db, userId, threadId));
}

/** The thread, its group's settings, the caller's membership and whether they are its guest, in one query (groups/standing.ts). */
async function lookUpThreadAccess(db: Db, userId: string, threadId: string): Promise<ThreadAccess> {
  const [row] = await db.$queryRaw<(ThreadAccess["thread"] & StandingColumns & { isThreadGuest: SqlExists })[]>`
    SELECT t."id", t."groupId", t."title", t."authorId", t."closedAt", t."lastCommentSeq", ${STANDING_COLUMNS},
           EXISTS (SELECT 1 FROM "ThreadGuest" AS tg WHERE tg."threadId" = t."id" AND tg."userId" = ${userId}) AS "isThreadGuest"
    FROM "Thread" AS t JOIN "Group" AS g ON g."id" = t."groupId" ${membershipJoin(userId)}
    WHERE t."id" = ${threadId}`;
  if (!row) throw new AppError("NOT_FOUND", NOT_VISIBLE);
  const standing = standingOf(row);
  const isThreadGuest = standing.role === "guest" && Boolean(row.isThreadGuest);
  if (!canViewThread(standing, { isThreadGuest })) throw new AppError("NOT_FOUND", NOT_VISIBLE);
  const { id, groupId, title, authorId, closedAt, lastCommentSeq } = row;
  return { thread: { id, groupId, title, authorId, closedAt, lastCommentSeq }, standing, canModerate: canInGroup(standing, "thread.moderate") };
}

export function requireOpen(access: ThreadAccess): void {
  if (access.thread.closedAt) {
    throw new AppError("BAD_REQUEST", "This thread is closed, so it takes no new comments. An admin can reopen it.");
  }
}

export function requireModerator(access: ThreadAccess): void {
  if (!access.canModerate) throw new AppError("FORBIDDEN", "Only the group's admins can do that.");
}

/**
 * The threads of a group this person may see: all of them, or for a guest those they were
 * invited to. With the standing at hand, those who see every thread need no filter at all.
 */
export function visibleThreadsWhere(standing: GroupStanding, userId: string): Prisma.ThreadWhereInput {
  return canInGroup(standing, "thread.viewAll") ? {} : threadsVisibleToWhere(userId);
}

/** visibleThreadsWhere as an SQL condition on a thread `t` of the group the standing is in. */
export function visibleThreadsSql(standing: GroupStanding, userId: string): Prisma.Sql {
  if (canInGroup(standing, "thread.viewAll")) return Prisma.sql`TRUE`;
  if (!canViewThread(standing, { isThreadGuest: true })) return Prisma.sql`FALSE`;
  return Prisma.sql`EXISTS (SELECT 1 FROM "ThreadGuest" AS tg WHERE tg."threadId" = t."id" AND tg."userId" = ${userId})`;
}
