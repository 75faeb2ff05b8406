import type { Db } from "@/server/db";
import type { Publish } from "@/server/events";
import { absoluteUrl, sendMail } from "@/server/mail/service";
import { notify } from "@/server/notifications/notify";
import { whoGetsEmail } from "@/server/notifications/settings";
import { canViewThread, GROUP_SETTINGS_SELECT } from "@/server/policy";
import { excerptOf } from "@/server/threads/dto";

/**
 * Notifies and emails the people a comment mentions, once each, never the author, and only people who can
 * see the thread (a mention cannot leak a thread to an outsider). Email follows each person's settings.
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
          name: true,
          ...GROUP_SETTINGS_SELECT,
          memberships: { where: { userId: { in: candidates } }, select: { role: true, user: { select: { id: true, email: true } } } },
        },
      },
      guests: { where: { userId: { in: candidates } }, select: { userId: true } },
    },
  });
  const [author, comment] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: args.authorId }, select: { name: true } }),
    db.comment.findUniqueOrThrow({ where: { id: args.commentId }, select: { body: true } }),
  ]);
  const guestIds = new Set(thread.guests.map(({ userId }) => userId));
  const { memberships, name: groupName, id: groupId, ...settings } = thread.group;
  const recipients = memberships.filter(({ role, user }) =>
    canViewThread({ role, settings }, { isThreadGuest: guestIds.has(user.id) }),
  );
  const path = `/threads/${args.threadId}#comment-${args.commentId}`;
  await notify(db, publish, {
    recipients: recipients.map(({ user }) => user.id),
    kind: "mention",
    actorId: args.authorId,
    groupId,
    title: thread.title,
    url: path,
  });
  const link = absoluteUrl(path);
  const emailed = await whoGetsEmail(
    db,
    recipients.map(({ user }) => user),
    { kind: "mention", groupId, threadId: args.threadId },
  );
  await Promise.all(
    emailed.map((user) =>
      sendMail(db, user.email, `[${groupName}] ${author.name} mentioned you in “${thread.title}”`, {
        heading: `${author.name} mentioned you`,
        paragraphs: [`In “${thread.title}” (${groupName}):`, excerptOf(comment.body, 500)],
        action: { label: "Open the comment", url: link },
      }),
    ),
  );
}
