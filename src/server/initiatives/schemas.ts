import { z } from "zod";
import { isWebScheme, parseWebAddress, schemeOf } from "@/lib/web-address";
import { zTags } from "@/server/threads/schemas";
import { refineMarkdown, zText } from "@/server/validation";

export const MAX_INITIATIVE_DESCRIPTION = 10_000;
/** Threads linked to one initiative at most; more is a sign of a tag, not a link. */
export const MAX_LINKED_THREADS = 50;

const zId = z.string().min(1).max(64);

export const zInitiativeName = zText().trim().min(1, "Give the initiative a name").max(120, "Keep the name to 120 characters or fewer");
export const zInitiativeDescription = zText()
  .trim()
  .max(MAX_INITIATIVE_DESCRIPTION, `Keep the description under ${MAX_INITIATIVE_DESCRIPTION.toLocaleString("en-GB")} characters`)
  .superRefine(refineMarkdown);
/** An email address or a phone number, or both: free text on one line. */
export const zInitiativeContact = zText()
  .trim()
  .max(200, "Keep the contact to 200 characters or fewer")
  .refine((value) => !/[\r\n]/.test(value), "Write the contact on one line");
export const zInitiativeArea = zText().trim().max(120, "Keep the area to 120 characters or fewer");

/**
 * The initiative's website, or "" for none: http or https only. "example.org" gets https:// in
 * front; anything with another scheme (javascript:, data:, mailto:…) is refused by name.
 */
export const zInitiativeWebsite = z
  .string()
  .trim()
  .max(2000, "That web address is too long (2,000 characters at most)")
  .transform((value, context) => {
    if (value === "") return "";
    const scheme = schemeOf(value);
    if (scheme && !isWebScheme(scheme)) {
      context.addIssue({ code: "custom", message: `The website must start with http:// or https://; “${scheme}:” addresses are not allowed.` });
      return z.NEVER;
    }
    const url = parseWebAddress(scheme ? value : `https://${value}`);
    if (!url || (!url.hostname.includes(".") && url.hostname !== "localhost")) {
      context.addIssue({ code: "custom", message: "That does not look like a website. Try one like https://example.org." });
      return z.NEVER;
    }
    return url.href;
  });

export const zLinkedThreadIds = z
  .array(zId)
  .max(MAX_LINKED_THREADS, `Link at most ${MAX_LINKED_THREADS} discussions`)
  .transform((ids) => [...new Set(ids)]);

/** An initiative's own fields, all optional: what create adds to a name, and what update may change. */
const initiativeFields = {
  description: zInitiativeDescription.optional(),
  /** The organisation running it. */
  organisationId: zId.nullish(),
  contact: zInitiativeContact.optional(),
  area: zInitiativeArea.optional(),
  website: zInitiativeWebsite.optional(),
  tags: zTags.optional(),
  /** Discussions of the same group that are about it. */
  threadIds: zLinkedThreadIds.optional(),
};

export const zCreateInitiativeInput = z.object({ groupId: zId, name: zInitiativeName, ...initiativeFields });
export type CreateInitiativeInput = z.infer<typeof zCreateInitiativeInput>;

/** Only what is given changes; `tags` and `threadIds` replace the whole set, `organisationId: null` removes it. */
export const zUpdateInitiativeInput = z.object({ id: zId, name: zInitiativeName.optional(), ...initiativeFields });
export type UpdateInitiativeInput = z.infer<typeof zUpdateInitiativeInput>;

export const zListInitiativesInput = z.object({
  groupId: zId,
  tag: zText().trim().max(41).optional(),
  /** Words in the name, description, area or organisation's name. */
  q: zText().trim().max(200, "Search with 200 characters at most").optional(),
  organisationId: zId.optional(),
});
export type ListInitiativesInput = z.infer<typeof zListInitiativesInput>;

export const zInitiativeIdInput = z.object({ id: zId });
export const zThreadInitiativesInput = z.object({ threadId: zId });

const zRef = z.object({ id: z.string(), name: z.string() });

export const zInitiative = z.object({
  id: z.string(),
  groupId: z.string(),
  name: z.string(),
  description: z.string(),
  /** The description cooked to HTML (src/server/markdown/cook.ts). */
  descriptionHtml: z.string(),
  organisation: zRef.nullable(),
  contact: z.string(),
  area: z.string(),
  website: z.string(),
  tags: z.array(z.string()),
  /** Linked discussions the caller may see, by title. */
  threads: z.array(z.object({ id: z.string(), title: z.string() })),
  createdBy: zRef.nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  viewer: z.object({ canEdit: z.boolean(), canDelete: z.boolean() }),
});
export type InitiativeDto = z.infer<typeof zInitiative>;

export const zInitiativeList = z.object({
  items: z.array(zInitiative),
  /** Tags in use across the group's initiatives, for the filter. */
  tags: z.array(z.string()),
  canAdd: z.boolean(),
});

export const zInitiativeRef = z.object({ id: z.string() });

/** What a thread page shows: the initiatives the thread is about, with a link into the directory. */
export const zThreadInitiatives = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), area: z.string(), organisation: zRef.nullable(), url: z.string() })),
});
