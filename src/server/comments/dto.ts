import type { Prisma } from "@/generated/prisma/client.ts";
import type { CommentDto } from "@/server/comments/schemas";
import type { Db } from "@/server/db";
import { cookMarkdown } from "@/server/markdown/cook";
import { personSelect, reactionsTo, toPerson } from "@/server/threads/dto";

export const commentSelect = {
  id: true,
  threadId: true,
  seq: true,
  parentId: true,
  body: true,
  deletedAt: true,
  createdAt: true,
  editedAt: true,
  author: { select: personSelect },
} satisfies Prisma.CommentSelect;

type CommentRow = Prisma.CommentGetPayload<{ select: typeof commentSelect }>;

export function toCommentDto(row: CommentRow, reactions: CommentDto["reactions"] = []): CommentDto {
  const deleted = row.deletedAt !== null;
  return {
    id: row.id,
    threadId: row.threadId,
    seq: row.seq,
    parentId: row.parentId,
    author: toPerson(row.author),
    body: deleted ? "" : row.body,
    bodyHtml: deleted ? "" : cookMarkdown(row.body),
    deleted,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    reactions: deleted ? [] : reactions,
  };
}

export async function loadCommentDto(db: Db, commentId: string): Promise<CommentDto> {
  const [row, reactions] = await Promise.all([
    db.comment.findUniqueOrThrow({ where: { id: commentId }, select: commentSelect }),
    reactionsTo(db, "comment", commentId),
  ]);
  return toCommentDto(row, reactions);
}
