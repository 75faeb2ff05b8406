import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { ancestorIds } from "@/server/groups/ancestry";
import { getSiteActor } from "@/server/groups/site-actor";
import { requireInGroup } from "@/server/groups/standing";
import { canOnSite, ROLES_IN_ANCESTORS } from "@/server/policy";

const NAMES_SHOWN = 3;

/**
 * Checks that a group may be moved under `newParentId` (null: to the top level). The mover must
 * run both ends; a group never goes inside itself or its own subgroups; and, since members of a
 * subgroup belong to its parent, everyone who is more than a guest must already be in the new parent.
 */
export async function assertCanMove(db: Db, userId: string, groupId: string, newParentId: string | null): Promise<void> {
  if (newParentId === null) {
    if (!canOnSite(await getSiteActor(db, userId), "site.createGroup")) {
      throw new AppError("FORBIDDEN", "Only the instance administrator can make a group top-level.");
    }
    return;
  }
  if (newParentId === groupId || (await ancestorIds(db, newParentId)).includes(groupId)) {
    throw new AppError("BAD_REQUEST", "A group cannot be moved inside its own subgroup.");
  }
  await requireInGroup(db, userId, newParentId, "group.createSubgroup");

  const where = {
    groupId,
    role: { in: [...ROLES_IN_ANCESTORS] },
    user: { memberships: { none: { groupId: newParentId, role: { in: [...ROLES_IN_ANCESTORS] } } } },
  };
  const [outside, count, parent] = await Promise.all([
    db.membership.findMany({ where, select: { user: { select: { name: true } } }, orderBy: { user: { name: "asc" } }, take: NAMES_SHOWN }),
    db.membership.count({ where }),
    db.group.findUniqueOrThrow({ where: { id: newParentId }, select: { name: true } }),
  ]);
  if (count > 0) {
    const names = outside.map((membership) => membership.user.name);
    const others = count - names.length;
    const list = others > 0 ? `${names.join(", ")} and ${others} more` : names.join(", ");
    throw new AppError("CONFLICT", `Members of a subgroup must be members of “${parent.name}” first. Not yet members there: ${list}.`);
  }
}
