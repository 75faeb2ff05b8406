import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { emailDecision } from "@/server/notifications/email-policy";
import {
  DEFAULT_EMAIL_LEVEL,
  type EmailLevel,
  type NotificationKind,
  type NotificationSettings,
  type ResetNotificationSettingInput,
  type UpdateNotificationSettingInput,
} from "@/server/notifications/schemas";

const ACCOUNT_SCOPE = "account";

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

/** Each person's level in a group, in one query: the group's own row wins over the account row, then the default. */
export async function effectiveLevels(db: Db, userIds: readonly string[], groupId: string): Promise<Map<string, EmailLevel>> {
  const rows = await db.notificationSetting.findMany({
    where: { userId: { in: [...userIds] }, scope: { in: [ACCOUNT_SCOPE, groupId] } },
    select: { userId: true, scope: true, level: true },
  });
  const levels = new Map<string, EmailLevel>(userIds.map((id) => [id, DEFAULT_EMAIL_LEVEL]));
  for (const { userId, scope, level } of rows) if (scope === ACCOUNT_SCOPE) levels.set(userId, level);
  for (const { userId, scope, level } of rows) if (scope === groupId) levels.set(userId, level);
  return levels;
}

/**
 * The people who should get an immediate email about `kind` in a group, by their settings and,
 * when it is about a thread, whether they muted it: two queries whatever the number of people.
 */
export async function whoGetsEmail<Person extends { id: string }>(
  db: Db,
  people: readonly Person[],
  about: { kind: NotificationKind; groupId: string; threadId?: string },
): Promise<Person[]> {
  if (people.length === 0) return [];
  const ids = people.map(({ id }) => id);
  const [levels, follows] = await Promise.all([
    effectiveLevels(db, ids, about.groupId),
    about.threadId
      ? db.threadFollow.findMany({ where: { threadId: about.threadId, userId: { in: ids } }, select: { userId: true, following: true } })
      : [],
  ]);
  const following = new Map(follows.map(({ userId, following: value }) => [userId, value]));
  return people.filter(({ id }) => emailDecision(levels.get(id) ?? DEFAULT_EMAIL_LEVEL, about.kind, following.get(id)) === "send");
}
