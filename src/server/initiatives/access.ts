import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { getStanding } from "@/server/groups/standing";
import { canChangeInitiative, canInGroup, type GroupStanding } from "@/server/policy";

export const INITIATIVE_NOT_FOUND = "That initiative does not exist, or you cannot see it.";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * The initiative behind an id from input, for someone who may change it. Anyone who may not see
 * the directory (guests, outsiders, people who left) gets NOT_FOUND, so ids reveal nothing;
 * members who neither created it nor manage initiatives get FORBIDDEN.
 */
export async function loadChangeableInitiative(db: Db, userId: string, id: string) {
  const initiative = await db.initiative.findUnique({ where: { id }, select: { id: true, groupId: true, createdById: true, name: true } });
  if (!initiative) throw new AppError("NOT_FOUND", INITIATIVE_NOT_FOUND);
  const standing = await getStanding(db, userId, initiative.groupId);
  if (!canInGroup(standing, "initiative.view")) throw new AppError("NOT_FOUND", INITIATIVE_NOT_FOUND);
  if (!canChangeInitiative(standing, { actorId: userId, createdById: initiative.createdById })) {
    throw new AppError("FORBIDDEN", "Only the person who added this initiative and the group's admins can change it.");
  }
  return { initiative, standing };
}

/** Whether the caller may edit and delete an initiative (the two go together). */
export function viewerOf(standing: GroupStanding, userId: string, createdById: string | null) {
  const canChange = canChangeInitiative(standing, { actorId: userId, createdById });
  return { canEdit: canChange, canDelete: canChange };
}

/** An organisation from input must exist (organisations are shared by the whole instance). */
export async function assertOrganisationExists(db: Db | Tx, organisationId: string | null | undefined): Promise<void> {
  if (!organisationId) return;
  const organisation = await db.organisation.findUnique({ where: { id: organisationId }, select: { id: true } });
  if (!organisation) throw new AppError("NOT_FOUND", "That organisation does not exist. Choose one from the list.");
}

/**
 * Threads linked to an initiative must be discussions of its own group; ids from anywhere else
 * are NOT_FOUND, worded so they say nothing about what exists elsewhere. Checked inside the
 * writing transaction, so a thread moved away meanwhile is not linked.
 */
export async function assertThreadsInGroup(tx: Tx, groupId: string, threadIds: readonly string[] | undefined): Promise<void> {
  if (!threadIds || threadIds.length === 0) return;
  const found = await tx.thread.count({ where: { id: { in: [...threadIds] }, groupId } });
  if (found !== threadIds.length) {
    throw new AppError("NOT_FOUND", "One of the discussions to link is not in this group, or no longer exists. Choose them again.");
  }
}

/** An initiative changed: open directories and thread pages of the group refetch. Ids only, to the group's room (guests are not in it). */
export function publishInitiativeChange(publish: Publish, initiative: { id: string; groupId: string }): void {
  publish({ name: "initiative.changed", room: `group:${initiative.groupId}`, payload: { groupId: initiative.groupId, initiativeId: initiative.id } });
}
