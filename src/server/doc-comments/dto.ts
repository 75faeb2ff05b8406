import type { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/server/db";
import type { DocCommentReply, DocCommentThread } from "@/server/doc-comments/schemas";
import { personSelect, toPerson } from "@/server/threads/dto";

export const replySelect = {
  id: true,
  body: true,
  createdAt: true,
  author: { select: personSelect },
} satisfies Prisma.DocCommentSelect;

export const threadSelect = {
  ...replySelect,
  documentId: true,
  quote: true,
  resolvedAt: true,
  resolvedBy: { select: personSelect },
  replies: { select: replySelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
} satisfies Prisma.DocCommentSelect;

type ReplyRow = Prisma.DocCommentGetPayload<{ select: typeof replySelect }>;
type ThreadRow = Prisma.DocCommentGetPayload<{ select: typeof threadSelect }>;

export function toReplyDto(row: ReplyRow): DocCommentReply {
  return { id: row.id, author: toPerson(row.author), body: row.body, createdAt: row.createdAt };
}

export function toThreadDto(row: ThreadRow): DocCommentThread {
  return {
    ...toReplyDto(row),
    documentId: row.documentId,
    quote: row.quote,
    resolvedAt: row.resolvedAt,
    resolvedBy: row.resolvedBy ? toPerson(row.resolvedBy) : null,
    replies: row.replies.map(toReplyDto),
  };
}

export async function loadThreadDto(db: Db, id: string): Promise<DocCommentThread> {
  return toThreadDto(await db.docComment.findUniqueOrThrow({ where: { id }, select: threadSelect }));
}
