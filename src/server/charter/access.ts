import type { Publish } from "@/server/events";
import { imageUrl } from "@/server/images/service";
import type { Signatory } from "@/server/charter/schemas";

/** Open charter pages of the group refetch; ids only, to the group's room (guests are not in it). */
export function publishCharterChange(publish: Publish, groupId: string): void {
  publish({ name: "charter.changed", room: `group:${groupId}`, payload: { groupId } });
}

/** Prisma `select` for an approved signature as a signatory shows it. */
export const signatorySelect = {
  signedOn: true,
  decidedAt: true,
  createdAt: true,
  organisation: { select: { id: true, name: true, logoId: true } },
} as const;

type SignatoryRow = {
  signedOn: Date | null;
  decidedAt: Date | null;
  createdAt: Date;
  organisation: { id: string; name: string; logoId: string | null };
};

/**
 * A signatory with its logo at `logoUrl` (members' pages use the signed-in image route, the public
 * page its own). A signature approved without a date (written before dates were asked for) shows
 * the day it was approved.
 */
export function toSignatory(row: SignatoryRow, logoUrl: (logoId: string | null) => string | null = imageUrl): Signatory {
  const { id, name, logoId } = row.organisation;
  return { organisation: { id, name, logoUrl: logoUrl(logoId) }, signedOn: row.signedOn ?? row.decidedAt ?? row.createdAt };
}

/** Signatories in the order they signed, then by name. */
export const signatoryOrder = [{ signedOn: "asc" }, { organisation: { name: "asc" } }] as const;
