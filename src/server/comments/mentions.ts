import type { Db } from "@/server/db";
import type { Publish } from "@/server/events";
import { notify } from "@/server/notifications/notify";
import { canViewThread, GROUP_SETTINGS_SELECT } from "@/server/policy";
import { excerptOf } from "@/server/threads/dto";

/**
 * Notifies the people a comment mentions, once each, never the author, and only people who can
 * see the thread (a mention cannot leak a thread to an outsider). notify emails them as their settings say.
 */
export async function notifyMentions(
  db: Db,
  publish: Publish,
  args: { authorId: string; threadId: string; commentId: string; mentionedIds: string[] },
): Promise<void> {
  const candidates = args.mentionedIds.filter((id) => id !== args.authorId);
  if (candidates.length === 0) return;
  const thread = await db.thread.findUniqueOrThrow({
    where: { id: args.threadId },
    select: {
      title: true,
      group: {
        select: {
          id: true,
          ...GROUP_SETTINGS_SELECT,
          memberships: { where: { userId: { in: candidates } }, select: { role: true, userId: true } },
        },
      },
      guests: { where: { userId: { in: candidates } }, select: { userId: true } },
    },
  });
  const comment = await db.comment.findUniqueOrThrow({ where: { id: args.commentId }, select: { body: true } });
  const guestIds = new Set(thread.guests.map(({ userId }) => userId));
  const { memberships, id: groupId, ...settings } = thread.group;
  const recipients = memberships.filter(({ role, userId }) => canViewThread({ role, settings }, { isThreadGuest: guestIds.has(userId) }));
  await notify(db, publish, {
    recipients: recipients.map(({ userId }) => userId),
    kind: "mention",
    actorId: args.authorId,
    groupId,
    title: thread.title,
    url: `/threads/${args.threadId}#comment-${args.commentId}`,
    details: [excerptOf(comment.body, 500)],
  });
}
