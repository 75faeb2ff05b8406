import type { DomainEvents, Publish } from "@/server/events";

/**
 * Tells open pages that tasks changed: the group's room (members and admins), the thread's room
 * (everyone with it open, invited guests too) and each assignee's own room (their My tasks page,
 * whatever group it is in). Ids only; the pages refetch through the authorised queries.
 */
export function publishTaskChange(publish: Publish, change: DomainEvents["task.changed"], assigneeIds: readonly string[]): void {
  if (change.taskIds.length === 0) return;
  publish({ name: "task.changed", room: `group:${change.groupId}`, payload: change });
  if (change.threadId) publish({ name: "task.changed", room: `thread:${change.threadId}`, payload: change });
  for (const userId of new Set(assigneeIds)) publish({ name: "task.changed", room: `user:${userId}`, payload: change });
}
