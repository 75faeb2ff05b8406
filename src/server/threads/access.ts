import type { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { getStanding } from "@/server/groups/standing";
import { canInGroup, canViewThread, threadsVisibleToWhere, type GroupStanding } from "@/server/policy";

export type ThreadAccess = {
  thread: { id: string; groupId: string; title: string; authorId: string; closedAt: Date | null; lastCommentSeq: number };
  standing: GroupStanding;
  canModerate: boolean;
};

const NOT_VISIBLE = "That thread does not exist, or you cannot see it.";

/**
 * Loads a thread only if the caller may see it: members and admins see every thread of their
 * group, guests only the threads they were invited to. Anything else is NOT_FOUND, so thread
 * ids reveal nothing.
 */
export async function requireThreadAccess(db: Db, userId: string, threadId: string): Promise<ThreadAccess> {
  const thread = await db.thread.findUnique({
    where: { id: threadId },
    select: {
      id: true,
      groupId: true,
      title: true,
      authorId: true,
      closedAt: true,
      lastCommentSeq: true,
      guests: { where: { userId }, select: { userId: true } },
    },
  });
  if (!thread) throw new AppError("NOT_FOUND", NOT_VISIBLE);
  const standing = await getStanding(db, userId, thread.groupId);
  if (!canViewThread(standing, { isThreadGuest: thread.guests.length > 0 })) throw new AppError("NOT_FOUND", NOT_VISIBLE);
  const { guests: _guests, ...rest } = thread;
  return { thread: rest, standing, canModerate: canInGroup(standing, "thread.moderate") };
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
