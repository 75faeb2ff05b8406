import type { Publish } from "@/server/events";
import type { GroupSummary } from "@/server/groups/schemas";

/** Tells the person's devices about groups they joined (or changed role in), so their sockets join the rooms. */
export function publishJoined(publish: Publish, userId: string, groups: readonly GroupSummary[]): void {
  for (const group of groups) publish({ name: "membership.added", room: `user:${userId}`, payload: { userId, group } });
}

/** Tells the person's devices their role in a group changed, so their live rooms and seats are checked again. */
export function publishRoleChanged(publish: Publish, userId: string, groupId: string, role: GroupSummary["role"]): void {
  publish({ name: "membership.changed", room: `user:${userId}`, payload: { userId, groupId, role } });
}

/** Tells the person's devices about groups they left, so their sockets leave the rooms. */
export function publishLeft(publish: Publish, userId: string, groupIds: readonly string[]): void {
  for (const groupId of groupIds) publish({ name: "membership.removed", room: `user:${userId}`, payload: { userId, groupId } });
}
