import type { Db } from "@/server/db";
import { fileSummarySelect, toFileSummary } from "@/server/files/service";
import { requireInGroup } from "@/server/groups/standing";
import { cookMarkdown } from "@/server/markdown/cook";
import { assignableRoles, canInGroup } from "@/server/policy";
import { requireThreadAccess, visibleThreadsWhere } from "@/server/threads/access";
import { personSelect, reactionSelect, summariseReactions, toPerson } from "@/server/threads/dto";
import type { ThreadDetail } from "@/server/threads/schemas";

export async function getThread(db: Db, userId: string, threadId: string): Promise<ThreadDetail> {
  const access = await requireThreadAccess(db, userId, threadId);
  const [thread, reactions] = await Promise.all([
    db.thread.findUniqueOrThrow({
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
        group: { select: { id: true, name: true, handle: true } },
        author: { select: personSelect },
        tags: { select: { tag: true }, orderBy: { tag: "asc" } },
        reads: { where: { userId }, select: { lastReadSeq: true } },
        follows: { where: { userId }, select: { following: true, automatic: true } },
        attachments: { select: { file: { select: fileSummarySelect } }, orderBy: [{ createdAt: "asc" }, { file: { originalName: "asc" } }] },
        missingAttachments: {
          select: { id: true, filename: true, commentId: true, sourceUrl: true },
          orderBy: [{ createdAt: "asc" }, { filename: "asc" }, { id: "asc" }],
        },
        meeting: { select: { id: true, title: true, startsAt: true } },
      },
    }),
    db.reaction.findMany({ where: { subject: "thread", subjectId: threadId }, select: reactionSelect, orderBy: { createdAt: "asc" } }),
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
    reactions: summariseReactions(reactions).get(threadId) ?? [],
    attachments: thread.attachments.map(({ file }) => toFileSummary(file)),
    missingAttachments: thread.missingAttachments.map(({ sourceUrl, ...missing }) => ({
      ...missing,
      sourceUrl: canRestoreAttachments && sourceUrl ? sourceUrl : null,
    })),
    meeting: canInGroup(access.standing, "meeting.view") ? thread.meeting : null,
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

/** Marks everything up to the newest comment as read; reading never moves backwards. */
export async function markThreadRead(db: Db, userId: string, threadId: string): Promise<{ lastReadSeq: number }> {
  const { thread } = await requireThreadAccess(db, userId, threadId);
  await db.threadRead.upsert({
    where: { userId_threadId: { userId, threadId } },
    create: { userId, threadId, lastReadSeq: thread.lastCommentSeq },
    update: { lastReadSeq: thread.lastCommentSeq },
  });
  return { lastReadSeq: thread.lastCommentSeq };
}

/** "Mark all read" for every thread of a group the caller can see, in two queries whatever the count. */
export async function markAllThreadsRead(db: Db, userId: string, groupId: string): Promise<{ count: number }> {
  const standing = await requireInGroup(db, userId, groupId, "group.view");
  const threads = await db.thread.findMany({
    where: { groupId, ...visibleThreadsWhere(standing, userId) },
    select: { id: true, lastCommentSeq: true },
  });
  await db.$transaction([
    db.threadRead.deleteMany({ where: { userId, threadId: { in: threads.map(({ id }) => id) } } }),
    db.threadRead.createMany({ data: threads.map(({ id, lastCommentSeq }) => ({ userId, threadId: id, lastReadSeq: lastCommentSeq })) }),
  ]);
  return { count: threads.length };
}
