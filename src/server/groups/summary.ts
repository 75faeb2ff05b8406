import type { DbClient } from "@/server/groups/ancestry";
import type { GroupSummary } from "@/server/groups/schemas";
import { imageUrl } from "@/server/images/service";

/** The `GroupSummary` of each of the given groups as the user sees it; groups they are not in are left out. */
export async function summariseGroups(db: DbClient, userId: string, groupIds: string[]): Promise<GroupSummary[]> {
  const memberships = await db.membership.findMany({
    where: { userId, groupId: { in: groupIds } },
    select: { role: true, group: { select: summarySelect } },
    orderBy: { group: { name: "asc" } },
  });
  return memberships.map(({ role, group }) => toSummary(role, group));
}

export const summarySelect = {
  id: true,
  name: true,
  handle: true,
  description: true,
  parentId: true,
  logoId: true,
  _count: { select: { memberships: true } },
} as const;

type SummaryRow = {
  id: string;
  name: string;
  handle: string;
  description: string;
  parentId: string | null;
  logoId: string | null;
  _count: { memberships: number };
};

export function toSummary(role: GroupSummary["role"], { _count, logoId, ...group }: SummaryRow): GroupSummary {
  return { ...group, role, memberCount: _count.memberships, logoUrl: imageUrl(logoId) };
}
