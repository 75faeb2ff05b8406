import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { requireInGroup } from "@/server/groups/standing";
import { lockMap, publishStakeholderChange, requireManageable } from "@/server/stakeholders/access";
import { stakeholderSelect, toStakeholderDto } from "@/server/stakeholders/list";
import { ringPosition } from "@/server/stakeholders/rings";
import { MAX_STAKEHOLDERS, type StakeholderDto, type UpsertStakeholderInput } from "@/server/stakeholders/schemas";

/** The organisation must exist, and the initiative must be one of this group's. */
async function checkReferences(db: Db, input: UpsertStakeholderInput): Promise<void> {
  if (input.organisationId) {
    const organisation = await db.organisation.findUnique({ where: { id: input.organisationId }, select: { id: true } });
    if (!organisation) throw new AppError("NOT_FOUND", "That organisation does not exist; choose another.");
  }
  if (input.initiativeId) {
    const initiative = await db.initiative.findFirst({ where: { id: input.initiativeId, groupId: input.groupId }, select: { id: true } });
    if (!initiative) throw new AppError("NOT_FOUND", "That initiative is not one of this group's.");
  }
}

/**
 * Adds a stakeholder to the group's map, or changes one of its stakeholders (admins only). A new
 * stakeholder without a position goes on the ring of its relationship.
 */
export async function upsertStakeholder(db: Db, publish: Publish, userId: string, input: UpsertStakeholderInput): Promise<StakeholderDto> {
  await requireInGroup(db, userId, input.groupId, "stakeholder.manage");
  await checkReferences(db, input);
  const fields = {
    name: input.name,
    kind: input.kind,
    sector: input.sector,
    relationship: input.relationship,
    ...(input.organisationId !== undefined && { organisationId: input.organisationId }),
    ...(input.initiativeId !== undefined && { initiativeId: input.initiativeId }),
    ...(input.notes !== undefined && { notes: input.notes }),
    ...(input.x !== undefined && { x: input.x }),
    ...(input.y !== undefined && { y: input.y }),
  };

  if (input.id) {
    // Scoped by group, so an id from another group's map changes nothing.
    const { count } = await db.stakeholder.updateMany({ where: { id: input.id, groupId: input.groupId }, data: fields });
    if (count === 0) throw new AppError("NOT_FOUND", "That stakeholder is not on this group's map (it may have been deleted).");
    publishStakeholderChange(publish, input.groupId);
    const updated = await db.stakeholder.findUnique({ where: { id: input.id }, select: stakeholderSelect });
    if (!updated) throw new AppError("NOT_FOUND", "That stakeholder was deleted while you were changing it.");
    return toStakeholderDto(updated);
  }

  // Counted and added under the map's lock: creates at the same moment cannot take a full map past the cap.
  const created = await db.$transaction(async (tx) => {
    await lockMap(tx, input.groupId);
    const [total, onRing] = await Promise.all([
      tx.stakeholder.count({ where: { groupId: input.groupId } }),
      tx.stakeholder.count({ where: { groupId: input.groupId, relationship: input.relationship } }),
    ]);
    if (total >= MAX_STAKEHOLDERS) {
      throw new AppError("BAD_REQUEST", `A map holds at most ${MAX_STAKEHOLDERS} stakeholders. Delete some before adding more.`);
    }
    const place = ringPosition(input.relationship, onRing);
    return tx.stakeholder.create({ data: { groupId: input.groupId, x: place.x, y: place.y, ...fields }, select: stakeholderSelect });
  });
  publishStakeholderChange(publish, input.groupId);
  return toStakeholderDto(created);
}

/** Removes a stakeholder and its links from the map (admins only). */
export async function deleteStakeholder(db: Db, publish: Publish, userId: string, id: string): Promise<{ id: string }> {
  const stakeholder = await db.stakeholder.findUnique({ where: { id }, select: { groupId: true } });
  await requireManageable(db, userId, stakeholder);
  // deleteMany: whoever deletes second is told plainly rather than failing on a missing row.
  const { count } = await db.stakeholder.deleteMany({ where: { id } });
  if (count === 0) throw new AppError("NOT_FOUND", "That stakeholder was already deleted.");
  publishStakeholderChange(publish, stakeholder!.groupId);
  return { id };
}
