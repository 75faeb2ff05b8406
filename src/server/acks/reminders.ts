import { followChange, pendingIds } from "@/server/acks/changes";
import { contentHashOf, readSubject } from "@/server/acks/subjects";
import { runJobTurn, type JobSchedule } from "@/server/cluster/job-lock";
import type { Db } from "@/server/db";
import type { Publish } from "@/server/events";
import { logger } from "@/server/logger";
import { notify } from "@/server/notifications/notify";

const DAY_MS = 24 * 60 * 60 * 1000;
/** A request reminds those who have not acknowledged at most this often… */
export const REMIND_EVERY_MS = 3 * DAY_MS;
/** …until it is this old: at most nine reminders, and nobody is nagged about last year's minutes. */
export const REMIND_FOR_MS = 30 * DAY_MS;
/** Requests handled per turn; the rest wait for the next turn. */
const BATCH = 100;

/**
 * Reminds members and admins who have not acknowledged an item, three days after it was asked
 * (or last asked again) and then every three days, until the request is a month old. Each
 * request's turn is claimed on lastRemindedAt first, so two runs (or instances) remind once.
 * Requests whose item was deleted are removed; items with nothing to acknowledge now (an outcome
 * withdrawn by reopening the poll, minutes cleared) are skipped.
 */
export async function runAckReminders(db: Db, publish: Publish, now = new Date()): Promise<{ reminded: number }> {
  const due = new Date(now.getTime() - REMIND_EVERY_MS);
  const requests = await db.ackRequest.findMany({
    where: {
      createdAt: { gt: new Date(now.getTime() - REMIND_FOR_MS), lte: due },
      OR: [{ lastRemindedAt: null }, { lastRemindedAt: { lte: due } }],
    },
    select: { id: true, subjectType: true, subjectId: true, contentHash: true, lastRemindedAt: true, requestedById: true },
    orderBy: { createdAt: "asc" },
    take: BATCH,
  });
  let reminded = 0;
  for (const request of requests) {
    const { count } = await db.ackRequest.updateMany({ where: { id: request.id, lastRemindedAt: request.lastRemindedAt }, data: { lastRemindedAt: now } });
    if (!count) continue;
    const subject = await readSubject(db, request.subjectType, request.subjectId);
    if (!subject) {
      await db.ackRequest.deleteMany({ where: { id: request.id } });
      continue;
    }
    if (subject.text === null) continue;
    const contentHash = contentHashOf(subject.text);
    const told = new Set(await followChange(db, publish, request, subject, contentHash));
    const recipients = (await pendingIds(db, subject, request.id, contentHash)).filter((id) => !told.has(id) && id !== request.requestedById);
    await notify(db, publish, {
      recipients,
      kind: "ack_requested",
      // In the asker's name ("… asks you to acknowledge"), who has no need of a reminder of their own request.
      actorId: request.requestedById,
      groupId: subject.groupId,
      title: subject.title,
      url: subject.url,
      details: ["A reminder: you have not acknowledged this yet. Please read it and press “I have read this”."],
    });
    reminded += recipients.length;
  }
  return { reminded };
}

/** Runs the reminders now and every interval, each turn on one instance only (cluster/job-lock.ts). */
export function startAckReminders(db: Db, publish: Publish, { redis, intervalMs = 15 * 60_000 }: JobSchedule): () => void {
  const run = () =>
    runJobTurn("acks", redis, () => runAckReminders(db, publish)).catch((error: unknown) => logger.error({ err: error }, "acknowledgement reminders failed"));
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
