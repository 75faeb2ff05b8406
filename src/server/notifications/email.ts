import type { Db } from "@/server/db";
import { absoluteUrl, queueMails, type Mail } from "@/server/mail/service";
import { notificationEmail } from "@/server/notifications/email-content";
import { emailDecision } from "@/server/notifications/email-policy";
import type { NotificationKind } from "@/server/notifications/schemas";
import { ACCOUNT_SCOPE, effectiveLevels } from "@/server/notifications/settings";
import { unsubscribeLinks } from "@/server/notifications/unsubscribe";

/**
 * The thread a notification is about, read from its link: everything in a thread (comments,
 * its polls) links to /threads/<id>, and notifications keep no other reference to it.
 */
export function threadIdOf(url: string): string | undefined {
  return /^\/threads\/([^/?#]+)/.exec(url)?.[1];
}

export type NotificationEmailInput = {
  recipients: readonly string[];
  kind: NotificationKind;
  groupId: string | null;
  groupName: string | null;
  title: string;
  summary: string;
  url: string;
  details: readonly string[];
};

/**
 * Queues the email each recipient's settings ask for about one notification: their level in the
 * group (or account), and their follow or mute of the thread it is about. Three reads and one
 * write whatever the number of recipients.
 */
export async function queueNotificationEmails(db: Db, input: NotificationEmailInput): Promise<number> {
  if (input.recipients.length === 0) return 0;
  const threadId = threadIdOf(input.url);
  const [people, levels, follows] = await Promise.all([
    db.user.findMany({ where: { id: { in: [...input.recipients] } }, select: { id: true, email: true } }),
    effectiveLevels(db, input.recipients, input.groupId),
    threadId
      ? db.threadFollow.findMany({ where: { threadId, userId: { in: [...input.recipients] } }, select: { userId: true, following: true } })
      : [],
  ]);
  const following = new Map(follows.map(({ userId, following: value }) => [userId, value]));
  const scope = input.groupId ?? ACCOUNT_SCOPE;
  const mails: Mail[] = people.flatMap(({ id, email }) => {
    const level = levels.get(id)!;
    const follow = following.get(id);
    if (emailDecision(level, input.kind, follow) === "skip") return [];
    const links = unsubscribeLinks(id, scope);
    const { subject, content } = notificationEmail({
      ...input,
      itemUrl: absoluteUrl(input.url),
      settingsUrl: absoluteUrl("/settings/notifications"),
      unsubscribePageUrl: links.pageUrl,
      reason: follow === true && level !== "all" ? { following: true } : { level },
    });
    return [{ to: email, subject, content, userId: id, unsubscribeUrl: links.oneClickUrl }];
  });
  await queueMails(db, mails);
  return mails.length;
}
