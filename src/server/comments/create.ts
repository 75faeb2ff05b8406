import type { z } from "zod";
import { mentionedUserIds } from "@/lib/mentions";
import { loadCommentDto } from "@/server/comments/dto";
import { notifyMentions } from "@/server/comments/mentions";
import type { zCreateCommentInput } from "@/server/comments/schemas";
import type { Db } from "@/server/db";
import { isUniqueViolation } from "@/server/db/unique-violation";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { notifyFollowers, notifyReply } from "@/server/notifications/triggers";
import { requireOpen, requireThreadAccess } from "@/server/threads/access";

/** A reply to a reply hangs from the same top-level comment, keeping one level of nesting. */
async function topLevelParentId(db: Db, threadId: string, parentId: string | undefined): Promise<string | null> {
  if (!parentId) return null;
  const parent = await db.comment.findUnique({ where: { id: parentId }, select: { threadId: true, parentId: true } });
  if (!parent || parent.threadId !== threadId) {
    throw new AppError("BAD_REQUEST", "You can only reply to a comment in the same thread.");
  }
  return parent.parentId ?? parentId;
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
  const parentId = await topLevelParentId(db, input.threadId, input.parentId);

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
      return tx.comment.create({
        data: { threadId: input.threadId, authorId: userId, parentId, seq, body: input.body, clientKey: input.clientKey },
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
  const mentionedIds = mentionedUserIds(input.body);
  if (input.parentId) {
    await notifyReply(db, publish, { actorId: userId, threadId: input.threadId, commentId: id, repliedToId: input.parentId, mentionedIds });
  }
  await notifyMentions(db, publish, { authorId: userId, threadId: input.threadId, commentId: id, mentionedIds });
  await notifyFollowers(db, publish, { actorId: userId, threadId: input.threadId, commentId: id, repliedToId: input.parentId ?? null, mentionedIds });
  return comment;
}
