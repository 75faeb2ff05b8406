import type { z } from "zod";
import { commentSelect, reactionsForComments, toCommentDto } from "@/server/comments/dto";
import { COMMENT_PAGE_SIZE, type CommentWithReplies, type zListCommentsInput } from "@/server/comments/schemas";
import type { Db } from "@/server/db";
import { requireThreadAccess } from "@/server/threads/access";

/** Above any comment's sequence number, and within PostgreSQL's 32-bit integer (cursors are at most 9 digits). */
const PAST_THE_LAST_SEQ = 2_147_483_647;

/** The top-level comment that holds the viewer's first unread comment, or null when all is read. */
async function firstUnreadTopLevelSeq(db: Db, userId: string, threadId: string): Promise<number | null> {
  const read = await db.threadRead.findUnique({ where: { userId_threadId: { userId, threadId } }, select: { lastReadSeq: true } });
  const unread = await db.comment.findFirst({
    where: { threadId, seq: { gt: read?.lastReadSeq ?? 0 } },
    orderBy: { seq: "asc" },
    select: { seq: true, parent: { select: { seq: true } } },
  });
  return unread ? (unread.parent?.seq ?? unread.seq) : null;
}

/** The top-level comment holding `commentId` (itself, or the one it replies to), or null when it is not in this thread. */
async function topLevelSeqOf(db: Db, threadId: string, commentId: string): Promise<number | null> {
  const comment = await db.comment.findFirst({
    where: { id: commentId, threadId },
    select: { seq: true, parent: { select: { seq: true } } },
  });
  return comment ? (comment.parent?.seq ?? comment.seq) : null;
}

/**
 * One page of top-level comments with all their replies. The number of queries is the same
 * whatever the thread's length: the page, its replies, their reactions, and one look on each side.
 */
export async function listComments(db: Db, userId: string, input: z.infer<typeof zListCommentsInput>) {
  await requireThreadAccess(db, userId, input.threadId);
  const threadId = input.threadId;
  let after = 0;
  let before: number | null = null;
  const linkedSeq = !input.cursor && input.commentId ? await topLevelSeqOf(db, threadId, input.commentId) : null;
  if (input.cursor) {
    if (input.direction === "after") after = Number(input.cursor);
    else before = Number(input.cursor);
  } else if (linkedSeq !== null) {
    after = linkedSeq - 1;
  } else if (input.anchor === "firstUnread") {
    // With nothing unread, a returning reader starts at the latest comments, not the oldest.
    const seq = await firstUnreadTopLevelSeq(db, userId, threadId);
    if (seq !== null) after = seq - 1;
    else before = PAST_THE_LAST_SEQ;
  }

  const rows = await db.comment.findMany({
    where: { threadId, parentId: null, seq: before === null ? { gt: after } : { lt: before } },
    orderBy: { seq: before === null ? "asc" : "desc" },
    take: COMMENT_PAGE_SIZE + 1,
    select: commentSelect,
  });
  const hasMoreInDirection = rows.length > COMMENT_PAGE_SIZE;
  const page = rows.slice(0, COMMENT_PAGE_SIZE);
  if (before !== null) page.reverse();

  const replies = page.length
    ? await db.comment.findMany({
        where: { parentId: { in: page.map(({ id }) => id) } },
        orderBy: { seq: "asc" },
        select: commentSelect,
      })
    : [];
  const reactions = await reactionsForComments(db, [...page, ...replies].map(({ id }) => id));
  const first = page[0];
  const last = page.at(-1);
  const [earlier, later] = await Promise.all([
    before === null && first
      ? db.comment.findFirst({ where: { threadId, parentId: null, seq: { lt: first.seq } }, select: { id: true } })
      : null,
    before !== null && last
      ? db.comment.findFirst({ where: { threadId, parentId: null, seq: { gt: last.seq } }, select: { id: true } })
      : null,
  ]);

  const items: CommentWithReplies[] = page.map((row) => ({
    ...toCommentDto(row, reactions.get(row.id)),
    replies: replies.filter((reply) => reply.parentId === row.id).map((reply) => toCommentDto(reply, reactions.get(reply.id))),
  }));
  const hasEarlier = before === null ? Boolean(earlier) : hasMoreInDirection;
  const hasLater = before === null ? hasMoreInDirection : Boolean(later);
  return {
    items,
    beforeCursor: hasEarlier && first ? String(first.seq) : null,
    afterCursor: hasLater && last ? String(last.seq) : null,
  };
}
