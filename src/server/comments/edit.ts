import type { z } from "zod";
import { recordAudit } from "@/server/audit/record";
import { loadCommentDto } from "@/server/comments/dto";
import type { zUpdateCommentInput } from "@/server/comments/schemas";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { cookMarkdown } from "@/server/markdown/cook";
import { canDeleteComment, canEditOwn } from "@/server/policy";
import { syncTasksAfterWrite } from "@/server/tasks/sync";
import { requireThreadAccess } from "@/server/threads/access";

const NOT_VISIBLE = "That comment does not exist, or you cannot see it.";

async function loadForChange(db: Db, userId: string, commentId: string) {
  const comment = await db.comment.findUnique({
    where: { id: commentId },
    select: { id: true, threadId: true, authorId: true, body: true, deletedAt: true, author: { select: { name: true } } },
  });
  if (!comment) throw new AppError("NOT_FOUND", NOT_VISIBLE);
  const access = await requireThreadAccess(db, userId, comment.threadId);
  if (comment.deletedAt) throw new AppError("BAD_REQUEST", "That comment was deleted.");
  return { comment, access };
}

/** Authors edit their own comment; the previous text is kept and shown as edit history. */
export async function updateComment(db: Db, publish: Publish, userId: string, input: z.infer<typeof zUpdateCommentInput>) {
  const { comment, access } = await loadForChange(db, userId, input.id);
  if (!canEditOwn(userId, comment.authorId)) throw new AppError("FORBIDDEN", "You can only edit your own comments.");
  if (input.body !== comment.body) {
    await db.$transaction([
      db.commentRevision.create({ data: { commentId: comment.id, body: comment.body } }),
      db.comment.update({ where: { id: comment.id }, data: { body: input.body, editedAt: new Date() } }),
    ]);
    await syncTasksAfterWrite(db, publish, {
      source: { kind: "comment", id: comment.id, groupId: access.thread.groupId, threadId: comment.threadId },
      actorId: userId,
      before: comment.body,
      after: input.body,
    });
  }
  const dto = await loadCommentDto(db, comment.id);
  publish({ name: "comment.updated", room: `thread:${comment.threadId}`, payload: dto });
  return dto;
}

/**
 * Authors delete their own comments and admins anyone's. The words and their history are
 * removed; the comment stays as "comment deleted" so replies keep their place.
 */
export async function deleteComment(db: Db, publish: Publish, userId: string, commentId: string) {
  const { comment, access } = await loadForChange(db, userId, commentId);
  if (!canDeleteComment(access.standing, { actorId: userId, authorId: comment.authorId })) {
    throw new AppError("FORBIDDEN", "You can only delete your own comments.");
  }
  await db.$transaction([
    db.commentRevision.deleteMany({ where: { commentId } }),
    db.reaction.deleteMany({ where: { subject: "comment", subjectId: commentId } }),
    db.comment.update({ where: { id: commentId }, data: { body: "", deletedAt: new Date(), deletedById: userId } }),
    db.thread.update({ where: { id: comment.threadId }, data: { commentCount: { decrement: 1 } } }),
    // A moderator's removal of someone else's words is for the log (never the words themselves); an author's own is not.
    ...(comment.authorId === userId
      ? []
      : [
          recordAudit(db, {
            groupId: access.thread.groupId,
            actorId: userId,
            action: "comment.deleted",
            subject: { type: "comment", id: commentId, label: access.thread.title },
            before: { author: comment.author.name },
          }),
        ]),
  ]);
  await syncTasksAfterWrite(db, publish, {
    source: { kind: "comment", id: commentId, groupId: access.thread.groupId, threadId: comment.threadId },
    actorId: userId,
    before: comment.body,
    after: "",
  });
  const dto = await loadCommentDto(db, commentId);
  publish({ name: "comment.deleted", room: `thread:${comment.threadId}`, payload: dto });
  publish({
    name: "thread.activity",
    room: `group:${access.thread.groupId}`,
    payload: { groupId: access.thread.groupId, threadId: comment.threadId },
  });
  return dto;
}

export async function listCommentRevisions(db: Db, userId: string, commentId: string) {
  const comment = await db.comment.findUnique({ where: { id: commentId }, select: { threadId: true } });
  if (!comment) throw new AppError("NOT_FOUND", NOT_VISIBLE);
  await requireThreadAccess(db, userId, comment.threadId);
  const revisions = await db.commentRevision.findMany({
    where: { commentId },
    orderBy: { createdAt: "desc" },
    select: { id: true, body: true, createdAt: true },
  });
  return revisions.map((revision) => ({ ...revision, title: null, bodyHtml: cookMarkdown(revision.body) }));
}
