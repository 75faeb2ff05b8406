import type { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/server/db";
import { requireInGroup } from "@/server/groups/standing";
import type { StakeholderDto, StakeholderLinkDto } from "@/server/stakeholders/schemas";

export const stakeholderSelect = {
  id: true,
  name: true,
  kind: true,
  sector: true,
  relationship: true,
  notes: true,
  x: true,
  y: true,
  organisation: { select: { id: true, name: true } },
  initiative: { select: { id: true, name: true } },
} satisfies Prisma.StakeholderSelect;

export const linkSelect = { id: true, fromId: true, toId: true, kind: true } satisfies Prisma.StakeholderLinkSelect;

/** A row selected with stakeholderSelect as the DTO (kind is a plain string column). */
export function toStakeholderDto(row: Prisma.StakeholderGetPayload<{ select: typeof stakeholderSelect }>): StakeholderDto {
  return { ...row, kind: row.kind === "person" ? "person" : "organisation" };
}

/** The group's whole map, by name, for its members and admins: two queries whatever its size. */
export async function listStakeholders(db: Db, userId: string, groupId: string): Promise<{ stakeholders: StakeholderDto[]; links: StakeholderLinkDto[] }> {
  await requireInGroup(db, userId, groupId, "stakeholder.view");
  const [stakeholders, links] = await Promise.all([
    db.stakeholder.findMany({ where: { groupId }, select: stakeholderSelect, orderBy: [{ name: "asc" }, { id: "asc" }] }),
    db.stakeholderLink.findMany({ where: { groupId }, select: linkSelect, orderBy: { createdAt: "asc" } }),
  ]);
  return { stakeholders: stakeholders.map(toStakeholderDto), links };
}
