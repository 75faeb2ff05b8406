import { AppError } from "@/server/errors";
import { ancestorIds, type DbClient } from "@/server/groups/ancestry";
import type { GroupSummary } from "@/server/groups/schemas";
import { summariseGroups } from "@/server/groups/summary";
import { ROLES_IN_ANCESTORS, type Role } from "@/server/policy";

/** The least role that satisfies the subgroup rule: joining a subgroup grants no say over its parent. */
const ANCESTOR_ROLE = "member" satisfies Role;

type AddMembershipArgs = { userId: string; groupId: string; role: Role; invitedById?: string | null };

/**
 * Adds someone to a group. Members and admins of a subgroup must belong to every ancestor, so
 * missing ancestor memberships are created as plain members (and an ancestor guest becomes a
 * member); guests join only the group itself. Runs in one transaction (or inside the caller's).
 * Returns the summaries of every group the person newly joined or was raised to member in, so
 * the caller can publish `membership.added` for each after commit.
 */
export async function addMembership(db: DbClient, args: AddMembershipArgs): Promise<GroupSummary[]> {
  if ("$transaction" in db) return db.$transaction((tx) => addMembershipIn(tx, args));
  return addMembershipIn(db, args);
}

async function addMembershipIn(tx: DbClient, { userId, groupId, role, invitedById = null }: AddMembershipArgs) {
  const existing = await tx.membership.findUnique({
    where: { userId_groupId: { userId, groupId } },
    select: { user: { select: { name: true } } },
  });
  if (existing) throw new AppError("CONFLICT", `${existing.user.name} is already a member of this group.`);
  const group = await tx.group.findUnique({ where: { id: groupId }, select: { id: true } });
  if (!group) throw new AppError("NOT_FOUND", "That group does not exist.");

  await tx.membership.create({ data: { userId, groupId, role, invitedById }, select: { id: true } });
  const changed = [groupId];

  if (ROLES_IN_ANCESTORS.includes(role)) changed.push(...(await joinAncestors(tx, userId, groupId, invitedById)));
  return summariseGroups(tx, userId, changed);
}

/**
 * Makes the person a plain member of every ancestor of the group where they are not already a
 * member or admin. Returns the ids of the ancestors joined or raised from guest.
 */
export async function joinAncestors(tx: DbClient, userId: string, groupId: string, invitedById: string | null = null) {
  const ancestors = await ancestorIds(tx, groupId);
  const held = await tx.membership.findMany({
    where: { userId, groupId: { in: ancestors } },
    select: { groupId: true, role: true },
  });
  const heldIds = new Set(held.map((membership) => membership.groupId));
  const missing = ancestors.filter((id) => !heldIds.has(id));
  const raise = held.filter((membership) => !ROLES_IN_ANCESTORS.includes(membership.role)).map((membership) => membership.groupId);
  if (missing.length) {
    await tx.membership.createMany({ data: missing.map((id) => ({ userId, groupId: id, role: ANCESTOR_ROLE, invitedById })) });
  }
  if (raise.length) await tx.membership.updateMany({ where: { userId, groupId: { in: raise } }, data: { role: ANCESTOR_ROLE } });
  return [...missing, ...raise];
}
