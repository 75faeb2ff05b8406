import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { getStanding } from "@/server/groups/standing";
import { canInGroup } from "@/server/policy";

const NOT_VISIBLE = "That stakeholder does not exist, or you cannot see it.";
export const ADMINS_ONLY = "Only the group's admins can change the stakeholder map.";

/**
 * Loads a stakeholder or link of a group the caller may change the map of. Anyone who may not
 * see the map gets NOT_FOUND, so ids reveal nothing; members who may see it get FORBIDDEN.
 */
export async function requireManageable(db: Db, userId: string, row: { groupId: string } | null): Promise<void> {
  if (!row) throw new AppError("NOT_FOUND", NOT_VISIBLE);
  const standing = await getStanding(db, userId, row.groupId);
  if (!canInGroup(standing, "stakeholder.view")) throw new AppError("NOT_FOUND", NOT_VISIBLE);
  if (!canInGroup(standing, "stakeholder.manage")) throw new AppError("FORBIDDEN", ADMINS_ONLY);
}

/** Open maps of the group refetch; ids only, to the group's room (guests are not in it). */
export function publishStakeholderChange(publish: Publish, groupId: string): void {
  publish({ name: "stakeholder.changed", room: `group:${groupId}`, payload: { groupId } });
}
