import type { Db } from "@/server/db";
import type { Publish } from "@/server/events";
import { logger } from "@/server/logger";
import { toNotificationDto } from "@/server/notifications/dto";
import { queueNotificationEmails } from "@/server/notifications/email";
import type { NotificationKind } from "@/server/notifications/schemas";
import { summarize } from "@/server/notifications/summary";

export type NotifyInput = {
  recipients: readonly string[];
  kind: NotificationKind;
  /** Who caused it (never notified about their own action); null for the scheduler. */
  actorId: string | null;
  groupId: string | null;
  title: string;
  url: string;
  /** Paragraphs only the email shows, e.g. an excerpt of the comment or the outcome statement. */
  details?: string[];
};

/**
 * Runs notification work after the caller's own write has succeeded. A notification that fails
 * is logged and dropped: it must never turn a comment, thread or vote that was saved into an error.
 */
export async function withoutFailing(kind: NotificationKind, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    logger.error({ err: error, kind }, "notification failed");
  }
}

/**
 * The one way Hearth tells people about something. Writes one notification per recipient (once
 * each, never the actor) in a single statement, tells each recipient's open tabs through their
 * `user:` room, then queues the email each recipient's settings ask for (see emailDecision).
 * Never throws, and never waits for a mail server: email goes through the outbox queue.
 */
export async function notify(db: Db, publish: Publish, input: NotifyInput): Promise<void> {
  await withoutFailing(input.kind, async () => {
    const recipients = [...new Set(input.recipients)].filter((id) => id !== input.actorId);
    if (recipients.length === 0) return;
    const { kind, actorId, groupId, title, url } = input;
    const [rows, actor, group] = await Promise.all([
      db.notification.createManyAndReturn({
        data: recipients.map((userId) => ({ userId, kind, actorId, groupId, title, url })),
        select: { id: true, userId: true, createdAt: true },
      }),
      actorId ? db.user.findUnique({ where: { id: actorId }, select: { id: true, name: true } }) : null,
      groupId ? db.group.findUnique({ where: { id: groupId }, select: { id: true, name: true } }) : null,
    ]);
    const groups = new Map(group ? [[group.id, group]] : []);
    for (const row of rows) {
      const payload = toNotificationDto({ ...row, kind, title, url, groupId, readAt: null, actor }, groups);
      publish({ name: "notification.created", room: `user:${row.userId}`, payload });
    }
    await queueNotificationEmails(db, {
      recipients: rows.map(({ userId }) => userId),
      kind,
      groupId,
      groupName: group?.name ?? null,
      title,
      summary: summarize({ kind, title, actorName: actor?.name ?? null, groupName: group?.name ?? null }),
      url,
      details: input.details ?? [],
    });
  });
}
