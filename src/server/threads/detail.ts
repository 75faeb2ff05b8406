import type { Thread } from "@/generated/prisma/client.ts";
import type { RequestMemo } from "@/server/api/request-memo";
import type { Db } from "@/server/db";
import type { SqlExists } from "@/server/db/sql-exists";
import { isUniqueViolation } from "@/server/db/unique-violation";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { fileSummarySelect, toFileSummary } from "@/server/files/service";
import { requireInGroup } from "@/server/groups/standing";
import { cookMarkdown } from "@/server/markdown/cook";
import { assignableRoles, canInGroup } from "@/server/policy";
import { requireThreadAccess, visibleThreadsWhere } from "@/server/threads/access";
import { AUTHOR_COLUMNS, authorIn, reactionsTo, tagsOf, toPerson, type AuthorColumns } from "@/server/threads/dto";
import { publishThreadSeen } from "@/server/threads/seen-by";
import type { ThreadDetail } from "@/server/threads/schemas";

/** A thread as getThread's query selects it, with its group, author, and the viewer's read mark and follow joined. */
type DetailRow = Pick<
  Thread,
  "id" | "title" | "body" | "createdAt" | "editedAt" | "pinnedAt" | "closedAt" | "commentCount" | "lastCommentSeq" | "meetingId" | "groupId"
> &
  AuthorColumns & {
    groupName: string;
    groupHandle: string;
    lastReadSeq: number | null;
    following: boolean | null;
    automatic: boolean | null;
    hasAttachments: SqlExists;
    hasMissingAttachments: SqlExists;
  };

/**
 * The thread as its page shows it. The thread, its group, author, the viewer's read mark and
 * follow, and whether it has attachments come in one SQL statement, its tags and reactions in one
 * each (Prisma's API took seven): every visit to a thread asks. Attachments, missing attachments
 * and the meeting are loaded only when there are any.
 */
export async function getThread(db: Db, userId: string, threadId: string, memo?: RequestMemo): Promise<ThreadDetail> {
  const access = await requireThreadAccess(db, userId, threadId, memo);
  const [[thread], tags] = await Promise.all([
    db.$queryRaw<DetailRow[]>`
      SELECT t."id", t."title", t."body", t."createdAt", t."editedAt", t."pinnedAt", t."closedAt", t."commentCount", t."lastCommentSeq",
             t."meetingId", t."groupId", g."name" AS "groupName", g."handle" AS "groupHandle",
             t."authorId", ${AUTHOR_COLUMNS},
             r."lastReadSeq", f."following", f."automatic",
             EXISTS (SELECT 1 FROM "ThreadAttachment" AS a WHERE a."threadId" = t."id") AS "hasAttachments",
             EXISTS (SELECT 1 FROM "MissingAttachment" AS ma WHERE ma."threadId" = t."id") AS "hasMissingAttachments"
      FROM "Thread" AS t
      JOIN "Group" AS g ON g."id" = t."groupId"
      JOIN "User" AS u ON u."id" = t."authorId"
      LEFT JOIN "ThreadRead" AS r ON r."threadId" = t."id" AND r."userId" = ${userId}
      LEFT JOIN "ThreadFollow" AS f ON f."threadId" = t."id" AND f."userId" = ${userId}
      WHERE t."id" = ${threadId}`,
    tagsOf(db, [threadId]),
  ]);
  // Deleted between the access check and this read.
  if (!thread) throw new AppError("NOT_FOUND", "That thread does not exist, or you cannot see it.");
  const [attachments, missingAttachments, meeting, reactions] = await Promise.all([
    Boolean(thread.hasAttachments)
      ? db.threadAttachment.findMany({
          where: { threadId },
          select: { file: { select: fileSummarySelect } },
          orderBy: [{ createdAt: "asc" }, { file: { originalName: "asc" } }],
        })
      : [],
    Boolean(thread.hasMissingAttachments)
      ? db.missingAttachment.findMany({
          where: { threadId },
          select: { id: true, filename: true, commentId: true, sourceUrl: true },
          orderBy: [{ createdAt: "asc" }, { filename: "asc" }, { id: "asc" }],
        })
      : [],
    thread.meetingId ? db.meeting.findUnique({ where: { id: thread.meetingId }, select: { id: true, title: true, startsAt: true } }) : null,
    reactionsTo(db, "thread", threadId),
  ]);
  const role = access.standing.role!;
  const canRestoreAttachments = canInGroup(access.standing, "thread.restoreAttachment");
  return {
    id: thread.id,
    group: { id: thread.groupId, name: thread.groupName, handle: thread.groupHandle },
    title: thread.title,
    body: thread.body,
    bodyHtml: cookMarkdown(thread.body),
    tags: tags.get(threadId) ?? [],
    author: toPerson(authorIn(thread)),
    createdAt: thread.createdAt,
    editedAt: thread.editedAt,
    pinned: thread.pinnedAt !== null,
    closedAt: thread.closedAt,
    commentCount: thread.commentCount,
    lastCommentSeq: thread.lastCommentSeq,
    lastReadSeq: thread.lastReadSeq ?? 0,
    reactions,
    attachments: attachments.map(({ file }) => toFileSummary(file)),
    missingAttachments: missingAttachments.map(({ sourceUrl, ...missing }) => ({
      ...missing,
      sourceUrl: canRestoreAttachments && sourceUrl ? sourceUrl : null,
    })),
    meeting: canInGroup(access.standing, "meeting.view") ? meeting : null,
    viewer: {
      id: userId,
      role,
      canModerate: access.canModerate,
      canComment: thread.closedAt === null,
      canStartPoll: thread.closedAt === null && canInGroup(access.standing, "poll.create"),
      canRestoreAttachments,
      canInviteGuests: assignableRoles(access.standing).includes("guest"),
      // The buttons are about email: a follow that came from starting or commenting is no choice yet.
      following: thread.automatic ? null : thread.following,
    },
  };
}

