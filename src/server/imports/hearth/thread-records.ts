import { created, importLink, isPlanned, matched, matchOrMake, missing, type Handler } from "@/server/imports/hearth/context";
import { storedFile } from "@/server/imports/hearth/library-records";

export const importThread: Handler<"thread"> = async (ctx, d) => {
  if (await ctx.ids.get("thread", d.id)) return matched();
  const groupId = await ctx.ids.get("group", d.groupId);
  if (!groupId) return missing("group", d.groupId);
  const authorId = await ctx.ids.get("user", d.authorId);
  if (!authorId) return missing("author", d.authorId);
  const meetingId = d.meetingId ? await ctx.ids.get("meeting", d.meetingId) : null;
  await ctx.ids.make("thread", d.id, () =>
    ctx.db.thread.create({
      data: {
        groupId,
        authorId,
        title: d.title,
        body: d.body,
        pinnedAt: d.pinnedAt,
        closedAt: d.closedAt,
        editedAt: d.editedAt,
        lastActivityAt: d.lastActivityAt,
        meetingId,
        createdAt: d.createdAt,
        tags: { create: [...new Set(d.tags)].map((tag) => ({ tag })) },
      },
      select: { id: true },
    }),
  );
  return created();
};

export const importThreadGuest: Handler<"thread_guest"> = (ctx, d) =>
  importLink(ctx, { table: "thread", id: d.threadId }, { id: d.userId, what: "guest" }, {
    find: (threadId, userId) => ctx.db.threadGuest.findUnique({ where: { threadId_userId: { threadId, userId } }, select: { userId: true } }),
    create: (threadId, userId) => ctx.db.threadGuest.create({ data: { threadId, userId, createdAt: d.createdAt }, select: { userId: true } }),
  });

/**
 * A file attached to a thread: with its bytes it is attached again; without them it becomes a
 * MissingAttachment, which the thread shows as "attachment not migrated" until an admin uploads it.
 */
export const importThreadAttachment: Handler<"thread_attachment"> = async (ctx, d) => {
  const key = `${d.threadId}/${d.fileId}`;
  if (await ctx.ids.get("thread_attachment", key)) return matched();
  const threadId = await ctx.ids.get("thread", d.threadId);
  if (!threadId) return missing("thread", d.threadId);
  if (!ctx.hasBytes(d.file.sha256)) {
    ctx.later(() => ctx.fileMissing("attachment", d.file.name));
    await ctx.ids.make("thread_attachment", key, () =>
      ctx.db.missingAttachment.create({
        data: { threadId, filename: d.file.name, contentType: d.file.contentType, createdAt: d.createdAt },
        select: { id: true },
      }),
    );
    return created("missingAttachments");
  }
  const uploadedById = (await ctx.ids.get("user", d.uploadedById)) ?? ctx.adminUserId;
  await ctx.ids.make("thread_attachment", key, async () => {
    const file = await storedFile(ctx, d.file, uploadedById, d.createdAt);
    await ctx.db.threadAttachment.create({ data: { threadId, fileId: file.id, createdAt: d.createdAt }, select: { fileId: true } });
    return file;
  });
  return created("attachments");
};

/**
 * Comments keep their order and reply structure; each takes the thread's next sequence number,
 * so comments written in Hearth since an earlier import keep theirs. A deleted comment keeps
 * its place (as "comment deleted") and does not count towards the thread's comments.
 */
export const importComment: Handler<"comment"> = async (ctx, d) => {
  if (await ctx.ids.get("comment", d.id)) return matched();
  const threadId = await ctx.ids.get("thread", d.threadId);
  if (!threadId) return missing("thread", d.threadId);
  const authorId = await ctx.ids.get("user", d.authorId);
  if (!authorId) return missing("author", d.authorId);
  const parentId = d.parentId ? await ctx.ids.get("comment", d.parentId) : null;
  if (d.parentId && !parentId) return missing("parent comment", d.parentId);
  const deletedById = d.deletedById ? await ctx.ids.get("user", d.deletedById) : null;
  await ctx.ids.make("comment", d.id, async () => {
    const { lastCommentSeq: seq } = await ctx.db.thread.update({
      where: { id: threadId },
      data: { lastCommentSeq: { increment: 1 }, commentCount: { increment: d.deletedAt ? 0 : 1 } },
      select: { lastCommentSeq: true },
    });
    return ctx.db.comment.create({
      data: { threadId, authorId, parentId, seq, body: d.body, editedAt: d.editedAt, deletedAt: d.deletedAt, deletedById, createdAt: d.createdAt },
      select: { id: true },
    });
  });
  return created();
};

export const importMissingAttachment: Handler<"missing_attachment"> = async (ctx, d) => {
  if (await ctx.ids.get("missing_attachment", d.id)) return matched("missingAttachments");
  const threadId = await ctx.ids.get("thread", d.threadId);
  if (!threadId) return missing("thread", d.threadId);
  const commentId = d.commentId ? await ctx.ids.get("comment", d.commentId) : null;
  await ctx.ids.make("missing_attachment", d.id, () =>
    ctx.db.missingAttachment.create({
      data: { threadId, commentId, filename: d.filename, contentType: d.contentType, sourceUrl: d.sourceUrl, createdAt: d.createdAt },
      select: { id: true },
    }),
  );
  return created("missingAttachments");
};

export const importReaction: Handler<"reaction"> = async (ctx, d) => {
  if (await ctx.ids.get("reaction", d.id)) return matched();
  const subjectId = await ctx.ids.get(d.subject, d.subjectId);
  if (!subjectId) return missing(d.subject, d.subjectId);
  const userId = await ctx.ids.get("user", d.userId);
  if (!userId) return missing("person", d.userId);
  const key = { subject: d.subject, subjectId, userId, emoji: d.emoji };
  const same = isPlanned(subjectId) || isPlanned(userId)
    ? null
    : await ctx.db.reaction.findUnique({ where: { subject_subjectId_userId_emoji: key }, select: { id: true } });
  return matchOrMake(ctx, "reaction", d.id, same, () => ctx.db.reaction.create({ data: { ...key, createdAt: d.createdAt }, select: { id: true } }));
};
