import type { RequestMemo } from "@/server/api/request-memo";
import type { Db } from "@/server/db";
import { isUniqueViolation } from "@/server/db/unique-violation";
import type { Publish } from "@/server/events";
import { fileSummarySelect, toFileSummary } from "@/server/files/service";
import { requireInGroup } from "@/server/groups/standing";
import { cookMarkdown } from "@/server/markdown/cook";
import { assignableRoles, canInGroup } from "@/server/policy";
import { requireThreadAccess, visibleThreadsWhere } from "@/server/threads/access";
import { personSelect, reactionsTo, toPerson } from "@/server/threads/dto";
import { publishThreadSeen } from "@/server/threads/seen-by";
import type { ThreadDetail } from "@/server/threads/schemas";

export async function getThread(db: Db, userId: string, threadId: string, memo?: RequestMemo): Promise<ThreadDetail> {
  const access = await requireThreadAccess(db, userId, threadId, memo);
  const thread = await db.thread.findUniqueOrThrow({
    where: { id: threadId },
    select: {
      id: true,
      title: true,
      body: true,
      createdAt: true,
      editedAt: true,
      pinnedAt: true,
      closedAt: true,
      commentCount: true,
      lastCommentSeq: true,
      meetingId: true,
      group: { select: { id: true, name: true, handle: true } },
      author: { select: personSelect },
      tags: { select: { tag: true }, orderBy: { tag: "asc" } },
      reads: { where: { userId }, select: { lastReadSeq: true } },
      follows: { where: { userId }, select: { following: true, automatic: true } },
      // Counted in the thread's own query: most threads have none, and loading a list as a
      // relation costs a query (two for the attachments' files) even when it is empty.
      _count: { select: { attachments: true, missingAttachments: true } },
    },
  });
  const [attachments, missingAttachments, meeting, reactions] = await Promise.all([
    thread._count.attachments
      ? db.threadAttachment.findMany({
          where: { threadId },
          select: { file: { select: fileSummarySelect } },
          orderBy: [{ createdAt: "asc" }, { file: { originalName: "asc" } }],
        })
      : [],
    thread._count.missingAttachments
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
    group: thread.group,
    title: thread.title,
    body: thread.body,
    bodyHtml: cookMarkdown(thread.body),
    tags: thread.tags.map(({ tag }) => tag),
    author: toPerson(thread.author),
    createdAt: thread.createdAt,
    editedAt: thread.editedAt,
    pinned: thread.pinnedAt !== null,
    closedAt: thread.closedAt,
    commentCount: thread.commentCount,
    lastCommentSeq: thread.lastCommentSeq,
    lastReadSeq: thread.reads[0]?.lastReadSeq ?? 0,
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
      following: thread.follows[0]?.automatic ? null : (thread.follows[0]?.following ?? null),
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