/** Previous versions of the title and body, newest first. */
export async function listThreadRevisions(db: Db, userId: string, threadId: string) {
  await requireThreadAccess(db, userId, threadId);
  return db.thread
    .findUniqueOrThrow({
      where: { id: threadId },
      select: { revisions: { select: { id: true, title: true, body: true, createdAt: true }, orderBy: { createdAt: "desc" } } },
    })
    .then(({ revisions }) => revisions.map((revision) => ({ ...revision, bodyHtml: cookMarkdown(revision.body) })));
}

/**
 * Marks everything up to the newest comment as read; reading never moves backwards. When this
 * moves the caller's position to the end, open pages of the thread hear it ("seen by" changed);
 * opening a thread already read to the end tells nobody.
 */
export async function markThreadRead(db: Db, publish: Publish, userId: string, threadId: string): Promise<{ lastReadSeq: number }> {
  const { thread } = await requireThreadAccess(db, userId, threadId);
  const lastReadSeq = thread.lastCommentSeq;
  const key = { userId_threadId: { userId, threadId } };
  const read = await db.threadRead.findUnique({ where: key, select: { lastReadSeq: true } });
  if (read && read.lastReadSeq >= lastReadSeq) return { lastReadSeq };
  let moved: boolean;
  if (read) {
    moved = (await db.threadRead.updateMany({ where: { userId, threadId, lastReadSeq: { lt: lastReadSeq } }, data: { lastReadSeq } })).count > 0;
  } else {
    try {
      await db.threadRead.create({ data: { userId, threadId, lastReadSeq }, select: { userId: true } });
      moved = true;
    } catch (error) {
      // Another tab created the row first, and told the thread.
      if (!isUniqueViolation(error)) throw error;
      moved = false;
    }
  }
  if (moved) publishThreadSeen(publish, threadId);
  return { lastReadSeq };
}

/**
 * "Mark all read" for every thread of a group the caller can see, in a few queries whatever the
 * count; each thread this brings to the end for the caller hears it, as with markThreadRead.
 */
export async function markAllThreadsRead(db: Db, publish: Publish, userId: string, groupId: string): Promise<{ count: number }> {
  const standing = await requireInGroup(db, userId, groupId, "group.view");
  const threads = await db.thread.findMany({
    where: { groupId, ...visibleThreadsWhere(standing, userId) },
    select: { id: true, lastCommentSeq: true, reads: { where: { userId }, select: { lastReadSeq: true } } },
  });
  await db.$transaction([
    db.threadRead.deleteMany({ where: { userId, threadId: { in: threads.map(({ id }) => id) } } }),
    db.threadRead.createMany({ data: threads.map(({ id, lastCommentSeq }) => ({ userId, threadId: id, lastReadSeq: lastCommentSeq })) }),
  ]);
  for (const { id, lastCommentSeq, reads } of threads) {
    if ((reads[0]?.lastReadSeq ?? -1) < lastCommentSeq) publishThreadSeen(publish, id);
  }
  return { count: threads.length };
}
