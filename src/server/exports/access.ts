import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { canInGroup, GROUP_SETTINGS_SELECT, groupSettingsOf, membershipsAllowedWhere } from "@/server/policy";

/** What one download of a group covers: the group itself and the subgroups the requester may export. */
export type GroupExportScope = {
  group: { id: string; handle: string; name: string };
  /** The group first, then its subgroups level by level, each one where "group.export" holds for the requester. */
  groupIds: string[];
};

const NOT_FOUND = "That group does not exist, or you are not a member of it.";

/** Deeper than any real tree (as in groups/ancestry.ts). */
const MAX_DEPTH = 32;

/**
 * Checked on every request, so a removed or demoted admin cannot download again. Outsiders and
 * unknown handles get the same NOT_FOUND (a private group does not reveal that it exists); members
 * who are not admins are told why.
 *
 * A subgroup comes along only where the requester could download it on its own, and only below a
 * group that comes along, so the download is always one tree: an admin of the parent who is not an
 * admin of a subgroup gets neither that subgroup nor anything under it. One query per level.
 */
export async function requireGroupExport(db: Db, userId: string, handle: string): Promise<GroupExportScope> {
  const group = await db.group.findUnique({
    where: { handle },
    select: { id: true, handle: true, name: true, ...GROUP_SETTINGS_SELECT, memberships: { where: { userId }, select: { role: true } } },
  });
  const role = group?.memberships[0]?.role ?? null;
  if (!group || !role) throw new AppError("NOT_FOUND", NOT_FOUND);
  if (!canInGroup({ role, settings: groupSettingsOf(group) }, "group.export")) {
    throw new AppError("FORBIDDEN", "Only the group's admins can download all of its data.");
  }
  const groupIds = [group.id];
  let level = [group.id];
  for (let depth = 0; level.length && depth < MAX_DEPTH; depth += 1) {
    const children = await db.group.findMany({
      where: { parentId: { in: level }, id: { notIn: groupIds }, memberships: { some: { userId, ...membershipsAllowedWhere("group.export") } } },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    level = children.map(({ id }) => id);
    groupIds.push(...level);
  }
  return { group: { id: group.id, handle: group.handle, name: group.name }, groupIds };
}
