import { extractChecklist, type ExtractedTask } from "@/lib/tasks/extract";
import type { Db } from "@/server/db";
import { isUniqueViolation } from "@/server/db/unique-violation";
import type { Publish } from "@/server/events";
import { logger } from "@/server/logger";
import { notify } from "@/server/notifications/notify";
import { visibleAssignees } from "@/server/tasks/access";
import { publishTaskChange } from "@/server/tasks/events";

/** A text tasks are written in, and where its tasks live. */
export type TaskSource =
  | { kind: "thread"; id: string; groupId: string }
  | { kind: "comment"; id: string; groupId: string; threadId: string }
  | { kind: "agenda" | "minutes"; id: string; groupId: string }
  | { kind: "docComment"; id: string; groupId: string };

const dayOf = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id) => b.includes(id));

function columnsOf(source: TaskSource) {
  switch (source.kind) {
    case "thread":
      return { threadId: source.id };
    case "comment":
      return { threadId: source.threadId, commentId: source.id };
    case "agenda":
    case "minutes":
      return { meetingId: source.id };
    case "docComment":
      return { docCommentId: source.id };
  }
}

/**
 * Keeps the tasks written in a text in step with it, after the text was saved (created, edited or
 * deleted: `after` ""). Each checklist item with a mention is the task "<kind>:<id>:<n>". A task
 * keeps its done state unless the author changed that box between `before` and `after`; items
 * gone from the text take their tasks with them. Only people who can see the text are assigned;
 * new assignees are notified (task_assigned), never the author about themselves.
 */
export async function syncTasks(db: Db, publish: Publish, input: { source: TaskSource; actorId: string; before: string | null; after: string }) {
  try {
    await syncOnce(db, publish, input);
  } catch (error) {
    // Two edits of one text raced to create the same task; the second pass sees the first's rows.
    if (!isUniqueViolation(error)) throw error;
    await syncOnce(db, publish, input);
  }
}

async function syncOnce(db: Db, publish: Publish, { source, actorId, before, after }: { source: TaskSource; actorId: string; before: string | null; after: string }) {
  const prefix = `${source.kind}:${source.id}:`;
  const columns = columnsOf(source);
  const items = extractChecklist(after);
  const earlier = before ? extractChecklist(before) : [];
  const written = items.flatMap(({ task }) => (task ? [task] : []));
  // Neither text has a task, so none exists: no query at all for the usual comment.
  if (written.length === 0 && !earlier.some(({ task }) => task)) return;
  const beforeDone = new Map(earlier.map(({ index, done }) => [index, done]));
  const existing = await db.task.findMany({
    where: { ...columns, sourceKey: { startsWith: prefix } },
    select: { id: true, sourceKey: true, title: true, dueOn: true, doneAt: true, assignees: { select: { userId: true } } },
  });
  if (written.length === 0 && existing.length === 0) return;

  const place = { groupId: source.groupId, threadId: "threadId" in columns ? columns.threadId : null };
  const allowed = new Set(await visibleAssignees(db, place, written.flatMap(({ assigneeIds }) => assigneeIds)));
  const assigneesOf = (task: ExtractedTask) => task.assigneeIds.filter((id) => allowed.has(id));
  const now = new Date();
  const matched = matchTasks(written, existing, prefix);
  const removed = existing.filter((task) => ![...matched.values()].includes(task));
  const fresh = written.filter((task) => !matched.has(task));
  const changes = written.flatMap((task) => {
    const current = matched.get(task);
    if (!current) return [];
    const assigneeIds = assigneesOf(task);
    const currentAssignees = current.assignees.map(({ userId }) => userId);
    // The box as it was written before, where this task was then (it may have moved since).
    const oldIndex = Number(current.sourceKey!.slice(prefix.length));
    const boxChanged = beforeDone.has(oldIndex) ? beforeDone.get(oldIndex) !== task.done : task.done !== (current.doneAt !== null);
    const dueChanged = dayOf(current.dueOn) !== task.dueOn;
    const assigneesChanged = !sameSet(assigneeIds, currentAssignees);
    const moved = oldIndex !== task.index;
    if (!boxChanged && !dueChanged && !assigneesChanged && !moved && current.title === task.title) return [];
    return [{ task, current, assigneeIds, added: assigneeIds.filter((id) => !currentAssignees.includes(id)), boxChanged, dueChanged, assigneesChanged, moved }];
  });
  if (removed.length === 0 && fresh.length === 0 && changes.length === 0) return;

  const created = await db.$transaction(async (tx) => {
    if (removed.length) await tx.task.deleteMany({ where: { id: { in: removed.map(({ id }) => id) } } });
    // Tasks that moved step aside first, so no two hold one key at any moment.
    const moving = changes.filter(({ moved }) => moved);
    for (const { current } of moving) await tx.task.update({ where: { id: current.id }, data: { sourceKey: `${current.sourceKey}~${current.id}` } });
    for (const { task, current, assigneeIds, boxChanged, dueChanged, assigneesChanged, moved } of changes) {
      await tx.task.update({
        where: { id: current.id },
        data: {
          title: task.title,
          ...(moved && { sourceKey: `${prefix}${task.index}` }),
          ...(boxChanged && { doneAt: task.done ? now : null, doneById: task.done ? actorId : null }),
          ...(dueChanged && { dueOn: task.dueOn ? new Date(`${task.dueOn}T00:00:00Z`) : null, dueRemindedAt: null, overdueRemindedAt: null }),
          ...(assigneesChanged && { assignees: { deleteMany: {}, create: assigneeIds.map((userId) => ({ userId })) } }),
        },
      });
    }
    if (fresh.length === 0) return [];
    const rows = await tx.task.createManyAndReturn({
      data: fresh.map((task) => ({
        groupId: source.groupId,
        ...columns,
        title: task.title,
        dueOn: task.dueOn ? new Date(`${task.dueOn}T00:00:00Z`) : null,
        doneAt: task.done ? now : null,
        doneById: task.done ? actorId : null,
        createdById: actorId,
        sourceKey: `${prefix}${task.index}`,
      })),
      select: { id: true, sourceKey: true },
    });
    const idOf = new Map(rows.map((row) => [row.sourceKey!, row.id]));
    const assignments = fresh.flatMap((task) => assigneesOf(task).map((userId) => ({ taskId: idOf.get(`${prefix}${task.index}`)!, userId })));
    if (assignments.length) await tx.taskAssignee.createMany({ data: assignments });
    return fresh.map((task) => ({ id: idOf.get(`${prefix}${task.index}`)!, task, added: assigneesOf(task) }));
  });

  const everyAssignee = [
    ...removed.flatMap(({ assignees }) => assignees.map(({ userId }) => userId)),
    ...changes.flatMap(({ current, assigneeIds }) => [...assigneeIds, ...current.assignees.map(({ userId }) => userId)]),
    ...created.flatMap(({ added }) => added),
  ];
  publishTaskChange(
    publish,
    {
      groupId: source.groupId,
      taskIds: [...removed, ...changes.map(({ current }) => current), ...created].map(({ id }) => id),
      ...("threadId" in columns && { threadId: columns.threadId }),
      ...("meetingId" in columns && { meetingId: columns.meetingId }),
    },
    everyAssignee,
  );
  for (const { task, added } of [...created, ...changes]) {
    if (added.length) await notifyAssigned(db, publish, { actorId, groupId: source.groupId, title: task.title, dueOn: task.dueOn, recipients: added });
  }
}

