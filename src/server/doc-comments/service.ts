import type { Db } from "@/server/db";
import { loadThreadDto, replySelect, threadSelect, toReplyDto, toThreadDto } from "@/server/doc-comments/dto";
import { notifyDocCommentReply } from "@/server/doc-comments/notify-reply";
import {
  DOC_COMMENT_PAGE_SIZE,
  type CreateDocCommentInput,
  type ListDocCommentsInput,
  type UpdateDocCommentInput,
} from "@/server/doc-comments/schemas";
import { requireDocumentAccess } from "@/server/documents/access";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { canEditOwn } from "@/server/policy";
import { syncTasksAfterWrite } from "@/server/tasks/sync";

const NOT_VISIBLE = "That comment does not exist, or you cannot see it.";

function publishChanged(publish: Publish, documentId: string) {
  publish({ name: "docComment.changed", room: `document:${documentId}`, payload: { documentId } });
}

/** The comment and the caller's access to its document; outsiders learn nothing about either. */
async function requireComment(db: Db, userId: string, id: string, need: "view" | "edit") {
  const comment = await db.docComment.findUnique({
    where: { id },
    select: { id: true, documentId: true, parentId: true, authorId: true, resolvedAt: true, body: true },
  });
  if (!comment) throw new AppError("NOT_FOUND", NOT_VISIBLE);
  const access = await requireDocumentAccess(db, userId, comment.documentId, need);
  return { comment, access };
}

/**
 * A new comment on selected text, or a reply. Commenting is part of editing ("document.edit"),
 * so guests may read comments but not write them. A reply to a reply joins the same thread.
 */
export async function createDocComment(db: Db, publish: Publish, userId: string, input: CreateDocCommentInput) {
  const { groupId } = await requireDocumentAccess(db, userId, input.documentId, "edit");
  let threadId: string | null = null;
  if (input.parentId) {
    const parent = await db.docComment.findUnique({
      where: { id: input.parentId },
      select: { documentId: true, parentId: true },
    });
    if (!parent || parent.documentId !== input.documentId) {
      throw new AppError("BAD_REQUEST", "You can only reply to a comment on the same document.");
    }
    threadId = parent.parentId ?? input.parentId;
  }
  const created = await db.docComment.create({
    data: {
      documentId: input.documentId,
      parentId: threadId,
      authorId: userId,
      body: input.body,
      quote: threadId ? "" : (input.quote ?? ""),
    },
    select: { id: true },
  });
  publishChanged(publish, input.documentId);
  await syncTasksAfterWrite(db, publish, { source: { kind: "docComment", id: created.id, groupId }, actorId: userId, before: null, after: input.body });
  if (threadId) await notifyDocCommentReply(db, publish, { actorId: userId, documentId: input.documentId, threadId });
  return created;
}

/** Comment threads of a document: open ones first, then (when asked) resolved ones, each oldest first. */
export async function listDocComments(db: Db, userId: string, input: ListDocCommentsInput) {
  await requireDocumentAccess(db, userId, input.documentId, "view");
  const rows = await db.docComment.findMany({
    where: { documentId: input.documentId, parentId: null, ...(input.includeResolved ? {} : { resolvedAt: null }) },
    select: threadSelect,
    orderBy: [{ resolvedAt: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }, { id: "asc" }],
    take: DOC_COMMENT_PAGE_SIZE + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, DOC_COMMENT_PAGE_SIZE);
  return {
    items: page.map(toThreadDto),
    nextCursor: rows.length > DOC_COMMENT_PAGE_SIZE ? page[page.length - 1]!.id : null,
  };
}

/** Anyone who may comment may resolve or reopen a thread; asking for the state it is already in changes nothing. */
export async function resolveDocComment(
  db: Db,
  publish: Publish,
  userId: string,
  input: { id: string; resolved: boolean },
) {
  const { comment } = await requireComment(db, userId, input.id, "edit");
  if (comment.parentId) throw new AppError("BAD_REQUEST", "Resolve the comment this reply answers instead.");
  if ((comment.resolvedAt !== null) !== input.resolved) {
    await db.docComment.update({
      where: { id: comment.id },
      data: input.resolved ? { resolvedAt: new Date(), resolvedById: userId } : { resolvedAt: null, resolvedById: null },
    });
    publishChanged(publish, comment.documentId);
  }
  return loadThreadDto(db, comment.id);
}

/** Authors change their own words, while they may still comment on the document. */
export async function updateDocComment(
  db: Db,
  publish: Publish,
  userId: string,
  input: UpdateDocCommentInput,
) {
  const { comment, access } = await requireComment(db, userId, input.id, "edit");
  if (!canEditOwn(userId, comment.authorId)) throw new AppError("FORBIDDEN", "You can only change your own comments.");
  const row = await db.docComment.update({ where: { id: comment.id }, data: { body: input.body }, select: replySelect });
  publishChanged(publish, comment.documentId);
  await syncTasksAfterWrite(db, publish, {
    source: { kind: "docComment", id: comment.id, groupId: access.groupId },
    actorId: userId,
    before: comment.body,
    after: input.body,
  });
  return toReplyDto(row);
}

/** Authors remove their own comment; removing a thread's first comment removes its replies too. */
export async function deleteDocComment(db: Db, publish: Publish, userId: string, id: string) {
  const { comment } = await requireComment(db, userId, id, "edit");
  if (!canEditOwn(userId, comment.authorId)) throw new AppError("FORBIDDEN", "You can only delete your own comments.");
  await db.docComment.delete({ where: { id: comment.id } });
  publishChanged(publish, comment.documentId);
  return { id: comment.id };
}
