import { recordAudit } from "@/server/audit/record";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { descendantIds } from "@/server/groups/ancestry";
import { requireInGroup } from "@/server/groups/standing";
import { publishLeft } from "@/server/members/publish";
import type { RemoveMemberInput } from "@/server/members/schemas";
import { GROUP_KEEPER_ROLE } from "@/server/policy";

type Wording = {
  /** Who the audit log names, and what it says they did. */
  audit: { actorId: string; action: "member.removed" | "member.left" };
  notInGroup: string;
  lastAdmin: (groupName: string) => string;
  lastAdminOfSubgroup: (groupName: string) => string;
};

/** Removes someone from a group (admins only), and from its subgroups. What they wrote stays. */
export async function removeMember(db: Db, publish: Publish, userId: string, input: RemoveMemberInput) {
  await requireInGroup(db, userId, input.groupId, "member.manage");
  const name = (await db.user.findUnique({ where: { id: input.userId }, select: { name: true } }))?.name ?? "This person";
  const groupIds = await leaveGroupTree(db, input.userId, input.groupId, {
    audit: { actorId: userId, action: "member.removed" },
    notInGroup: "That person is not in this group.",
    lastAdmin: (group) => `A group needs at least one admin. Make someone else an admin of “${group}” first.`,
    lastAdminOfSubgroup: (group) => `${name} is the only admin of the subgroup “${group}”. Make someone else an admin there first.`,
  });
  publishLeft(publish, input.userId, groupIds);
  return { groupIds };
}

/** The caller leaves a group, and its subgroups. The last admin must hand over first. */
export async function leaveGroup(db: Db, publish: Publish, userId: string, groupId: string) {
  await requireInGroup(db, userId, groupId, "group.view");
  const groupIds = await leaveGroupTree(db, userId, groupId, {
    audit: { actorId: userId, action: "member.left" },
    notInGroup: "You are not in this group.",
    lastAdmin: (group) => `You are the only admin of “${group}”. Make someone else an admin before you leave.`,
    lastAdminOfSubgroup: (group) => `You are the only admin of the subgroup “${group}”. Make someone else an admin there before you leave.`,
  });
  publishLeft(publish, userId, groupIds);
  return { groupIds };
}

/**
 * Deletes the person's memberships in the group and every group below it, in one transaction,
 * unless that would leave any of those groups without an admin. Returns the groups left.
 */
async function leaveGroupTree(db: Db, userId: string, groupId: string, wording: Wording): Promise<string[]> {
  return db.$transaction(async (tx) => {
    const tree = [groupId, ...(await descendantIds(tx, groupId))];
    const held = await tx.membership.findMany({
      where: { userId, groupId: { in: tree } },
      select: { groupId: true, role: true, group: { select: { name: true } }, user: { select: { name: true } } },
    });
    if (!held.some((membership) => membership.groupId === groupId)) throw new AppError("NOT_FOUND", wording.notInGroup);

    const keeping = held.filter((membership) => membership.role === GROUP_KEEPER_ROLE);
    if (keeping.length) {
      const counts = await tx.membership.groupBy({
        by: ["groupId"],
        where: { groupId: { in: keeping.map((membership) => membership.groupId) }, role: GROUP_KEEPER_ROLE },
        _count: { _all: true },
      });
      const alone = keeping.find(
        (membership) => (counts.find((count) => count.groupId === membership.groupId)?._count._all ?? 0) <= 1,
      );
      if (alone) {
        const message = alone.groupId === groupId ? wording.lastAdmin : wording.lastAdminOfSubgroup;
        throw new AppError("CONFLICT", message(alone.group.name));
      }
    }
    const groupIds = held.map((membership) => membership.groupId);
    await tx.membership.deleteMany({ where: { userId, groupId: { in: groupIds } } });
    await recordAudit(
      tx,
      held.map(({ groupId: heldIn, role, user }) => ({
        groupId: heldIn,
        ...wording.audit,
        subject: { type: "person" as const, id: userId, label: user.name },
        before: { role },
      })),
    );
    return groupIds;
  });
}
