import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { canCompleteTask, canEditTask, canInGroup } from "@/server/policy";
import { requireTask, resolvePlace, visibleAssignees } from "@/server/tasks/access";
import { loadTaskDto } from "@/server/tasks/list";
import { publishTaskChange } from "@/server/tasks/events";
import type { CreateTaskInput, TaskDto, UpdateTaskInput } from "@/server/tasks/schemas";
import { notifyAssigned } from "@/server/tasks/sync";

const TEXT_NAMES = { comment: "the comment", thread: "the thread", agenda: "the agenda", minutes: "the minutes", docComment: "the document comment" } as const;

/** What to tell someone who tries to retitle or reassign a task written in text. */
function writtenInText(sourceKey: string): string {
  const kind = sourceKey.split(":")[0] as keyof typeof TEXT_NAMES;
  return `Edit ${TEXT_NAMES[kind] ?? "the text it was written in"} to change this task: its title and people come from there.`;
}
const NOT_VISIBLE_ASSIGNEE = "Tasks can only be given to people who can see where they are. Someone you chose cannot.";

const dayOf = (date: Date | null | undefined) => date?.toISOString().slice(0, 10) ?? null;

async function checkAssignees(db: Db, place: { groupId: string; threadId?: string | null }, assigneeIds: readonly string[]) {
  const allowed = await visibleAssignees(db, place, assigneeIds);
  if (allowed.length !== new Set(assigneeIds).size) throw new AppError("BAD_REQUEST", NOT_VISIBLE_ASSIGNEE);
  return allowed;
}

/** A task added by hand: under a decision, in a thread's task panel, a meeting or a group. */
export async function createTask(db: Db, publish: Publish, userId: string, input: CreateTaskInput): Promise<TaskDto> {
  const { place, standing } = await resolvePlace(db, userId, input);
  if (!canInGroup(standing, "task.create")) throw new AppError("FORBIDDEN", "Only the group's members and admins can add tasks.");
  const assigneeIds = await checkAssignees(db, place, input.assigneeIds ?? []);
  const task = await db.task.create({
    data: {
      groupId: place.groupId,
      threadId: place.threadId ?? null,
      commentId: place.commentId ?? null,
      meetingId: place.meetingId ?? null,
      decisionId: place.decisionId ?? null,
      title: input.title,
      dueOn: input.dueOn ?? null,
      createdById: userId,
      assignees: { create: assigneeIds.map((id) => ({ userId: id })) },
    },
    select: { id: true },
  });
  publishTaskChange(publish, { ...changeOf(place), taskIds: [task.id] }, assigneeIds);
  await notifyAssigned(db, publish, { actorId: userId, groupId: place.groupId, title: input.title, dueOn: dayOf(input.dueOn), recipients: assigneeIds });
  return loadTaskDto(db, userId, task.id);
}

function changeOf(task: { groupId: string; threadId?: string | null; meetingId?: string | null; decisionId?: string | null }) {
  return {
    groupId: task.groupId,
    ...(task.threadId && { threadId: task.threadId }),
    ...(task.meetingId && { meetingId: task.meetingId }),
    ...(task.decisionId && { decisionId: task.decisionId }),
  };
}

/**
 * Changes a task's due date or decision; for a task added by hand also its title and assignees.
 * A task written in text takes those from the text, so changing them here is refused.
 */
export async function updateTask(db: Db, publish: Publish, userId: string, input: UpdateTaskInput): Promise<TaskDto> {
  const { task, standing, isAssignee } = await requireTask(db, userId, input.id);
  if (!canEditTask(standing, { actorId: userId, createdById: task.createdById, isAssignee })) {
    throw new AppError("FORBIDDEN", "Only the task's creator, the people it is assigned to and the group's admins can change it.");
  }
  if (task.sourceKey && (input.title !== undefined || input.assigneeIds !== undefined)) throw new AppError("BAD_REQUEST", writtenInText(task.sourceKey));
  if (input.decisionId) await resolvePlace(db, userId, { groupId: task.groupId, decisionId: input.decisionId });
  const current = task.assignees.map(({ userId: id }) => id);
  const assigneeIds = input.assigneeIds ? await checkAssignees(db, task, input.assigneeIds) : current;
  const added = assigneeIds.filter((id) => !current.includes(id));
  await db.task.update({
    where: { id: task.id },
    data: {
      title: input.title,
      decisionId: input.decisionId,
      ...(input.dueOn !== undefined && { dueOn: input.dueOn, dueRemindedAt: null, overdueRemindedAt: null }),
      ...(input.assigneeIds && { assignees: { deleteMany: {}, create: assigneeIds.map((id) => ({ userId: id })) } }),
    },
  });
  const dto = await loadTaskDto(db, userId, task.id);
  publishTaskChange(publish, { ...changeOf(task), taskIds: [task.id] }, [...current, ...assigneeIds]);
  // Moved to another decision: that decision's open pages hear of it too.
  if (dto.decisionId && dto.decisionId !== task.decisionId) {
    publishTaskChange(publish, { groupId: task.groupId, decisionId: dto.decisionId, taskIds: [task.id] }, []);
  }
  if (added.length) {
    await notifyAssigned(db, publish, { actorId: userId, groupId: task.groupId, title: dto.title, dueOn: dayOf(dto.dueOn), recipients: added });
  }
  return dto;
}

/**
 * Ticks (or reopens) a task. The change is claimed with a conditional update, so of two ticks at
 * once only one sets doneAt and doneBy; the other finds it done already and answers the same.
 */
export async function completeTask(db: Db, publish: Publish, userId: string, input: { id: string; done: boolean }): Promise<TaskDto> {
  const { task, standing, isAssignee } = await requireTask(db, userId, input.id);
  if (!canCompleteTask(standing, { isAssignee })) throw new AppError("FORBIDDEN", "Guests can only tick tasks assigned to them.");
  const { count } = await db.task.updateMany({
    where: { id: task.id, doneAt: input.done ? null : { not: null } },
    data: input.done ? { doneAt: new Date(), doneById: userId } : { doneAt: null, doneById: null },
  });
  if (count) publishTaskChange(publish, { ...changeOf(task), taskIds: [task.id] }, task.assignees.map(({ userId: id }) => id));
  return loadTaskDto(db, userId, task.id);
}
