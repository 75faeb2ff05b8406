import type { Db } from "@/server/db";
import type { Publish } from "@/server/events";
import { logger } from "@/server/logger";
import { toNotificationDto } from "@/server/notifications/dto";
import { queueNotificationEmails } from "@/server/notifications/email";
import type { NotificationKind } from "@/server/notifications/schemas";
import { summarize } from "@/server/notifications/summary";
import { PUSH_AUDIENCE_SELECT, pushDevices, pushInBackground } from "@/server/push/send";

/** What every notification of one event shares: who caused it, where, and what it links to. */
type NotifyCommon = {
  /** Who caused it (never notified about their own action); null for the scheduler. */
  actorId: string | null;
  groupId: string | null;
  title: string;
  url: string;
  /** The first words of what was written, as plain text (see notificationExcerpt); none where it could leak. */
  excerpt?: string;
};

/** The people who hear about an event as one kind of notification. */
export type NotifyBatch = {
  kind: NotificationKind;
  recipients: readonly string[];
  /** Paragraphs only the email shows, e.g. an excerpt of the comment or the outcome statement. */
  details?: string[];
};

export type NotifyInput = NotifyCommon & NotifyBatch;

/**
 * Runs notification work after the caller's own write has succeeded. A notification that fails
 * is logged and dropped: it must never turn a comment, thread or vote that was saved into an error.
 */
export async function withoutFailing(kind: string, work: () => Promise<void>): Promise<void> {
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
  const { kind, recipients, details, ...common } = input;
  await notifyMany(db, publish, common, [{ kind, recipients, details }]);
}

/**
 * As notify, for one event that reaches people as different kinds (a comment that mentions some,
 * replies to one and reaches the thread's followers): the same few queries whatever the number
 * of kinds and people. Batches come strongest first; someone named in several hears only from
 * the first.
 */
export async function notifyMany(db: Db, publish: Publish, common: NotifyCommon, batches: readonly NotifyBatch[]): Promise<void> {
  await withoutFailing(batches.map(({ kind }) => kind).join("+"), async () => {
    const reached = new Set(common.actorId ? [common.actorId] : []);
    const kept = batches
      .map(({ kind, recipients, details }) => {
        const fresh = [...new Set(recipients)].filter((id) => !reached.has(id));
        for (const id of fresh) reached.add(id);
        return { kind, recipients: fresh, details: details ?? [] };
      })
      .filter(({ recipients }) => recipients.length > 0);
    if (kept.length === 0) return;
    const { actorId, groupId, title, url } = common;
    const excerpt = common.excerpt ?? "";
    const [rows, actor, group] = await Promise.all([
      db.notification.createManyAndReturn({
        data: kept.flatMap(({ kind, recipients }) => recipients.map((userId) => ({ userId, kind, actorId, groupId, title, url, excerpt }))),
        // Each recipient's browsers with push turned on come with the rows: no query more for push.
        select: { id: true, userId: true, kind: true, createdAt: true, user: { select: PUSH_AUDIENCE_SELECT } },
      }),
      actorId ? db.user.findUnique({ where: { id: actorId }, select: { id: true, name: true } }) : null,
      groupId ? db.group.findUnique({ where: { id: groupId }, select: { id: true, name: true } }) : null,
    ]);
    const groups = new Map(group ? [[group.id, group]] : []);
    for (const row of rows) {
      const payload = toNotificationDto({ ...row, title, url, excerpt, groupId, readAt: null, actor }, groups);
      publish({ name: "notification.created", room: `user:${row.userId}`, payload });
    }
    const groupName = group?.name ?? null;
    const summaries = kept.map(({ kind, recipients, details }) => ({
      kind,
      recipients,
      details,
      summary: summarize({ kind, title, actorName: actor?.name ?? null, groupName }),
    }));
    await queueNotificationEmails(db, { groupId, groupName, title, url, batches: summaries });
    pushInBackground(db, { groupId, title, url, batches: summaries, devices: pushDevices(rows) });
  });
}
