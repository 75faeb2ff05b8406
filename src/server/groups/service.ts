import type { Db } from "@/server/db";
import type { GroupSummary } from "@/server/groups/schemas";
import { summarySelect, toSummary } from "@/server/groups/summary";

/** The caller's groups, parents before their subgroups, each with the caller's role. */
export async function listMyGroups(db: Db, userId: string): Promise<GroupSummary[]> {
  const memberships = await db.membership.findMany({
    where: { userId },
    select: { role: true, group: { select: summarySelect } },
    orderBy: { group: { name: "asc" } },
  });
  return orderParentsFirst(memberships.map(({ role, group }) => toSummary(role, group)));
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
