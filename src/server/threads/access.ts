import type { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { remember, type RequestMemo } from "@/server/api/request-memo";
import {
  canInGroup,
  canViewThread,
  GROUP_SETTINGS_SELECT,
  groupSettingsOf,
  threadsVisibleToWhere,
  type GroupStanding,
} from "@/server/policy";

export type ThreadAccess = {
  thread: { id: string; groupId: string; title: string; authorId: string; closedAt: Date | null; lastCommentSeq: number };
  standing: GroupStanding;
  canModerate: boolean;
};

const NOT_VISIBLE = "That thread does not exist, or you cannot see it.";

/**
 * Loads a thread only if the caller may see it: members and admins see every thread of their
 * group, guests only the threads they were invited to. Anything else is NOT_FOUND, so thread
 * ids reveal nothing. The thread, its group's settings and the caller's membership come in one
 * call; the invitation is looked up only for guests. With a request memo (queries), one lookup
 * serves every call of the request.
 */
export function requireThreadAccess(db: Db, userId: string, threadId: string, memo?: RequestMemo): Promise<ThreadAccess> {
  return remember(memo, `thread-access:${userId}:${threadId}`, () => lookUpThreadAccess(db, userId, threadId));
}

async function lookUpThreadAccess(db: Db, userId: string, threadId: string): Promise<ThreadAccess> {
  const row = await db.thread.findUnique({
    where: { id: threadId },
    select: {
      id: true,
      groupId: true,
      title: true,
      authorId: true,
      closedAt: true,
      lastCommentSeq: true,
      group: { select: { ...GROUP_SETTINGS_SELECT, memberships: { where: { userId }, select: { role: true } } } },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", NOT_VISIBLE);
  const { group, ...thread } = row;
  const standing: GroupStanding = { role: group.memberships[0]?.role ?? null, settings: groupSettingsOf(group) };
  const isThreadGuest =
    standing.role === "guest" &&
    (await db.threadGuest.findUnique({ where: { threadId_userId: { threadId, userId } }, select: { userId: true } })) !== null;
  if (!canViewThread(standing, { isThreadGuest })) throw new AppError("NOT_FOUND", NOT_VISIBLE);
  return { thread, standing, canModerate: canInGroup(standing, "thread.moderate") };
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
