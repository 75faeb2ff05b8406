import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { getStanding } from "@/server/groups/standing";
import { canInGroup } from "@/server/policy";

const NOT_FOUND = "That group does not exist, or you are not a member of it.";

/**
 * Only the group's admins read its audit log, checked on every call so a removed or demoted admin
 * is refused at once. Outsiders and unknown groups get the same NOT_FOUND (a private group does not
 * reveal that it exists); members and guests are told why.
 */
export async function requireAuditAccess(db: Db, userId: string, groupId: string): Promise<void> {
  const standing = await getStanding(db, userId, groupId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") throw new AppError("NOT_FOUND", NOT_FOUND);
    throw error;
  });
  if (!standing.role) throw new AppError("NOT_FOUND", NOT_FOUND);
  if (!canInGroup(standing, "group.viewAudit")) throw new AppError("FORBIDDEN", "Only the group's admins can see its audit log.");
}

/** As requireAuditAccess, for the group at a handle (the CSV download's address); answers the group. */
export async function requireAuditAccessByHandle(db: Db, userId: string, handle: string): Promise<{ id: string; handle: string }> {
  const group = await db.group.findUnique({ where: { handle: handle.toLowerCase() }, select: { id: true, handle: true } });
  if (!group) throw new AppError("NOT_FOUND", NOT_FOUND);
  await requireAuditAccess(db, userId, group.id);
  return group;
}
