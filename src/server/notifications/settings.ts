import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import {
  DEFAULT_EMAIL_LEVEL,
  type EmailLevel,
  type NotificationSettings,
  type ResetNotificationSettingInput,
  type UpdateNotificationSettingInput,
} from "@/server/notifications/schemas";

/** The scope of the account-wide row; group rows use the group's id. */
export const ACCOUNT_SCOPE = "account";

/** The caller's account-wide level and, for every group they belong to, the level in force there. */
export async function getNotificationSettings(db: Db, userId: string): Promise<NotificationSettings> {
  const [memberships, rows] = await Promise.all([
    db.membership.findMany({
      where: { userId },
      select: { group: { select: { id: true, name: true } } },
      orderBy: { group: { name: "asc" } },
    }),
    db.notificationSetting.findMany({ where: { userId }, select: { scope: true, level: true } }),
  ]);
  const byScope = new Map(rows.map(({ scope, level }) => [scope, level]));
  const account = byScope.get(ACCOUNT_SCOPE) ?? DEFAULT_EMAIL_LEVEL;
  return {
    account,
    groups: memberships.map(({ group }) => {
      const own = byScope.get(group.id);
      return { groupId: group.id, groupName: group.name, level: own ?? account, inherited: own === undefined };
    }),
  };
}

/** A setting for a group only makes sense while you belong to it (and must not reveal other groups). */
async function requireMember(db: Db, userId: string, groupId: string): Promise<void> {
  const membership = await db.membership.findUnique({ where: { userId_groupId: { userId, groupId } }, select: { id: true } });
  if (!membership) throw new AppError("NOT_FOUND", "You are not a member of that group.");
}

export async function updateNotificationSetting(
  db: Db,
  userId: string,
  input: UpdateNotificationSettingInput,
): Promise<NotificationSettings> {
  if (input.groupId) await requireMember(db, userId, input.groupId);
  const scope = input.groupId ?? ACCOUNT_SCOPE;
  await db.notificationSetting.upsert({
    where: { userId_scope: { userId, scope } },
    create: { userId, scope, level: input.level },
    update: { level: input.level },
  });
  return getNotificationSettings(db, userId);
}

export async function resetNotificationSetting(
  db: Db,
  userId: string,
  input: ResetNotificationSettingInput,
): Promise<NotificationSettings> {
  await requireMember(db, userId, input.groupId);
  await db.notificationSetting.deleteMany({ where: { userId, scope: input.groupId } });
  return getNotificationSettings(db, userId);
}

/**
 * Each person's level in a group (or, without one, their account's), in one query: the group's
 * own row wins over the account row, then the default.
 */
export async function effectiveLevels(db: Db, userIds: readonly string[], groupId: string | null): Promise<Map<string, EmailLevel>> {
  const rows = await db.notificationSetting.findMany({
    where: { userId: { in: [...userIds] }, scope: { in: groupId ? [ACCOUNT_SCOPE, groupId] : [ACCOUNT_SCOPE] } },
    select: { userId: true, scope: true, level: true },
  });
  const levels = new Map<string, EmailLevel>(userIds.map((id) => [id, DEFAULT_EMAIL_LEVEL]));
  for (const { userId, scope, level } of rows) if (scope === ACCOUNT_SCOPE) levels.set(userId, level);
  for (const { userId, scope, level } of rows) if (scope === groupId) levels.set(userId, level);
  return levels;
}
