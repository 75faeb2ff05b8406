import { recordAudit } from "@/server/audit/record";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { descendantIds } from "@/server/groups/ancestry";
import { requireInGroup } from "@/server/groups/standing";
import { summariseGroups } from "@/server/groups/summary";
import { joinAncestors } from "@/server/members/add-membership";
import { publishJoined, publishRoleChanged } from "@/server/members/publish";
import type { SetRoleInput } from "@/server/members/schemas";
import { GROUP_KEEPER_ROLE, ROLES_IN_ANCESTORS, type Role } from "@/server/policy";

export const LAST_ADMIN_MESSAGE = "A group needs at least one admin. Make someone else an admin first.";

/**
 * Changes a member's role (admins only). Keeps the group's last admin, and keeps the subgroup
 * rule: a guest raised to member joins the parent groups too; someone who is a member of a
 * subgroup cannot become a guest of its parent.
 */
export async function setMemberRole(db: Db, publish: Publish, userId: string, input: SetRoleInput) {
  await requireInGroup(db, userId, input.groupId, "member.manage");
  const changed = await db.$transaction(async (tx) => {
    const target = await tx.membership.findUnique({
      where: { userId_groupId: { userId: input.userId, groupId: input.groupId } },
      select: { role: true, user: { select: { name: true } } },
    });
    if (!target) throw new AppError("NOT_FOUND", "That person is not in this group.");
    if (target.role === input.role) return null;

    if (target.role === GROUP_KEEPER_ROLE) {
      const keepers = await tx.membership.count({ where: { groupId: input.groupId, role: GROUP_KEEPER_ROLE } });
      if (keepers <= 1) throw new AppError("CONFLICT", LAST_ADMIN_MESSAGE);
    }
    const needsAncestors = (role: Role) => ROLES_IN_ANCESTORS.includes(role);
    let ancestorsJoined: string[] = [];
    if (needsAncestors(input.role) && !needsAncestors(target.role)) {
      ancestorsJoined = await joinAncestors(tx, input.userId, input.groupId, userId);
    }
    if (!needsAncestors(input.role) && needsAncestors(target.role)) {
      const below = await tx.membership.findFirst({
        where: { userId: input.userId, groupId: { in: await descendantIds(tx, input.groupId) }, role: { in: [...ROLES_IN_ANCESTORS] } },
        select: { group: { select: { name: true } } },
      });
      if (below) {
        throw new AppError(
          "CONFLICT",
          `${target.user.name} is a member of the subgroup “${below.group.name}”. Remove them from it, or make them a guest there, first.`,
        );
      }
    }
    await tx.membership.update({
      where: { userId_groupId: { userId: input.userId, groupId: input.groupId } },
      data: { role: input.role },
      select: { id: true },
    });
    await recordAudit(tx, {
      groupId: input.groupId,
      actorId: userId,
      action: "member.role_changed",
      subject: { type: "person", id: input.userId, label: target.user.name },
      before: { role: target.role },
      after: { role: input.role },
    });
    return { joined: await summariseGroups(tx, input.userId, ancestorsJoined) };
  });
  if (changed) {
    publishJoined(publish, input.userId, changed.joined);
    publishRoleChanged(publish, input.userId, input.groupId, input.role);
  }
  return { groupId: input.groupId, userId: input.userId, role: input.role };
}
