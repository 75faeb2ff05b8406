import type { z } from "zod";
import { Prisma } from "@/generated/prisma/client.ts";
import type { RequestMemo } from "@/server/api/request-memo";
import { commentSelect, toCommentDto } from "@/server/comments/dto";
import { COMMENT_PAGE_SIZE, type CommentWithReplies, type zListCommentsInput } from "@/server/comments/schemas";
import type { Db } from "@/server/db";
import { requireThreadAccess } from "@/server/threads/access";
import { AUTHOR_COLUMNS, authorIn, reactionsOf, type AuthorColumns } from "@/server/threads/dto";

/** Above any comment's sequence number, and within PostgreSQL's 32-bit integer (cursors are at most 9 digits). */
const PAST_THE_LAST_SEQ = 2_147_483_647;

/**
 * The sequence number of the top-level comment holding `comment` (itself, or the one it replies
 * to). The parent is looked up only for a reply: loading it as a relation costs a query every time.
 */
async function topLevelSeq(db: Db, comment: { seq: number; parentId: string | null } | null): Promise<number | null> {
  if (!comment) return null;
  if (!comment.parentId) return comment.seq;
  const parent = await db.comment.findUnique({ where: { id: comment.parentId }, select: { seq: true } });
  return parent?.seq ?? comment.seq;
}

/** The top-level comment that holds the viewer's first unread comment, or null when all is read; one SQL statement, as every thread view asks. */
async function firstUnreadTopLevelSeq(db: Db, userId: string, threadId: string): Promise<number | null> {
  const [unread] = await db.$queryRaw<{ seq: number; parentId: string | null }[]>`
    SELECT "seq", "parentId" FROM "Comment"
    WHERE "threadId" = ${threadId}
      AND "seq" > COALESCE((SELECT "lastReadSeq" FROM "ThreadRead" WHERE "userId" = ${userId} AND "threadId" = ${threadId}), 0)
    ORDER BY "seq" ASC LIMIT 1`;
  return topLevelSeq(db, unread ?? null);
}

/** The top-level comment holding `commentId`, or null when it is not in this thread. */
async function topLevelSeqOf(db: Db, threadId: string, commentId: string): Promise<number | null> {
  return topLevelSeq(db, await db.comment.findFirst({ where: { id: commentId, threadId }, select: { seq: true, parentId: true } }));
}

/** A comment as this list loads it, with its author's name and avatar joined. */
const { author: _author, ...commentFields } = commentSelect;
const commentRowSelect = { ...commentFields, authorId: true } satisfies Prisma.CommentSelect;
type CommentRow = Prisma.CommentGetPayload<{ select: typeof commentRowSelect }> & AuthorColumns;
const COMMENT_COLUMNS = Prisma.sql`${Prisma.raw(Object.keys(commentRowSelect).map((column) => `c."${column}"`).join(", "))}, ${AUTHOR_COLUMNS}`;

/**
 * Up to `COMMENT_PAGE_SIZE + 1` top-level comments after (or before) a sequence number, with all
 * their replies and every author: one statement, in sequence order. (The one beyond the page says
 * there is more; its replies come too and are left out.)
 */
function pageWithReplies(db: Db, threadId: string, position: Prisma.Sql) {
  return db.$queryRaw<CommentRow[]>`
    WITH page AS (
      SELECT "id" FROM "Comment" WHERE "threadId" = ${threadId} AND "parentId" IS NULL AND ${position} LIMIT ${COMMENT_PAGE_SIZE + 1}
    )
    SELECT ${COMMENT_COLUMNS} FROM "Comment" AS c JOIN "User" AS u ON u."id" = c."authorId" WHERE c."id" IN (SELECT "id" FROM page)
    UNION ALL
    SELECT ${COMMENT_COLUMNS} FROM "Comment" AS c JOIN "User" AS u ON u."id" = c."authorId" WHERE c."parentId" IN (SELECT "id" FROM page)
    ORDER BY "seq" ASC`;
}

/**
 * One page of top-level comments with all their replies. The number of queries is the same
 * whatever the thread's length: the page with its replies and authors, their reactions with the
 * reactors' names, and one look on each side. Those that carry the page are SQL rather than
 * Prisma's API: building and shaping them through Prisma (four queries) cost about twice what the
 * database took to answer, on the read every thread view makes.
 */
export async function listComments(db: Db, userId: string, input: z.infer<typeof zListCommentsInput>, memo?: RequestMemo) {
  await requireThreadAccess(db, userId, input.threadId, memo);
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

  const rows = await pageWithReplies(
    db,
    threadId,
    before === null ? Prisma.sql`"seq" > ${after} ORDER BY "seq" ASC` : Prisma.sql`"seq" < ${before} ORDER BY "seq" DESC`,
  );
  const topLevel = rows.filter(({ parentId }) => parentId === null);
  const hasMoreInDirection = topLevel.length > COMMENT_PAGE_SIZE;
  // In sequence order; the one beyond the page is the last going forward, the first going back.
  const page = before === null ? topLevel.slice(0, COMMENT_PAGE_SIZE) : topLevel.slice(-COMMENT_PAGE_SIZE);
  const onPage = new Set(page.map(({ id }) => id));
  const replies = rows.filter(({ parentId }) => parentId !== null && onPage.has(parentId));
  const reactions = await reactionsOf(db, "comment", [...page, ...replies].map(({ id }) => id));
  const first = page[0];
  const last = page.at(-1);
  const [earlier, later] = await Promise.all([
    // A page that starts after 0 starts at the first comment: nothing can come before it.
    before === null && first && after > 0
      ? db.comment.findFirst({ where: { threadId, parentId: null, seq: { lt: first.seq } }, select: { id: true } })
      : null,
    before !== null && last
      ? db.comment.findFirst({ where: { threadId, parentId: null, seq: { gt: last.seq } }, select: { id: true } })
      : null,
  ]);

  const dto = (row: CommentRow) => toCommentDto({ ...row, author: authorIn(row) }, reactions.get(row.id));
  const items: CommentWithReplies[] = page.map((row) => ({
    ...dto(row),
    replies: replies.filter((reply) => reply.parentId === row.id).map(dto),
  }));
  const hasEarlier = before === null ? Boolean(earlier) : hasMoreInDirection;
  const hasLater = before === null ? hasMoreInDirection : Boolean(later);
  return {
    items,
    beforeCursor: hasEarlier && first ? String(first.seq) : null,
    afterCursor: hasLater && last ? String(last.seq) : null,
  };
}
