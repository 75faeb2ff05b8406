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

/** The people who get one kind of notification about an item, and what their email says. */
export type NotificationEmailBatch = {
  recipients: readonly string[];
  kind: NotificationKind;
  summary: string;
  details: readonly string[];
};

export type NotificationEmailInput = {
  groupId: string | null;
  groupName: string | null;
  title: string;
  url: string;
  batches: readonly NotificationEmailBatch[];
};

/**
 * Queues the email each recipient's settings ask for about one item: their level in the group
 * (or account), and their follow or mute of the thread it is about. Three reads and one write
 * whatever the number of recipients and kinds.
 */
export async function queueNotificationEmails(db: Db, input: NotificationEmailInput): Promise<number> {
  const recipients = input.batches.flatMap((batch) => batch.recipients);
  if (recipients.length === 0) return 0;
  const threadId = threadIdOf(input.url);
  const [people, levels, follows] = await Promise.all([
    db.user.findMany({ where: { id: { in: recipients } }, select: { id: true, email: true } }),
    effectiveLevels(db, recipients, input.groupId),
    threadId
      ? db.threadFollow.findMany({ where: { threadId, userId: { in: recipients } }, select: { userId: true, following: true, automatic: true } })
      : [],
  ]);
  const emails = new Map(people.map(({ id, email }) => [id, email]));
  // A follow that came from starting or commenting in the thread is no choice about email: the level decides.
  const following = new Map(follows.filter(({ automatic }) => !automatic).map(({ userId, following: value }) => [userId, value]));
  const scope = input.groupId ?? ACCOUNT_SCOPE;
  const mails: Mail[] = input.batches.flatMap((batch) =>
    batch.recipients.flatMap((id) => {
      const email = emails.get(id);
      const level = levels.get(id)!;
      const follow = following.get(id);
      if (email === undefined || emailDecision(level, batch.kind, follow) === "skip") return [];
      const links = unsubscribeLinks(id, scope);
      const { subject, content } = notificationEmail({
        ...batch,
        title: input.title,
        groupName: input.groupName,
        itemUrl: absoluteUrl(input.url),
        settingsUrl: absoluteUrl("/settings/notifications"),
        unsubscribePageUrl: links.pageUrl,
        reason: follow === true && level !== "all" ? { following: true } : { level },
      });
      return [{ to: email, subject, content, userId: id, unsubscribeUrl: links.oneClickUrl }];
    }),
  );
  await queueMails(db, mails);
  return mails.length;
}
