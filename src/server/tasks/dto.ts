import type { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/server/db";
import { canCompleteTask, canEditTask, GROUP_SETTINGS_SELECT, groupSettingsOf, NO_GROUP_SETTINGS, type GroupStanding } from "@/server/policy";
import type { TaskDto, TaskSourceKind } from "@/server/tasks/schemas";

const person = { select: { id: true, name: true } } as const;

export const taskSelect = {
  id: true,
  groupId: true,
  title: true,
  dueOn: true,
  doneAt: true,
  createdById: true,
  sourceKey: true,
  threadId: true,
  commentId: true,
  meetingId: true,
  docCommentId: true,
  decisionId: true,
  doneBy: person,
  createdBy: person,
  assignees: { select: { user: person }, orderBy: { user: { name: "asc" } } },
  group: { select: { name: true, handle: true } },
  thread: { select: { title: true } },
  meeting: { select: { title: true } },
  docComment: { select: { documentId: true, document: { select: { title: true } } } },
  decision: { select: { title: true, pollId: true } },
} satisfies Prisma.TaskSelect;

export type TaskRow = Prisma.TaskGetPayload<{ select: typeof taskSelect }>;

/** "comment:<id>:2" → { kind: "comment", index: 2 }; null for a task added by hand. */
export function parseSourceKey(sourceKey: string | null): { kind: TaskSourceKind; index: number } | null {
  const match = sourceKey ? /^(thread|comment|agenda|minutes|docComment):[^:]+:(\d+)$/.exec(sourceKey) : null;
  return match ? { kind: match[1] as TaskSourceKind, index: Number(match[2]) } : null;
}

function sourceOf(task: TaskRow, kind: TaskSourceKind | null): TaskDto["source"] {
  const groupUrl = `/groups/${task.group.handle}`;
  const resolved: TaskSourceKind =
    kind ?? (task.commentId ? "comment" : task.threadId ? "thread" : task.meetingId ? "meeting" : task.decisionId ? "decision" : "group");
  switch (resolved) {
    case "comment":
      return { kind: resolved, id: task.commentId!, url: `/threads/${task.threadId}?comment=${task.commentId}`, label: task.thread?.title ?? "" };
    case "thread":
      return { kind: resolved, id: task.threadId!, url: `/threads/${task.threadId}`, label: task.thread?.title ?? "" };
    case "agenda":
    case "minutes":
    case "meeting":
      return { kind: resolved, id: task.meetingId!, url: `/meetings/${task.meetingId}`, label: task.meeting?.title ?? "" };
    case "docComment":
      return {
        kind: resolved,
        id: task.docCommentId!,
        url: `/documents/${task.docComment?.documentId}`,
        label: task.docComment?.document.title ?? "",
      };
    case "decision":
      return {
        kind: resolved,
        id: task.decisionId!,
        url: `${groupUrl}/decisions/${task.decisionId}`,
        label: task.decision?.title ?? "",
      };
    case "group":
      return { kind: resolved, id: task.groupId, url: groupUrl, label: task.group.name };
  }
}

export function toTaskDto(task: TaskRow, viewerId: string, standing: GroupStanding): TaskDto {
  const parsed = parseSourceKey(task.sourceKey);
  const assignees = task.assignees.map(({ user }) => user);
  const isAssignee = assignees.some(({ id }) => id === viewerId);
  return {
    id: task.id,
    groupId: task.groupId,
    title: task.title,
    dueOn: task.dueOn,
    doneAt: task.doneAt,
    doneBy: task.doneBy,
    assignees,
    createdBy: task.createdBy,
    source: sourceOf(task, parsed?.kind ?? null),
    sourceIndex: parsed?.index ?? null,
    threadId: task.threadId,
    meetingId: task.meetingId,
    decisionId: task.decisionId,
    canComplete: canCompleteTask(standing, { isAssignee }),
    canEdit: canEditTask(standing, { actorId: viewerId, createdById: task.createdById, isAssignee }),
  };
}

/** The caller's standing in each of these groups, in one query (no membership: no role). */
export async function standingsIn(db: Db, userId: string, groupIds: readonly string[]): Promise<Map<string, GroupStanding>> {
  const unique = [...new Set(groupIds)];
  if (unique.length === 0) return new Map();
  const groups = await db.group.findMany({
    where: { id: { in: unique } },
    select: { id: true, ...GROUP_SETTINGS_SELECT, memberships: { where: { userId }, select: { role: true } } },
  });
  return new Map(groups.map((group) => [group.id, { role: group.memberships[0]?.role ?? null, settings: groupSettingsOf(group) }]));
}

export async function toTaskDtos(db: Db, userId: string, rows: TaskRow[]): Promise<TaskDto[]> {
  const standings = await standingsIn(db, userId, rows.map(({ groupId }) => groupId));
  return rows.map((row) => toTaskDto(row, userId, standings.get(row.groupId) ?? { role: null, settings: NO_GROUP_SETTINGS }));
}
