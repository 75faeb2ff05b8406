import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { canInGroup, GROUP_SETTINGS_SELECT, groupSettingsOf, type GroupAction, type GroupStanding } from "@/server/policy";

/**
 * The caller's role in a group and the group's settings: what every group-scoped permission
 * check needs. Throws NOT_FOUND for a group that does not exist.
 */
export async function getStanding(db: Db, userId: string, groupId: string): Promise<GroupStanding> {
  const group = await db.group.findUnique({
    where: { id: groupId },
    select: { ...GROUP_SETTINGS_SELECT, memberships: { where: { userId }, select: { role: true } } },
  });
  if (!group) throw new AppError("NOT_FOUND", "That group does not exist.");
  return { role: group.memberships[0]?.role ?? null, settings: groupSettingsOf(group) };
}

/**
 * Checks a group permission and returns the standing. Outsiders get NOT_FOUND rather than
 * FORBIDDEN so that private groups do not reveal that they exist.
 */
export async function requireInGroup(db: Db, userId: string, groupId: string, action: GroupAction): Promise<GroupStanding> {
  const standing = await getStanding(db, userId, groupId);
  if (!standing.role) throw new AppError("NOT_FOUND", "That group does not exist, or you are not a member of it.");
  if (!canInGroup(standing, action)) throw new AppError("FORBIDDEN", "You do not have permission to do that in this group.");
  return standing;
}
