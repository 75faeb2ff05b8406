import { recordAudit } from "@/server/audit/record";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { requireInGroup } from "@/server/groups/standing";
import {
  assertOrganisationExists,
  assertThreadsInGroup,
  INITIATIVE_NOT_FOUND,
  loadChangeableInitiative,
  publishInitiativeChange,
} from "@/server/initiatives/access";
import type { CreateInitiativeInput, UpdateInitiativeInput } from "@/server/initiatives/schemas";
import { cookAhead } from "@/server/markdown/cook";

/** Adds an initiative to the group's directory, with its tags and the group's threads it is linked to. */
export async function createInitiative(db: Db, publish: Publish, userId: string, input: CreateInitiativeInput) {
  await requireInGroup(db, userId, input.groupId, "initiative.create");
  await assertOrganisationExists(db, input.organisationId);
  const initiative = await db.$transaction(async (tx) => {
    await assertThreadsInGroup(tx, input.groupId, input.threadIds);
    return tx.initiative.create({
      data: {
        groupId: input.groupId,
        name: input.name,
        description: input.description ?? "",
        organisationId: input.organisationId ?? null,
        contact: input.contact ?? "",
        area: input.area ?? "",
        website: input.website ?? "",
        createdById: userId,
        tags: { create: (input.tags ?? []).map((tag) => ({ tag })) },
        threads: { create: (input.threadIds ?? []).map((threadId) => ({ threadId })) },
      },
      select: { id: true, groupId: true },
    });
  });
  cookAhead(input.description);
  publishInitiativeChange(publish, initiative);
  return { id: initiative.id };
}

/**
 * Changes what is given. The update claims the row first (a conditional updateMany), so an edit
 * racing a deletion gets a clear NOT_FOUND rather than recreating links to a deleted initiative.
 */
export async function updateInitiative(db: Db, publish: Publish, userId: string, input: UpdateInitiativeInput) {
  const { initiative } = await loadChangeableInitiative(db, userId, input.id);
  await assertOrganisationExists(db, input.organisationId);
  await db.$transaction(async (tx) => {
    const { count } = await tx.initiative.updateMany({
      where: { id: initiative.id },
      data: {
        name: input.name,
        description: input.description,
        organisationId: input.organisationId,
        contact: input.contact,
        area: input.area,
        website: input.website,
        updatedAt: new Date(),
      },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "That initiative has just been deleted.");
    if (input.tags) {
      await tx.initiativeTag.deleteMany({ where: { initiativeId: initiative.id } });
      await tx.initiativeTag.createMany({ data: input.tags.map((tag) => ({ initiativeId: initiative.id, tag })) });
    }
    if (input.threadIds) {
      await assertThreadsInGroup(tx, initiative.groupId, input.threadIds);
      await tx.threadInitiative.deleteMany({ where: { initiativeId: initiative.id } });
      await tx.threadInitiative.createMany({ data: input.threadIds.map((threadId) => ({ initiativeId: initiative.id, threadId })) });
    }
  });
  cookAhead(input.description);
  publishInitiativeChange(publish, initiative);
  return { id: initiative.id };
}

/** Removes an initiative with its tags and thread links (the threads stay); the loser of two deletions is told it is gone. */
export async function deleteInitiative(db: Db, publish: Publish, userId: string, id: string) {
  const { initiative } = await loadChangeableInitiative(db, userId, id);
  const count = await db.$transaction(async (tx) => {
    const deleted = await tx.initiative.deleteMany({ where: { id: initiative.id } });
    const subject = { type: "initiative" as const, id: initiative.id, label: initiative.name };
    if (deleted.count) await recordAudit(tx, { groupId: initiative.groupId, actorId: userId, action: "initiative.deleted", subject });
    return deleted.count;
  });
  if (count === 0) throw new AppError("NOT_FOUND", INITIATIVE_NOT_FOUND);
  publishInitiativeChange(publish, initiative);
  return { id: initiative.id };
}
