import type { Db } from "@/server/db";
import { isUniqueViolation } from "@/server/db/unique-violation";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { requireInGroup } from "@/server/groups/standing";
import { lockMap, publishStakeholderChange, requireManageable } from "@/server/stakeholders/access";
import { linkSelect } from "@/server/stakeholders/list";
import {
  MAX_STAKEHOLDER_LINKS,
  type LinkStakeholdersInput,
  type StakeholderLayoutInput,
  type StakeholderLinkDto,
} from "@/server/stakeholders/schemas";

const NOT_ON_MAP = "Both stakeholders must be on this group's map.";

/**
 * Links two stakeholders of the group's map (admins only). Idempotent: asking again for a link
 * that exists (or losing a race to create it) returns the existing link.
 */
export async function linkStakeholders(db: Db, publish: Publish, userId: string, input: LinkStakeholdersInput): Promise<StakeholderLinkDto> {
  await requireInGroup(db, userId, input.groupId, "stakeholder.manage");
  const ends = await db.stakeholder.count({ where: { id: { in: [input.fromId, input.toId] }, groupId: input.groupId } });
  if (ends !== 2) throw new AppError("BAD_REQUEST", NOT_ON_MAP);
  const key = { fromId_toId_kind: { fromId: input.fromId, toId: input.toId, kind: input.kind } };
  const existing = await db.stakeholderLink.findUnique({ where: key, select: linkSelect });
  if (existing) return existing;
  try {
    // Counted and added under the map's lock, as stakeholders are: the cap holds for links made at the same moment.
    const link = await db.$transaction(async (tx) => {
      await lockMap(tx, input.groupId);
      if ((await tx.stakeholderLink.count({ where: { groupId: input.groupId } })) >= MAX_STAKEHOLDER_LINKS) {
        throw new AppError("BAD_REQUEST", `A map holds at most ${MAX_STAKEHOLDER_LINKS} links. Remove some before adding more.`);
      }
      return tx.stakeholderLink.create({ data: { groupId: input.groupId, fromId: input.fromId, toId: input.toId, kind: input.kind }, select: linkSelect });
    });
    publishStakeholderChange(publish, input.groupId);
    return link;
  } catch (error) {
    if (isUniqueViolation(error)) {
      return db.stakeholderLink.findUniqueOrThrow({ where: key, select: linkSelect });
    }
    throw error;
  }
}

/** Removes a link (admins only). */
export async function unlinkStakeholders(db: Db, publish: Publish, userId: string, id: string): Promise<{ id: string }> {
  const link = await db.stakeholderLink.findUnique({ where: { id }, select: { groupId: true } });
  await requireManageable(db, userId, link);
  const { count } = await db.stakeholderLink.deleteMany({ where: { id } });
  if (count === 0) throw new AppError("NOT_FOUND", "That link was already removed.");
  publishStakeholderChange(publish, link!.groupId);
  return { id };
}

/**
 * Saves dragged positions in one transaction (admins only). Every id must be a stakeholder of
 * this group's map, or nothing is saved.
 */
export async function saveStakeholderLayout(db: Db, publish: Publish, userId: string, input: StakeholderLayoutInput): Promise<{ updated: number }> {
  await requireInGroup(db, userId, input.groupId, "stakeholder.manage");
  const ids = input.positions.map(({ id }) => id);
  const found = await db.stakeholder.count({ where: { id: { in: ids }, groupId: input.groupId } });
  if (found !== ids.length) throw new AppError("BAD_REQUEST", "Some of those stakeholders are not on this group's map. Reload the map and try again.");
  const results = await db.$transaction(
    input.positions.map(({ id, x, y }) => db.stakeholder.updateMany({ where: { id, groupId: input.groupId }, data: { x, y } })),
  );
  publishStakeholderChange(publish, input.groupId);
  return { updated: results.reduce((sum, { count }) => sum + count, 0) };
}
