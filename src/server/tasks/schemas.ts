import { z } from "zod";
import { isCalendarDay, MAX_TASK_TITLE } from "@/lib/tasks/extract";
import { zText } from "@/server/validation";

const zId = z.string().min(1).max(64);

export const zTaskTitle = zText()
  .trim()
  .min(1, "Say what needs doing")
  .max(MAX_TASK_TITLE, `Keep the task to ${MAX_TASK_TITLE} characters or fewer`);

/** A calendar day as YYYY-MM-DD (what a date field gives), stored as that day's UTC midnight. */
export const zDueOn = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Give the due date as a day, e.g. 2026-12-10")
  .refine(isCalendarDay, "That due date is not a real day")
  .transform((day) => new Date(`${day}T00:00:00Z`));

const zAssigneeIds = z.array(zId).max(20, "Assign a task to at most 20 people");

export const zCreateTaskInput = z.object({
  title: zTaskTitle,
  assigneeIds: zAssigneeIds.optional(),
  dueOn: zDueOn.optional(),
  groupId: zId.optional(),
  threadId: zId.optional(),
  commentId: zId.optional(),
  meetingId: zId.optional(),
  decisionId: zId.optional(),
});
export type CreateTaskInput = z.infer<typeof zCreateTaskInput>;

export const zUpdateTaskInput = z.object({
  id: zId,
  title: zTaskTitle.optional(),
  assigneeIds: zAssigneeIds.optional(),
  dueOn: zDueOn.nullable().optional(),
  decisionId: zId.nullable().optional(),
});
export type UpdateTaskInput = z.infer<typeof zUpdateTaskInput>;

export const zCompleteTaskInput = z.object({ id: zId, done: z.boolean().default(true) });

export const zTaskStatus = z.enum(["open", "done", "all"]);
export type TaskStatus = z.infer<typeof zTaskStatus>;

export const zListTasksInput = z
  .object({
    groupId: zId.optional(),
    threadId: zId.optional(),
    meetingId: zId.optional(),
    decisionId: zId.optional(),
    status: zTaskStatus.default("open"),
  })
  .refine((input) => input.groupId || input.threadId || input.meetingId || input.decisionId, {
    message: "Say whose tasks to list: a group, thread, meeting or decision.",
  });
export type ListTasksInput = z.infer<typeof zListTasksInput>;

export const zMyTasksInput = z.object({
  status: zTaskStatus.default("open"),
  cursor: zId.nullish(),
});
export type MyTasksInput = z.infer<typeof zMyTasksInput>;

export const TASK_SOURCE_KINDS = ["thread", "comment", "agenda", "minutes", "docComment", "meeting", "decision", "group"] as const;
export type TaskSourceKind = (typeof TASK_SOURCE_KINDS)[number];

export const zTaskDto = z.object({
  id: z.string(),
  groupId: z.string(),
  title: z.string(),
  dueOn: z.date().nullable(),
  doneAt: z.date().nullable(),
  doneBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  assignees: z.array(z.object({ id: z.string(), name: z.string() })),
  createdBy: z.object({ id: z.string(), name: z.string() }),
  /** Where it was written or added: `id` of the thread, comment, meeting, document comment, decision or group. */
  source: z.object({ kind: z.enum(TASK_SOURCE_KINDS), id: z.string(), url: z.string(), label: z.string() }),
  /** Its position among its text's checklist items (the nth rendered checkbox); null for a task added by hand. */
  sourceIndex: z.number().int().nullable(),
  threadId: z.string().nullable(),
  meetingId: z.string().nullable(),
  decisionId: z.string().nullable(),
  canComplete: z.boolean(),
  canEdit: z.boolean(),
});
export type TaskDto = z.infer<typeof zTaskDto>;

export const zTaskList = z.array(zTaskDto);
export const zMyTasks = z.object({ items: z.array(zTaskDto), nextCursor: z.string().nullable() });
