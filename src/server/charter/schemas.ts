import { z } from "zod";
import { refineMarkdown, withinSaneYears, zText } from "@/server/validation";

/** As long as a thread's body: a charter is a page or two of principles, never a book. */
export const MAX_CHARTER_LENGTH = 50_000;

const zId = z.string().min(1).max(64);

export const zCharterBody = zText()
  .trim()
  .max(MAX_CHARTER_LENGTH, `Keep the charter under ${MAX_CHARTER_LENGTH.toLocaleString("en-GB")} characters`)
  .superRefine(refineMarkdown);

export const zGetCharterInput = z.object({
  groupId: zId,
  /** Also return this earlier version's text (as `shownVersion`), to read it beside the current one. */
  version: z.number().int().min(1).max(1_000_000).optional(),
});
export type GetCharterInput = z.infer<typeof zGetCharterInput>;

export const zUpdateCharterInput = z.object({
  groupId: zId,
  body: zCharterBody.optional(),
  isPublic: z.boolean().optional(),
});
export type UpdateCharterInput = z.infer<typeof zUpdateCharterInput>;

export const zRequestSignatureInput = z.object({
  groupId: zId,
  /**
   * The organisation the page offered to sign for. The caller's own is used when absent; when
   * given it must still be theirs, so a page opened before their organisation changed cannot sign
   * for the new one without them seeing it.
   */
  organisationId: zId.optional(),
});
export type RequestSignatureInput = z.infer<typeof zRequestSignatureInput>;

export const zApproveSignatureInput = z.object({
  signatureId: zId,
  /** False declines the request. */
  approve: z.boolean().default(true),
  /** The day the organisation signed; today when absent. Never in the future. */
  signedOn: withinSaneYears(z.coerce.date("Choose the date the organisation signed")).optional(),
});
export type ApproveSignatureInput = z.infer<typeof zApproveSignatureInput>;

const zPersonRef = z.object({ id: z.string(), name: z.string() });
const zOrganisationRef = z.object({ id: z.string(), name: z.string(), logoUrl: z.string().nullable() });

export const zCharterVersionSummary = z.object({ number: z.number().int(), createdAt: z.date(), createdBy: zPersonRef.nullable() });

export const zSignatory = z.object({ organisation: zOrganisationRef, signedOn: z.date() });
export type Signatory = z.infer<typeof zSignatory>;

export const zSignatureStatus = z.enum(["pending", "approved", "declined"]);

export const zCharter = z.object({
  groupId: z.string(),
  /** The current text, "" until an admin writes it; `bodyHtml` cooked (src/server/markdown/cook.ts). */
  body: z.string(),
  bodyHtml: z.string(),
  isPublic: z.boolean(),
  /** The number of the current version; 0 before the first save. */
  version: z.number().int(),
  updatedAt: z.date().nullable(),
  /** Newest first. */
  versions: z.array(zCharterVersionSummary),
  /** The earlier version asked for with `version`, or null. */
  shownVersion: zCharterVersionSummary.extend({ body: z.string(), bodyHtml: z.string() }).nullable(),
  /** Approved signatures, by the date signed. */
  signatories: z.array(zSignatory),
  /** Requests waiting for a decision, oldest first: for those who decide them, null for everyone else. */
  pending: z
    .array(z.object({ id: z.string(), organisation: zOrganisationRef, requestedBy: zPersonRef.nullable(), requestedAt: z.date() }))
    .nullable(),
  viewer: z.object({
    canEdit: z.boolean(),
    canDecide: z.boolean(),
    /** True when the caller may ask now for `organisation` to sign. */
    canRequestSignature: z.boolean(),
    /** The caller's own organisation, which they would sign for; null when they have none. */
    organisation: z.object({ id: z.string(), name: z.string() }).nullable(),
    /** Where that organisation's signature stands, or null when it never asked. */
    signatureStatus: zSignatureStatus.nullable(),
  }),
});
export type Charter = z.infer<typeof zCharter>;

export const zSignatureResult = z.object({ id: z.string(), status: zSignatureStatus, signedOn: z.date().nullable() });
export type SignatureResult = z.infer<typeof zSignatureResult>;

/** What the public page shows: the text and the signatories, nothing else of the group. */
export type PublicCharter = { bodyHtml: string; signatories: Signatory[] };
