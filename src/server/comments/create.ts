import type { z } from "zod";
import { loadCommentDto } from "@/server/comments/dto";
import type { zCreateCommentInput } from "@/server/comments/schemas";
import type { Db } from "@/server/db";
import { isUniqueViolation } from "@/server/db/unique-violation";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { notifyComment } from "@/server/notifications/triggers";
import { syncTasksAfterWrite } from "@/server/tasks/sync";
import { requireOpen, requireThreadAccess } from "@/server/threads/access";

/**
 * The comment replied to: the top-level comment the reply hangs from (a reply to a reply hangs
 * from the same one, keeping one level of nesting), and the author who hears about the reply.
 */
async function repliedTo(db: Db, threadId: string, parentId: string | undefined) {
  if (!parentId) return { topLevelId: null, authorId: null };
  const parent = await db.comment.findUnique({ where: { id: parentId }, select: { threadId: true, parentId: true, authorId: true } });
  if (!parent || parent.threadId !== threadId) {
    throw new AppError("BAD_REQUEST", "You can only reply to a comment in the same thread.");
  }
  return { topLevelId: parent.parentId ?? parentId, authorId: parent.authorId };
}

/** The comment an earlier sending with the same key already made, if it reached us. */
async function alreadySent(db: Db, userId: string, threadId: string, clientKey: string | undefined) {
  if (!clientKey) return null;
  const earlier = await db.comment.findUnique({
    where: { authorId_clientKey: { authorId: userId, clientKey } },
    select: { id: true, threadId: true },
  });
  if (earlier && earlier.threadId !== threadId) {
    throw new AppError("CONFLICT", "That comment was already sent to another thread.");
  }
  return earlier ? loadCommentDto(db, earlier.id) : null;
}

export async function createComment(db: Db, publish: Publish, userId: string, input: z.infer<typeof zCreateCommentInput>) {
  const access = await requireThreadAccess(db, userId, input.threadId);
  const earlier = await alreadySent(db, userId, input.threadId, input.clientKey);
  if (earlier) return earlier;
  requireOpen(access);
  const parent = await repliedTo(db, input.threadId, input.parentId);

  const created = await db
    .$transaction(async (tx) => {
      const { lastCommentSeq: seq } = await tx.thread.update({
        where: { id: input.threadId },
        data: { lastCommentSeq: { increment: 1 }, commentCount: { increment: 1 }, lastActivityAt: new Date() },
        select: { lastCommentSeq: true },
      });
      await tx.threadRead.upsert({
        where: { userId_threadId: { userId, threadId: input.threadId } },
        create: { userId, threadId: input.threadId, lastReadSeq: seq },
        update: { lastReadSeq: seq },
      });
      // Commenting follows the thread, unless the person chose before (a mute stays a mute).
      await tx.threadFollow.upsert({
        where: { userId_threadId: { userId, threadId: input.threadId } },
        create: { userId, threadId: input.threadId, following: true, automatic: true },
        update: {},
      });
      return tx.comment.create({
        data: { threadId: input.threadId, authorId: userId, parentId: parent.topLevelId, seq, body: input.body, clientKey: input.clientKey },
        select: { id: true },
      });
    })
    .catch((error: unknown) => {
      // Two sendings with one key raced and the other made the comment (answered below).
      if (input.clientKey && isUniqueViolation(error)) return null;
      throw error;
    });
  if (!created) {
    const winner = await alreadySent(db, userId, input.threadId, input.clientKey);
    if (!winner) throw new AppError("CONFLICT", "That comment could not be saved. Please send it again.");
    return winner;
  }
  const { id } = created;

  const comment = await loadCommentDto(db, id);
  publish({ name: "comment.created", room: `thread:${input.threadId}`, payload: comment });
  publish({
    name: "thread.activity",
    room: `group:${access.thread.groupId}`,
    payload: { groupId: access.thread.groupId, threadId: input.threadId },
  });
  await syncTasksAfterWrite(db, publish, {
    source: { kind: "comment", id, groupId: access.thread.groupId, threadId: input.threadId },
    actorId: userId,
    before: null,
    after: input.body,
  });
  await notifyComment(db, publish, {
    actorId: userId,
    thread: access.thread,
    comment: { id, body: input.body },
    repliedToAuthorId: parent.authorId,
  });
  return comment;
}
