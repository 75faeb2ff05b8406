import { z } from "zod";
import { parseWebAddress } from "@/lib/web-address";
import { withinSaneYears, zText } from "@/server/validation";

export const zOrganisationName = zText().trim().min(1, "Enter a name").max(120, "Use at most 120 characters");

/** Only web addresses: a javascript: or data: link shown on the page could run code. */
export const zWebsite = z
  .string()
  .trim()
  .max(300, "Use at most 300 characters")
  .refine(
    (value) => value === "" || parseWebAddress(value)?.hostname.includes(".") === true,
    "Enter a web address starting with https:// or http://",
  );

const zId = z.string().min(1).max(64);

const organisationFields = {
  website: zWebsite.optional(),
  description: zText().trim().max(2_000, "Use at most 2,000 characters").optional(),
  logoId: zId.nullable().optional(),
  signedCharter: z.boolean().optional(),
  charterSignedOn: withinSaneYears(z.date()).nullable().optional(),
};

export const zCreateOrganisationInput = z.object({ name: zOrganisationName, ...organisationFields });
export type CreateOrganisationInput = z.infer<typeof zCreateOrganisationInput>;

export const zUpdateOrganisationInput = z.object({ id: zId, name: zOrganisationName.optional(), ...organisationFields });
export type UpdateOrganisationInput = z.infer<typeof zUpdateOrganisationInput>;

export const zOrganisationListInput = z.object({
  search: zText().trim().max(100, "Use at most 100 characters").optional(),
  /** Null or absent for the first page (tRPC's infinite queries start from null). */
  cursor: z.string().max(64).nullish(),
});
export type OrganisationListInput = z.infer<typeof zOrganisationListInput>;

export const zOrganisation = z.object({
  id: z.string(),
  name: z.string(),
  website: z.string(),
  description: z.string(),
  signedCharter: z.boolean(),
  charterSignedOn: z.date().nullable(),
  logoUrl: z.string().nullable(),
  /** How many people belong to it. */
  memberCount: z.number().int(),
  /** Whether the caller may edit it: the instance administrator, or a group admin when it is linked to their groups. */
  canEdit: z.boolean(),
});
export type Organisation = z.infer<typeof zOrganisation>;

export const zOrganisationPage = z.object({
  items: z.array(zOrganisation),
  nextCursor: z.string().nullable(),
  /** Whether the caller may create and edit organisations (staff). */
  canManage: z.boolean(),
});
export type OrganisationPage = z.infer<typeof zOrganisationPage>;
