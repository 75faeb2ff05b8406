import type { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/server/db";
import type { Role } from "@/server/policy";

/** A client or an open transaction: helpers that read the tree work inside either. */
export type DbClient = Db | Prisma.TransactionClient;

/** Deeper than any real tree; stops a corrupted parent chain from looping forever. */
const MAX_DEPTH = 32;

/**
 * The ids of a group's ancestors, nearest first. One query per level: trees are a few levels
 * deep, and a portable recursive query is not worth its cost here.
 */
export async function ancestorIds(db: DbClient, groupId: string): Promise<string[]> {
  const ancestors: string[] = [];
  let current = await db.group.findUnique({ where: { id: groupId }, select: { parentId: true } });
  while (current?.parentId && ancestors.length < MAX_DEPTH && !ancestors.includes(current.parentId)) {
    ancestors.push(current.parentId);
    current = await db.group.findUnique({ where: { id: current.parentId }, select: { parentId: true } });
  }
  return ancestors;
}

/** The ids of every group below this one, level by level (one query per level). */
export async function descendantIds(db: DbClient, groupId: string): Promise<string[]> {
  const found: string[] = [];
  let level = [groupId];
  while (level.length && found.length < 10_000) {
    const children = await db.group.findMany({ where: { parentId: { in: level } }, select: { id: true } });
    level = children.map((child) => child.id).filter((id) => id !== groupId && !found.includes(id));
    found.push(...level);
  }
  return found;
}

/** The caller's roles in the groups above this one (canViewGroupOutline asks whether any is guest). */
export async function myRolesInAncestors(db: DbClient, userId: string, groupId: string): Promise<Role[]> {
  const ancestors = await ancestorIds(db, groupId);
  if (!ancestors.length) return [];
  const memberships = await db.membership.findMany({ where: { userId, groupId: { in: ancestors } }, select: { role: true } });
  return memberships.map(({ role }) => role);
}
