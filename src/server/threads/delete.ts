import { recordAudit } from "@/server/audit/record";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { deleteStoredFilesIfUnused } from "@/server/files/cleanup";
import { logger } from "@/server/logger";
import { publishMeetingChange } from "@/server/meetings/access";
import { canInGroup } from "@/server/policy";
import { publishPollChange } from "@/server/polls/events";
import { requireThreadAccess } from "@/server/threads/access";

const DELETED = "This thread was deleted or never existed.";

/**
 * An admin deletes a thread for everyone, as Loomio does: its comments (with their revisions and
 * reactions), its own reactions, revisions, tags, reads, follows, guest invitations and
 * attachments, and the polls started in it with their votes. Notifications that lead into it go
 * too, since their excerpts quote what was deleted. Open pages are told; its room is emptied.
 */
export async function deleteThread(db: Db, publish: Publish, userId: string, threadId: string): Promise<{ id: string }> {
  const access = await requireThreadAccess(db, userId, threadId);
  if (!canInGroup(access.standing, "thread.delete")) throw new AppError("FORBIDDEN", "Only the group's admins can delete a thread.");
  const { groupId } = access.thread;
  const [row, comments, polls, attachments] = await Promise.all([
    db.thread.findUnique({ where: { id: threadId }, select: { meetingId: true, commentCount: true } }),
    db.comment.findMany({ where: { threadId }, select: { id: true } }),
    db.poll.findMany({ where: { threadId }, select: { id: true, meetingId: true } }),
    db.threadAttachment.findMany({ where: { threadId }, select: { fileId: true } }),
  ]);
  // Another delete finished since the access check: answered like a replay, as below.
  if (!row) throw new AppError("NOT_FOUND", DELETED);
  const pollUrls = polls.map(({ id }) => `/polls/${id}`);

  await db.$transaction(async (tx) => {
    await tx.reaction.deleteMany({
      where: { OR: [{ subject: "thread", subjectId: threadId }, { subject: "comment", subjectId: { in: comments.map(({ id }) => id) } }] },
    });
    await tx.notification.deleteMany({ where: { OR: [{ url: `/threads/${threadId}` }, { url: { startsWith: `/threads/${threadId}#` } }, { url: { in: pollUrls } }] } });
    await tx.poll.deleteMany({ where: { threadId } });
    // Replies first: a comment cannot go while replies still hang from it.
    await tx.comment.deleteMany({ where: { threadId, parentId: { not: null } } });
    await tx.comment.deleteMany({ where: { threadId } });
    const { count } = await tx.thread.deleteMany({ where: { id: threadId } });
    // The loser of two deletes at once is answered like a replay, and its audit entry is never written.
    if (count === 0) throw new AppError("NOT_FOUND", DELETED);
    await recordAudit(tx, {
      groupId,
      actorId: userId,
      action: "thread.deleted",
      subject: { type: "thread", id: threadId, label: access.thread.title },
      before: { comments: row.commentCount, polls: polls.length },
    });
  });
  logger.info({ threadId, groupId, userId, comments: row.commentCount, polls: polls.length }, "thread deleted");

  publish({ name: "thread.deleted", room: `thread:${threadId}`, payload: { threadId, groupId } });
  publish({ name: "thread.activity", room: `group:${groupId}`, payload: { groupId, threadId } });
  for (const poll of polls) publishPollChange(publish, { id: poll.id, groupId, threadId: null });
  const meetings = new Set([row.meetingId, ...polls.map(({ meetingId }) => meetingId)].filter((id) => id !== null));
  for (const id of meetings) publishMeetingChange(publish, { id, groupId });
  await deleteStoredFilesIfUnused(db, attachments.map(({ fileId }) => fileId)).catch((error: unknown) => {
    logger.error({ err: error, threadId }, "could not remove a deleted thread's files; the daily sweep will");
  });
  return { id: threadId };
}
