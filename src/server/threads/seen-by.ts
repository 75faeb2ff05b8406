import type { Db } from "@/server/db";
import type { Publish } from "@/server/events";
import { canInGroup, threadViewersWhere } from "@/server/policy";
import { requireThreadAccess } from "@/server/threads/access";
import type { SeenBy } from "@/server/threads/schemas";

/**
 * Who has read a thread to its newest comment, out of everyone who can see it now. Read rows
 * of people who left stay behind, so both counts start from the thread's present audience.
 * Names only for those who may see the group's members; guests get the numbers alone. Two
 * queries after the access check, however large the group.
 */
export async function getSeenBy(db: Db, userId: string, threadId: string): Promise<SeenBy> {
  const { thread, standing } = await requireThreadAccess(db, userId, threadId);
  const audience = threadViewersWhere(thread);
  const seenWhere = { AND: [audience, { threadReads: { some: { threadId, lastReadSeq: { gte: thread.lastCommentSeq } } } }] };
  const [of, people] = await Promise.all([
    db.user.count({ where: audience }),
    canInGroup(standing, "thread.viewSeenByNames")
      ? db.user.findMany({ where: seenWhere, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] })
      : db.user.count({ where: seenWhere }),
  ]);
  return typeof people === "number" ? { seen: people, of, people: null } : { seen: people.length, of, people };
}

/**
 * Someone's read position reached the thread's newest comment: "seen by" changed for everyone
 * with the thread open. To the thread's room, whose sockets were let in only if they may see the
 * thread (and so its seen-by counts); the payload names nobody.
 */
export function publishThreadSeen(publish: Publish, threadId: string): void {
  publish({ name: "thread.seen", room: `thread:${threadId}`, payload: { threadId } });
}
