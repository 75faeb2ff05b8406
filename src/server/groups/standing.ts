import { Prisma, type Role } from "@/generated/prisma/client.ts";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { canInGroup, GROUP_SETTINGS_SELECT, groupSettingsOf, type GroupAction, type GroupSetting, type GroupStanding } from "@/server/policy";

/**
 * The access checks that precede every read are written in SQL rather than Prisma's API: Prisma
 * splits a row with its group and the caller's membership into three queries, and building them
 * cost several times the reads themselves. These pieces let such a query select a standing: with
 * the group joined as `g`, `${membershipJoin(userId)}` joins the caller's membership as `m` and
 * STANDING_COLUMNS selects what standingOf reads.
 */
export const STANDING_COLUMNS = Prisma.raw(
  [...Object.keys(GROUP_SETTINGS_SELECT).map((setting) => `g."${setting}"`), `m."role"`].join(", "),
);

export function membershipJoin(userId: string): Prisma.Sql {
  return Prisma.sql`LEFT JOIN "Membership" AS m ON m."groupId" = g."id" AND m."userId" = ${userId}`;
}

export type StandingColumns = Record<GroupSetting, boolean> & { role: Role | null };

export function standingOf(row: StandingColumns): GroupStanding {
  return { role: row.role, settings: groupSettingsOf(row) };
}

/**
 * The caller's role in a group and the group's settings: what every group-scoped permission
 * check needs. Throws NOT_FOUND for a group that does not exist.
 */
export async function getStanding(db: Db, userId: string, groupId: string): Promise<GroupStanding> {
  const [row] = await db.$queryRaw<StandingColumns[]>`
    SELECT ${STANDING_COLUMNS} FROM "Group" AS g ${membershipJoin(userId)} WHERE g."id" = ${groupId}`;
  if (!row) throw new AppError("NOT_FOUND", "That group does not exist.");
  return standingOf(row);
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
