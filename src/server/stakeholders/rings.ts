import type { StakeholderRelationship } from "@/server/stakeholders/schemas";

/** Distance from the centre of each relationship's ring: core in the middle, those to approach outermost. */
export const RING_RADIUS: Record<StakeholderRelationship, number> = { core: 120, partner: 320, supporter: 520, to_approach: 720 };

/** The golden angle spreads any number of nodes round a ring without two landing on the same spot. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/** Each ring starts at its own angle, so the rings' first nodes do not line up in a spoke. */
const RING_START: Record<StakeholderRelationship, number> = { core: 0, partner: 1.1, supporter: 2.3, to_approach: 3.7 };

/**
 * Where the `index`-th stakeholder of a relationship goes on its ring (the top-left corner of its
 * node, which is about 180 × 48). Pure, so the server's first placement and the map's "Arrange in
 * rings" agree.
 */
export function ringPosition(relationship: StakeholderRelationship, index: number): { x: number; y: number } {
  const radius = RING_RADIUS[relationship];
  const angle = RING_START[relationship] + index * GOLDEN_ANGLE - Math.PI / 2;
  return { x: Math.round(radius * Math.cos(angle)) - 90, y: Math.round(radius * Math.sin(angle)) - 24 };
}

/** Every stakeholder placed on its ring, in the order given, as `stakeholder.layout` takes them. */
export function arrangeInRings(stakeholders: readonly { id: string; relationship: StakeholderRelationship }[]): { id: string; x: number; y: number }[] {
  const seen: Record<StakeholderRelationship, number> = { core: 0, partner: 0, supporter: 0, to_approach: 0 };
  return stakeholders.map(({ id, relationship }) => ({ id, ...ringPosition(relationship, seen[relationship]++) }));
}
