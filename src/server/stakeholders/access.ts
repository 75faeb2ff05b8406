import type { Prisma } from "@/generated/prisma/client.ts";
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

/**
 * Takes the group's row lock until the transaction ends, so that additions to one map run one
 * after another and each counts what the one before it added: the caps then hold when admins add
 * at the same moment (PostgreSQL; SQLite runs one write transaction at a time anyway). The id is
 * written back unchanged, a lock on no key: rows elsewhere that refer to the group are not held up.
 */
export async function lockMap(tx: Prisma.TransactionClient, groupId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "Group" SET "id" = "id" WHERE "id" = ${groupId}`;
}
