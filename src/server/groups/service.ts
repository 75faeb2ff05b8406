import type { Db } from "@/server/db";
import type { GroupSummary } from "@/server/groups/schemas";

/** The caller's groups, parents before their subgroups, each with the caller's role. */
export async function listMyGroups(db: Db, userId: string): Promise<GroupSummary[]> {
  const memberships = await db.membership.findMany({
    where: { userId },
    select: {
      role: true,
      group: {
        select: {
          id: true,
          name: true,
          handle: true,
          description: true,
          parentId: true,
          _count: { select: { memberships: true } },
        },
      },
    },
    orderBy: { group: { name: "asc" } },
  });
  const summaries = memberships.map(({ role, group: { _count, ...group } }) => ({
    ...group,
    role,
    memberCount: _count.memberships,
  }));
  return orderParentsFirst(summaries);
}

/** Depth-first, so each subgroup follows its parent; a group whose parent the caller is not in counts as a root. */
export function orderParentsFirst<T extends { id: string; parentId: string | null }>(groups: T[]): T[] {
  const ids = new Set(groups.map((group) => group.id));
  const withChildren = (group: T): T[] => [
    group,
    ...groups.filter((child) => child.parentId === group.id).flatMap(withChildren),
  ];
  return groups.filter((group) => !group.parentId || !ids.has(group.parentId)).flatMap(withChildren);
}
