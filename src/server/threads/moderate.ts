import { recordAudit } from "@/server/audit/record";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { requireInGroup } from "@/server/groups/standing";
import { requireModerator, requireThreadAccess } from "@/server/threads/access";
import { publishThreadChange } from "@/server/threads/edit";

async function moderate(db: Db, userId: string, threadId: string) {
  const access = await requireThreadAccess(db, userId, threadId);
  requireModerator(access);
  return access.thread;
}

/** Pinning a pinned thread (or unpinning an unpinned one) changes nothing, so the log says nothing either. */
export async function pinThread(db: Db, publish: Publish, userId: string, threadId: string, pinned: boolean) {
  const thread = await moderate(db, userId, threadId);
  await db.$transaction(async (tx) => {
    const { count } = await tx.thread.updateMany({
      where: { id: threadId, pinnedAt: pinned ? null : { not: null } },
      data: { pinnedAt: pinned ? new Date() : null },
    });
    if (count === 0) return;
    const subject = { type: "thread" as const, id: threadId, label: thread.title };
    await recordAudit(tx, { groupId: thread.groupId, actorId: userId, action: pinned ? "thread.pinned" : "thread.unpinned", subject });
  });
  publishThreadChange(publish, thread.groupId, threadId);
  return { id: threadId };
}

export async function setThreadClosed(db: Db, publish: Publish, userId: string, threadId: string, closed: boolean) {
  const thread = await moderate(db, userId, threadId);
  // Claimed with a conditional update: of two admins closing at once, one closes (and is logged), the other is told.
  await db.$transaction(async (tx) => {
    const { count } = await tx.thread.updateMany({
      where: { id: threadId, closedAt: closed ? null : { not: null } },
      data: { closedAt: closed ? new Date() : null },
    });
    if (count === 0) throw new AppError("CONFLICT", closed ? "This thread is already closed." : "This thread is already open.");
    const subject = { type: "thread" as const, id: threadId, label: thread.title };
    await recordAudit(tx, { groupId: thread.groupId, actorId: userId, action: closed ? "thread.closed" : "thread.reopened", subject });
  });
  publishThreadChange(publish, thread.groupId, threadId);
  return { id: threadId };
}

/**
 * Moves a thread to another group the caller administers. Guest invitations belong to the old
 * group's context, so they are withdrawn rather than carried into a group the guest never joined.
 */
export async function moveThread(db: Db, publish: Publish, userId: string, threadId: string, groupId: string) {
  const thread = await moderate(db, userId, threadId);
  if (thread.groupId === groupId) throw new AppError("BAD_REQUEST", "The thread is already in that group.");
  await requireInGroup(db, userId, groupId, "thread.moderate");
  const [guests, groups] = await Promise.all([
    db.threadGuest.findMany({ where: { threadId }, select: { user: { select: { name: true } } }, orderBy: { createdAt: "asc" } }),
    db.group.findMany({ where: { id: { in: [thread.groupId, groupId] } }, select: { id: true, name: true } }),
  ]);
  const nameOf = (id: string) => groups.find((group) => group.id === id)?.name ?? "";
  // Both groups' logs tell of the move; the old one also names the guests who lost access.
  const move = { actorId: userId, subject: { type: "thread" as const, id: threadId, label: thread.title }, after: { group: nameOf(groupId) } };
  const withdrawn = guests.map(({ user }) => user.name).join(", ");
  await db.$transaction([
    db.threadGuest.deleteMany({ where: { threadId } }),
    // A meeting belongs to the old group, so the link does not travel with the thread.
    db.thread.update({ where: { id: threadId }, data: { groupId, meetingId: null } }),
    // Its tasks go with it (tasks/access.ts reads a thread task's group from the thread).
    db.task.updateMany({ where: { threadId }, data: { groupId } }),
    recordAudit(db, [
      { ...move, groupId: thread.groupId, action: "thread.moved_out", before: { group: nameOf(thread.groupId), ...(withdrawn && { guests: withdrawn }) } },
      { ...move, groupId, action: "thread.moved_in", before: { group: nameOf(thread.groupId) } },
    ]),
  ]);
  // Published first, so the room is checked again (withdrawn guests, old-group-only members) before it hears more.
  publish({ name: "thread.moved", room: `thread:${threadId}`, payload: { threadId, groupId } });
  publishThreadChange(publish, thread.groupId, threadId);
  publish({ name: "thread.activity", room: `group:${groupId}`, payload: { groupId, threadId } });
  return { id: threadId };
}
