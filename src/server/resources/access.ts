import type { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { getStanding } from "@/server/groups/standing";
import { canInGroup, canViewResource, type GroupStanding } from "@/server/policy";

export const RESOURCE_NOT_FOUND = "That resource does not exist, or you cannot see it.";

/**
 * Which resources of a group the caller sees: admins every one; members the published ones and
 * their own drafts. Guests and outsiders never reach this (resource.view is checked first).
 */
export function visibleResourcesWhere(standing: GroupStanding, userId: string): Prisma.ResourceWhereInput {
  if (canInGroup(standing, "resource.manage")) return {};
  return { OR: [{ publishedAt: { not: null } }, { authorId: userId }] };
}

export function canSeeResource(standing: GroupStanding, userId: string, resource: { authorId: string; publishedAt: Date | null }) {
  return canViewResource(standing, { isPublished: resource.publishedAt !== null, isAuthor: resource.authorId === userId });
}

/** Authors keep their own resources up to date (new versions, edits, removal); admins anyone's. */
export function canChangeResource(standing: GroupStanding, userId: string, resource: { authorId: string }) {
  return canInGroup(standing, "resource.manage") || (resource.authorId === userId && canInGroup(standing, "resource.view"));
}

const accessSelect = { id: true, groupId: true, authorId: true, publishedAt: true, kind: true, title: true, meetingId: true } as const;

/**
 * The resource behind an id from input, with the caller's standing in its group. Anyone who may
 * not see it gets NOT_FOUND, so drafts and private groups do not reveal themselves.
 */
export async function loadVisibleResource(db: Db, userId: string, id: string) {
  const resource = await db.resource.findUnique({ where: { id }, select: accessSelect });
  if (!resource) throw new AppError("NOT_FOUND", RESOURCE_NOT_FOUND);
  const standing = await getStanding(db, userId, resource.groupId);
  if (!canSeeResource(standing, userId, resource)) throw new AppError("NOT_FOUND", RESOURCE_NOT_FOUND);
  return { resource, standing };
}

/** As loadVisibleResource, and the caller must be allowed to change it (FORBIDDEN otherwise). */
export async function loadChangeableResource(db: Db, userId: string, id: string) {
  const loaded = await loadVisibleResource(db, userId, id);
  if (!canChangeResource(loaded.standing, userId, loaded.resource)) {
    throw new AppError("FORBIDDEN", "Only its author and the group's admins can change this resource.");
  }
  return loaded;
}

/** A folder or meeting id from input must belong to the same group. */
export async function assertFolderInGroup(db: Db, groupId: string, folderId: string | null | undefined): Promise<void> {
  if (!folderId) return;
  const folder = await db.folder.findFirst({ where: { id: folderId, groupId }, select: { id: true } });
  if (!folder) throw new AppError("BAD_REQUEST", "That folder is not in this group's library. Choose another folder.");
}

export async function assertMeetingInGroup(db: Db, groupId: string, meetingId: string | null | undefined): Promise<void> {
  if (!meetingId) return;
  const meeting = await db.meeting.findFirst({ where: { id: meetingId, groupId }, select: { id: true } });
  if (!meeting) throw new AppError("BAD_REQUEST", "That meeting is not one of this group's meetings. Choose another meeting.");
}
