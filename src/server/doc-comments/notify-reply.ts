import type { Db } from "@/server/db";
import type { Publish } from "@/server/events";
import { notify, withoutFailing } from "@/server/notifications/notify";
import { canViewDocument, GROUP_SETTINGS_SELECT } from "@/server/policy";

/**
 * Tells the people already in a comment thread (its author and earlier repliers) that someone
 * replied, as long as they may still see the document. Never throws.
 */
export async function notifyDocCommentReply(
  db: Db,
  publish: Publish,
  args: { actorId: string; documentId: string; threadId: string },
): Promise<void> {
  await withoutFailing("reply", async () => {
    const thread = await db.docComment.findUniqueOrThrow({
      where: { id: args.threadId },
      select: { authorId: true, replies: { select: { authorId: true } } },
    });
    const candidates = [...new Set([thread.authorId, ...thread.replies.map(({ authorId }) => authorId)])].filter(
      (id) => id !== args.actorId,
    );
    if (candidates.length === 0) return;
    const document = await db.document.findUniqueOrThrow({
      where: { id: args.documentId },
      select: {
        title: true,
        groupId: true,
        guests: { where: { userId: { in: candidates } }, select: { userId: true } },
        group: {
          select: {
            ...GROUP_SETTINGS_SELECT,
            memberships: { where: { userId: { in: candidates } }, select: { role: true, userId: true } },
          },
        },
      },
    });
    const guestIds = new Set(document.guests.map(({ userId }) => userId));
    const { memberships, ...settings } = document.group;
    const readers = memberships
      .filter(({ role, userId }) => canViewDocument({ role, settings }, { isDocumentGuest: guestIds.has(userId) }))
      .map(({ userId }) => userId);
    await notify(db, publish, {
      recipients: readers,
      kind: "reply",
      actorId: args.actorId,
      groupId: document.groupId,
      title: document.title,
      url: `/documents/${args.documentId}?comment=${args.threadId}`,
    });
  });
}
