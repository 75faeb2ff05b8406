import { runJobTurn, type JobSchedule } from "@/server/cluster/job-lock";
import type { Db } from "@/server/db";
import type { Publish } from "@/server/events";
import { logger } from "@/server/logger";
import { notify } from "@/server/notifications/notify";
import { taskViewersWhere } from "@/server/tasks/access";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Reminders per run; the rest wait for the next run, so one run never holds the job for long. */
const BATCH = 200;

type Kind = "due" | "overdue";

/**
 * Reminds the assignees of open tasks (task_due): once when the due day is less than a day away,
 * once more when it has passed (a due day ends at midnight UTC). Each reminder is claimed with a
 * conditional update before anyone is told, so two runs (or two instances) never send it twice;
 * a task found overdue first gets only the overdue reminder. notify() follows each person's
 * settings for email. Only assignees who can still see the task hear of it.
 */
export async function runTaskSchedule(db: Db, publish: Publish, now = new Date()): Promise<{ reminded: number }> {
  let reminded = 0;
  const dayEnded = new Date(now.getTime() - DAY_MS);
  const overdue = await db.task.findMany({
    where: { doneAt: null, overdueRemindedAt: null, dueOn: { lte: dayEnded } },
    select: { id: true, groupId: true, threadId: true, title: true, dueOn: true },
    orderBy: { dueOn: "asc" },
    take: BATCH,
  });
  for (const task of overdue) reminded += await remind(db, publish, task, "overdue", now);
  const dueSoon = await db.task.findMany({
    where: { doneAt: null, dueRemindedAt: null, overdueRemindedAt: null, dueOn: { gt: dayEnded, lte: new Date(now.getTime() + DAY_MS) } },
    select: { id: true, groupId: true, threadId: true, title: true, dueOn: true },
    orderBy: { dueOn: "asc" },
    take: BATCH,
  });
  for (const task of dueSoon) reminded += await remind(db, publish, task, "due", now);
  return { reminded };
}

async function remind(
  db: Db,
  publish: Publish,
  task: { id: string; groupId: string; threadId: string | null; title: string; dueOn: Date | null },
  kind: Kind,
  now: Date,
): Promise<number> {
  const { count } = await db.task.updateMany({
    where: { id: task.id, doneAt: null, ...(kind === "due" ? { dueRemindedAt: null, overdueRemindedAt: null } : { overdueRemindedAt: null }) },
    data: kind === "due" ? { dueRemindedAt: now } : { overdueRemindedAt: now, dueRemindedAt: now },
  });
  if (!count) return 0;
  const people = await db.user.findMany({
    where: { AND: [{ taskAssignments: { some: { taskId: task.id } } }, taskViewersWhere(task)] },
    select: { id: true },
  });
  const day = task.dueOn!.toISOString().slice(0, 10);
  await notify(db, publish, {
    recipients: people.map(({ id }) => id),
    kind: "task_due",
    actorId: null,
    groupId: task.groupId,
    title: task.title,
    url: "/tasks",
    details: [kind === "due" ? `This task is due on ${day}.` : `This task was due on ${day} and is not done yet.`],
  });
  return people.length;
}

/** Runs the reminders now, then every interval, each turn on one instance only (cluster/job-lock.ts). */
export function startTaskScheduler(db: Db, publish: Publish, { redis, intervalMs = 60_000 }: JobSchedule): () => void {
  const run = () =>
    runJobTurn("task_reminders", redis, () => runTaskSchedule(db, publish)).catch((error: unknown) =>
      logger.error({ err: error }, "task reminders failed"),
    );
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
