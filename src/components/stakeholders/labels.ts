import type { StakeholderLinkKind, StakeholderRelationship, StakeholderSector } from "@/server/stakeholders/schemas";

/**
 * How each sector looks on the map: a pale fill with dark text (AA contrast) and a strong border
 * in the sector's colour, so colour is never the only cue (the sector is written on the node).
 */
export const SECTORS: Record<StakeholderSector, { label: string; fill: string; border: string }> = {
  council: { label: "Council", fill: "#dbeafe", border: "#1d4ed8" },
  education: { label: "Education", fill: "#fef9c3", border: "#a16207" },
  health: { label: "Health", fill: "#dcfce7", border: "#15803d" },
  third_sector: { label: "Third sector", fill: "#fce7f3", border: "#be185d" },
  faith: { label: "Faith", fill: "#ede9fe", border: "#6d28d9" },
  business: { label: "Business", fill: "#e0f2fe", border: "#0369a1" },
  residents: { label: "Residents", fill: "#ffedd5", border: "#c2410c" },
  volunteers: { label: "Volunteers", fill: "#ccfbf1", border: "#0f766e" },
  other: { label: "Other", fill: "#f5f5f4", border: "#57534e" },
};

export const RELATIONSHIPS: Record<StakeholderRelationship, string> = {
  core: "Core",
  partner: "Partner",
  supporter: "Supporter",
  to_approach: "To approach",
};

export const LINK_KINDS: Record<StakeholderLinkKind, string> = {
  funds: "funds",
  refers_to: "refers to",
  partners_with: "partners with",
};

export const options = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
