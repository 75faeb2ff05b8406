import { z } from "zod";
import { zText } from "@/server/validation";

export const STAKEHOLDER_SECTORS = ["council", "education", "health", "third_sector", "faith", "business", "residents", "volunteers", "other"] as const;
export const STAKEHOLDER_RELATIONSHIPS = ["core", "partner", "supporter", "to_approach"] as const;
export const STAKEHOLDER_LINK_KINDS = ["funds", "refers_to", "partners_with"] as const;
export const STAKEHOLDER_KINDS = ["organisation", "person"] as const;

export type StakeholderSector = (typeof STAKEHOLDER_SECTORS)[number];
export type StakeholderRelationship = (typeof STAKEHOLDER_RELATIONSHIPS)[number];
export type StakeholderLinkKind = (typeof STAKEHOLDER_LINK_KINDS)[number];

/** A map past these sizes is no longer readable as one diagram; they also bound every request. */
export const MAX_STAKEHOLDERS = 500;
export const MAX_STAKEHOLDER_LINKS = 2000;
export const MAX_STAKEHOLDER_NAME = 120;
export const MAX_STAKEHOLDER_NOTES = 2000;
/** Diagram coordinates beyond this are a bug or an attack, never a drag. */
const MAX_COORDINATE = 100_000;

const zId = z.string().min(1).max(64);
const zCoordinate = z
  .number("A position must be a number")
  .min(-MAX_COORDINATE, "That position is too far from the centre of the map")
  .max(MAX_COORDINATE, "That position is too far from the centre of the map");

export const zStakeholderSector = z.enum(STAKEHOLDER_SECTORS, "Choose a sector");
export const zStakeholderRelationship = z.enum(STAKEHOLDER_RELATIONSHIPS, "Choose core, partner, supporter or to approach");
export const zStakeholderLinkKind = z.enum(STAKEHOLDER_LINK_KINDS, "Choose funds, refers to or partners with");

export const zStakeholderGroupInput = z.object({ groupId: zId });
export const zStakeholderIdInput = z.object({ id: zId });

export const zUpsertStakeholderInput = z.object({
  groupId: zId,
  /** Absent: a new stakeholder. */
  id: zId.optional(),
  name: zText()
    .trim()
    .min(1, "Give the stakeholder a name")
    .max(MAX_STAKEHOLDER_NAME, `Keep the name to ${MAX_STAKEHOLDER_NAME} characters or fewer`),
  kind: z.enum(STAKEHOLDER_KINDS, "Choose organisation or person"),
  sector: zStakeholderSector,
  relationship: zStakeholderRelationship,
  /** null or absent: not one of Hearth's organisations. */
  organisationId: zId.nullable().optional(),
  /** null or absent: not running one of the group's initiatives. */
  initiativeId: zId.nullable().optional(),
  notes: zText()
    .trim()
    .max(MAX_STAKEHOLDER_NOTES, `Keep the notes under ${MAX_STAKEHOLDER_NOTES.toLocaleString("en-GB")} characters`)
    .optional(),
  /** Absent for a new stakeholder: it is placed on the ring of its relationship. */
  x: zCoordinate.optional(),
  y: zCoordinate.optional(),
});
export type UpsertStakeholderInput = z.infer<typeof zUpsertStakeholderInput>;

export const zLinkStakeholdersInput = z
  .object({ groupId: zId, fromId: zId, toId: zId, kind: zStakeholderLinkKind })
  .refine((input) => input.fromId !== input.toId, { message: "A stakeholder cannot be linked to itself.", path: ["toId"] });
export type LinkStakeholdersInput = z.infer<typeof zLinkStakeholdersInput>;

export const zStakeholderLayoutInput = z.object({
  groupId: zId,
  positions: z
    .array(z.object({ id: zId, x: zCoordinate, y: zCoordinate }))
    .min(1, "Move at least one stakeholder")
    .max(MAX_STAKEHOLDERS, `A map holds at most ${MAX_STAKEHOLDERS} stakeholders`)
    .refine((positions) => new Set(positions.map(({ id }) => id)).size === positions.length, "Each stakeholder may be placed only once"),
});
export type StakeholderLayoutInput = z.infer<typeof zStakeholderLayoutInput>;

const zNamed = z.object({ id: z.string(), name: z.string() });

export const zStakeholderDto = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(STAKEHOLDER_KINDS),
  sector: zStakeholderSector,
  relationship: zStakeholderRelationship,
  notes: z.string(),
  x: z.number(),
  y: z.number(),
  organisation: zNamed.nullable(),
  initiative: zNamed.nullable(),
});
export type StakeholderDto = z.infer<typeof zStakeholderDto>;

export const zStakeholderLinkDto = z.object({ id: z.string(), fromId: z.string(), toId: z.string(), kind: zStakeholderLinkKind });
export type StakeholderLinkDto = z.infer<typeof zStakeholderLinkDto>;

export const zStakeholderMap = z.object({ stakeholders: z.array(zStakeholderDto), links: z.array(zStakeholderLinkDto) });
export const zStakeholderLayoutResult = z.object({ updated: z.number().int() });
export const zDeletedId = z.object({ id: z.string() });
