import { resolveAfterClose, sweepAmendments } from "@/server/amendments/resolve";
import { recordAudit } from "@/server/audit/record";
import { runJobTurn, type JobSchedule } from "@/server/cluster/job-lock";
import type { Db } from "@/server/db";
import type { Publish } from "@/server/events";
import { logger } from "@/server/logger";
import { notify } from "@/server/notifications/notify";
import { voteRequestUrl } from "@/server/notifications/vote-requests";
import { undecidedWhere } from "@/server/polls/voters";
import { publishPollChange } from "@/server/polls/events";
import { announceOpening } from "@/server/polls/opening";
import { countEligible } from "@/server/polls/verdict";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Closes every poll whose closing time has passed, asks the voters of scheduled polls that have
 * opened to vote, and reminds undecided voters of polls that close within a day. State lives in
 * the database (closedAt, openedNoticeAt, reminderSentAt), so a restart loses nothing: overdue
 * polls close on the first run, and no notice or reminder goes out twice.
 */
export async function runPollSchedule(db: Db, publish: Publish, now = new Date()): Promise<{ closed: number; opened: number; reminded: number }> {
  const overdue = await db.poll.findMany({
    where: { closedAt: null, closingAt: { lte: now } },
    select: { id: true, groupId: true, threadId: true, closingAt: true, title: true, restrictVoters: true },
  });
  for (const poll of overdue) {
    const count = await db.$transaction(async (tx) => {
      // The eligible voters are frozen in the same claim, so the verdict does not drift.
      const eligibleAtClose = await countEligible(tx, poll);
      const { count } = await tx.poll.updateMany({ where: { id: poll.id, closedAt: null }, data: { closedAt: poll.closingAt, eligibleAtClose } });
      const subject = { type: "poll" as const, id: poll.id, label: poll.title };
      if (count) await recordAudit(tx, { groupId: poll.groupId, actorId: null, action: "poll.closed_on_time", subject });
      return count;
    });
    if (count) {
      publishPollChange(publish, poll);
      await resolveAfterClose(db, publish, poll.id);
    }
  }
  // Amendments a crash left between a close and their resolution, or between their claim and their change.
  await sweepAmendments(db, publish, now).catch((error: unknown) => logger.error({ err: error }, "amendment sweep failed"));

  const opening = await db.poll.findMany({
    where: { closedAt: null, closingAt: { gt: now }, opensAt: { lte: now }, openedNoticeAt: null },
    select: { id: true, groupId: true, threadId: true, restrictVoters: true, title: true, authorId: true },
  });
  let opened = 0;
  for (const poll of opening) if (await announceOpening(db, publish, poll, now)) opened += 1;

  const dueSoon = await db.poll.findMany({
    where: { closedAt: null, reminderSentAt: null, closingAt: { gt: now, lte: new Date(now.getTime() + DAY_MS) } },
    select: { id: true, groupId: true, threadId: true, restrictVoters: true, title: true, closingAt: true },
  });
  let reminded = 0;
  for (const poll of dueSoon) {
    // Claim the reminder first, so two runs can never both send it.
    const { count } = await db.poll.updateMany({ where: { id: poll.id, reminderSentAt: null }, data: { reminderSentAt: now } });
    if (!count) continue;
    const people = await db.user.findMany({ where: undecidedWhere(poll), select: { id: true } });
    await notify(db, publish, {
      recipients: people.map(({ id }) => id),
      kind: "poll_closing",
      actorId: null,
      groupId: poll.groupId,
      title: poll.title,
      url: voteRequestUrl(poll),
      details: [`You have not voted yet. The poll closes at ${poll.closingAt.toUTCString()}.`],
    });
    reminded += people.length;
  }
  return { closed: overdue.length, opened, reminded };
}

/**
 * Runs the schedule now (closing what went overdue while the server was down), then every interval,
 * each turn on one instance only (cluster/job-lock.ts).
 */
export function startPollScheduler(db: Db, publish: Publish, { redis, intervalMs = 30_000 }: JobSchedule): () => void {
  const run = () =>
    runJobTurn("polls", redis, () => runPollSchedule(db, publish)).catch((error: unknown) => logger.error({ err: error }, "poll schedule failed"));
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
