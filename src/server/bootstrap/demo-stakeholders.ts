import type { Db } from "@/server/db";
import { ringPosition } from "@/server/stakeholders/rings";
import type { StakeholderLinkKind, StakeholderRelationship, StakeholderSector } from "@/server/stakeholders/schemas";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

type DemoStakeholder = {
  name: string;
  kind: "organisation" | "person";
  sector: StakeholderSector;
  relationship: StakeholderRelationship;
  /** One of the demo organisations, by name. */
  organisation?: string;
  notes?: string;
};

const STAKEHOLDERS: DemoStakeholder[] = [
  { name: "Dorothy House Hospice Care", kind: "organisation", sector: "health", relationship: "core", organisation: "Dorothy House Hospice Care", notes: "Hosts the steering group and leads on bereavement support." },
  { name: "B&NES Council public health", kind: "organisation", sector: "council", relationship: "core", organisation: "Bath & North East Somerset Council", notes: "Funds the village agents and the befriending pilot." },
  { name: "Curo Housing", kind: "organisation", sector: "business", relationship: "partner", organisation: "Curo Housing" },
  { name: "Bath City Football Club Foundation", kind: "organisation", sector: "third_sector", relationship: "partner", organisation: "Bath City Football Club Foundation" },
  { name: "Royal United Hospital", kind: "organisation", sector: "health", relationship: "supporter", notes: "Palliative care team; refers families to the bereavement café." },
  { name: "Bath Abbey", kind: "organisation", sector: "faith", relationship: "supporter" },
  { name: "Local primary schools", kind: "organisation", sector: "education", relationship: "to_approach", notes: "Grief-aware schools: who to ask first?" },
  { name: "Widcombe residents' association", kind: "organisation", sector: "residents", relationship: "to_approach" },
  { name: "Compassionate neighbours", kind: "person", sector: "volunteers", relationship: "partner", notes: "Volunteers trained by the hospice." },
];

const LINKS: { from: string; to: string; kind: StakeholderLinkKind }[] = [
  { from: "B&NES Council public health", to: "Dorothy House Hospice Care", kind: "funds" },
  { from: "Royal United Hospital", to: "Dorothy House Hospice Care", kind: "refers_to" },
  { from: "Dorothy House Hospice Care", to: "Compassionate neighbours", kind: "partners_with" },
  { from: "Curo Housing", to: "Bath City Football Club Foundation", kind: "partners_with" },
];

/** A small stakeholder map of the demo steering group, arranged in rings, so a first look shows one. */
export async function seedDemoStakeholders(tx: Tx, groupId: string, organisationId: (name: string | null) => string | null): Promise<void> {
  const onRing: Record<StakeholderRelationship, number> = { core: 0, partner: 0, supporter: 0, to_approach: 0 };
  const ids = new Map<string, string>();
  for (const stakeholder of STAKEHOLDERS) {
    const { x, y } = ringPosition(stakeholder.relationship, onRing[stakeholder.relationship]++);
    const { id } = await tx.stakeholder.create({
      data: {
        groupId,
        name: stakeholder.name,
        kind: stakeholder.kind,
        sector: stakeholder.sector,
        relationship: stakeholder.relationship,
        organisationId: organisationId(stakeholder.organisation ?? null),
        notes: stakeholder.notes ?? "",
        x,
        y,
      },
      select: { id: true },
    });
    ids.set(stakeholder.name, id);
  }
  await tx.stakeholderLink.createMany({
    data: LINKS.map(({ from, to, kind }) => ({ groupId, fromId: ids.get(from)!, toId: ids.get(to)!, kind })),
  });
}
