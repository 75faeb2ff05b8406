import type { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { tasksVisibleToWhere } from "@/server/policy";
import { resolvePlace } from "@/server/tasks/access";
import { taskSelect, toTaskDtos } from "@/server/tasks/dto";
import type { ListTasksInput, MyTasksInput, TaskDto, TaskStatus } from "@/server/tasks/schemas";

/** A place's tasks are shown whole; past this many, the oldest are left out. */
export const TASK_LIST_LIMIT = 500;
export const MY_TASKS_PAGE_SIZE = 30;

const statusWhere = (status: TaskStatus): Prisma.TaskWhereInput =>
  status === "open" ? { doneAt: null } : status === "done" ? { doneAt: { not: null } } : {};

export async function loadTaskDto(db: Db, userId: string, id: string): Promise<TaskDto> {
  const row = await db.task.findFirst({ where: { AND: [{ id }, tasksVisibleToWhere(userId)] }, select: taskSelect });
  if (!row) throw new AppError("NOT_FOUND", "That task does not exist, or you cannot see it.");
  const [dto] = await toTaskDtos(db, userId, [row]);
  return dto!;
}

/**
 * The tasks of a thread (its body's, its comments' and those added to it), a meeting (agenda,
 * minutes and added), a decision, or a whole group: open ones by due date (undated last), done
 * ones newest first. Only what the caller may see: a guest sees only their thread's.
 */
export async function listTasks(db: Db, userId: string, input: ListTasksInput): Promise<TaskDto[]> {
  const { place } = await resolvePlace(db, userId, input);
  const rows = await db.task.findMany({
    where: {
      AND: [
        tasksVisibleToWhere(userId),
        statusWhere(input.status),
        input.threadId ? { threadId: input.threadId } : {},
        input.meetingId ? { meetingId: input.meetingId } : {},
        input.decisionId ? { decisionId: input.decisionId } : {},
        input.threadId ? {} : { groupId: place.groupId },
      ],
    },
    select: taskSelect,
    orderBy:
      input.status === "done"
        ? [{ doneAt: "desc" }, { id: "asc" }]
        : [{ doneAt: { sort: "asc", nulls: "first" } }, { dueOn: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
    take: TASK_LIST_LIMIT,
  });
  return toTaskDtos(db, userId, rows);
}

/**
 * Tasks assigned to the caller across their groups, only where they may still see them (nothing
 * of a group they left): open ones overdue first, then by due date, undated last; done ones
 * newest first. Cursor-paginated by task id.
 */
export async function myTasks(db: Db, userId: string, input: MyTasksInput): Promise<{ items: TaskDto[]; nextCursor: string | null }> {
  const rows = await db.task.findMany({
    where: { AND: [{ assignees: { some: { userId } } }, tasksVisibleToWhere(userId), statusWhere(input.status)] },
    select: taskSelect,
    orderBy:
      input.status === "done"
        ? [{ doneAt: "desc" }, { id: "asc" }]
        : [{ doneAt: { sort: "asc", nulls: "first" } }, { dueOn: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
    take: MY_TASKS_PAGE_SIZE + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, MY_TASKS_PAGE_SIZE);
  return {
    items: await toTaskDtos(db, userId, page),
    nextCursor: rows.length > MY_TASKS_PAGE_SIZE ? page[page.length - 1]!.id : null,
  };
}
