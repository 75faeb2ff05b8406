import type { Db } from "@/server/db";
import { cookMarkdown } from "@/server/markdown/cook";
import { signatoryOrder, signatorySelect, toSignatory } from "@/server/charter/access";
import type { PublicCharter } from "@/server/charter/schemas";

/** Longer than any group's handle: answered without asking the database. */
const MAX_HANDLE_LENGTH = 100;

/** Where the public page serves a signatory's logo: only while it is a signatory of this public charter. */
export function publicLogoUrl(handle: string, logoId: string | null): string | null {
  return logoId ? `/charter/${encodeURIComponent(handle)}/logos/${encodeURIComponent(logoId)}` : null;
}

/**
 * The charter at its public page, for anyone, signed in or not: only its text and signatories.
 * Null when the group does not exist, has no charter, or has not made it public; the page then
 * answers 404 without a word of the group.
 */
export async function getPublicCharter(db: Db, handle: string): Promise<PublicCharter | null> {
  if (handle.length > MAX_HANDLE_LENGTH) return null;
  const charter = await db.charter.findFirst({
    where: { isPublic: true, group: { handle: handle.toLowerCase() } },
    select: { body: true, signatures: { where: { status: "approved" }, select: signatorySelect, orderBy: [...signatoryOrder] } },
  });
  if (!charter) return null;
  return {
    bodyHtml: cookMarkdown(charter.body),
    signatories: charter.signatures.map((row) => toSignatory(row, (logoId) => publicLogoUrl(handle.toLowerCase(), logoId))),
  };
}

/**
 * A logo for the public page: only the logo of an organisation whose signature of this group's
 * charter is approved, while the charter is public. Any other image stays behind sign-in.
 */
export async function readPublicLogo(db: Db, handle: string, logoId: string): Promise<{ contentType: string; bytes: Uint8Array } | null> {
  if (handle.length > MAX_HANDLE_LENGTH || logoId.length > 64) return null;
  const organisation = await db.organisation.findFirst({
    where: {
      logoId,
      charterSignatures: { some: { status: "approved", charter: { isPublic: true, group: { handle: handle.toLowerCase() } } } },
    },
    select: { logo: { select: { contentType: true, bytes: true } } },
  });
  return organisation?.logo ?? null;
}