type ExistingTask = { id: string; sourceKey: string | null; title: string };

/**
 * Which stored task each written item is: the one with the same title first (so adding or moving
 * items keeps each task's state and people), then the one at the same position (a retitled item).
 */
function matchTasks<T extends ExistingTask>(written: readonly ExtractedTask[], existing: readonly T[], prefix: string): Map<ExtractedTask, T> {
  const matched = new Map<ExtractedTask, T>();
  const free = new Set(existing);
  const take = (task: ExtractedTask, candidate: T | undefined) => {
    if (!candidate || matched.has(task)) return;
    matched.set(task, candidate);
    free.delete(candidate);
  };
  const atIndex = (task: ExtractedTask) => [...free].find(({ sourceKey }) => sourceKey === `${prefix}${task.index}`);
  for (const task of written) {
    const sameTitle = [...free].filter(({ title }) => title === task.title);
    take(task, sameTitle.find(({ sourceKey }) => sourceKey === `${prefix}${task.index}`) ?? sameTitle[0]);
  }
  for (const task of written) take(task, atIndex(task));
  return matched;
}

/** Tells people a task was given to them (never the person who gave it to themselves). */
export async function notifyAssigned(
  db: Db,
  publish: Publish,
  input: { actorId: string; groupId: string; title: string; dueOn: string | null; recipients: readonly string[] },
): Promise<void> {
  await notify(db, publish, {
    recipients: input.recipients,
    kind: "task_assigned",
    actorId: input.actorId,
    groupId: input.groupId,
    title: input.title,
    url: "/tasks",
    details: input.dueOn ? [`Due on ${input.dueOn}.`] : [],
  });
}

/** As syncTasks, for the write services' hooks: a failure is logged, never turned into an error for a saved text. */
export async function syncTasksAfterWrite(db: Db, publish: Publish, input: Parameters<typeof syncTasks>[2]): Promise<void> {
  try {
    await syncTasks(db, publish, input);
  } catch (error) {
    logger.error({ err: error, source: input.source.kind }, "task sync failed");
  }
}
