import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import {
  DEFAULT_EMAIL_LEVEL,
  type EmailLevel,
  type NotificationSettings,
  type PushLevel,
  type ResetNotificationSettingInput,
  type UpdateNotificationSettingInput,
} from "@/server/notifications/schemas";

/** The scope of the account-wide row; group rows use the group's id. */
export const ACCOUNT_SCOPE = "account";

/**
 * The level in force in one group (or, for null, the account): the group's own choice, else the
 * account's, else the default. `chosen` answers what the person picked for a scope, if anything.
 */
export function levelInForce(chosen: (scope: string) => EmailLevel | undefined, groupId: string | null): EmailLevel {
  return (groupId === null ? undefined : chosen(groupId)) ?? chosen(ACCOUNT_SCOPE) ?? DEFAULT_EMAIL_LEVEL;
}

/** Used when someone has chosen no push level, for the group or the account. */
export const DEFAULT_PUSH_LEVEL: PushLevel = "important";

/**
 * The push level in force in a group (or, for null, the account): the group's own, else the
 * account's, else the default. A stored "digest" means nothing: a push is never batched.
 */
export function pushLevelInForce(chosen: (scope: string) => EmailLevel | null | undefined, groupId: string | null): PushLevel {
  const level = (groupId === null ? undefined : chosen(groupId)) ?? chosen(ACCOUNT_SCOPE) ?? DEFAULT_PUSH_LEVEL;
  return level === "digest" ? "none" : level;
}

/** The caller's account-wide levels (email and push) and, for every group they belong to, the levels in force there. */
export async function getNotificationSettings(db: Db, userId: string): Promise<NotificationSettings> {
  const [memberships, rows, user] = await Promise.all([
    db.membership.findMany({
      where: { userId },
      select: { group: { select: { id: true, name: true } } },
      orderBy: { group: { name: "asc" } },
    }),
    db.notificationSetting.findMany({ where: { userId }, select: { scope: true, level: true, pushLevel: true } }),
    db.user.findUnique({ where: { id: userId }, select: { pushAtNight: true } }),
  ]);
  const byScope = new Map(rows.map((row) => [row.scope, row]));
  const chosen = (scope: string) => byScope.get(scope)?.level ?? undefined;
  const chosenPush = (scope: string) => byScope.get(scope)?.pushLevel;
  return {
    account: levelInForce(chosen, null),
    pushAccount: pushLevelInForce(chosenPush, null),
    pushAtNight: user?.pushAtNight ?? false,
    groups: memberships.map(({ group }) => ({
      groupId: group.id,
      groupName: group.name,
      level: levelInForce(chosen, group.id),
      inherited: (byScope.get(group.id)?.level ?? null) === null,
      pushLevel: pushLevelInForce(chosenPush, group.id),
      pushInherited: (byScope.get(group.id)?.pushLevel ?? null) === null,
    })),
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
  const { level, pushLevel, pushAtNight } = input;
  if (level !== undefined || pushLevel !== undefined) {
    // Each channel is its own choice: a row made for push alone leaves the email level null (following the account's), and the other way round.
    await db.notificationSetting.upsert({
      where: { userId_scope: { userId, scope } },
      create: { userId, scope, level: level ?? null, pushLevel: pushLevel ?? null },
      update: { ...(level !== undefined && { level }), ...(pushLevel !== undefined && { pushLevel }) },
    });
    if (pushLevel === null) await dropIfEmpty(db, userId, scope);
  }
  if (pushAtNight !== undefined) await db.user.update({ where: { id: userId }, data: { pushAtNight }, select: { id: true } });
  return getNotificationSettings(db, userId);
}

export async function resetNotificationSetting(
  db: Db,
  userId: string,
  input: ResetNotificationSettingInput,
): Promise<NotificationSettings> {
  await requireMember(db, userId, input.groupId);
  // The email level only: a push level chosen for the group stays.
  await db.notificationSetting.updateMany({ where: { userId, scope: input.groupId }, data: { level: null } });
  await dropIfEmpty(db, userId, input.groupId);
  return getNotificationSettings(db, userId);
}

/** A row that chooses neither channel any more says nothing: it goes. Conditional, so a choice saved meanwhile stays. */
async function dropIfEmpty(db: Db, userId: string, scope: string): Promise<void> {
  await db.notificationSetting.deleteMany({ where: { userId, scope, level: null, pushLevel: null } });
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
  const chosen = new Map(rows.map(({ userId, scope, level }) => [`${userId} ${scope}`, level ?? undefined]));
  return new Map(userIds.map((id) => [id, levelInForce((scope) => chosen.get(`${id} ${scope}`), groupId)]));
}
