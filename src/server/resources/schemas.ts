import { z } from "zod";
import { isWebScheme, parseWebAddress, schemeOf } from "@/lib/web-address";
import { zFileSummary } from "@/server/files/schemas";
import { zPerson, zTags } from "@/server/threads/schemas";
import { refineMarkdown, zText } from "@/server/validation";

export const MAX_DESCRIPTION_LENGTH = 10_000;

const zId = z.string().min(1).max(64);

export const zResourceTitle = zText().trim().min(1, "Give it a title").max(200, "Keep the title to 200 characters or fewer");
export const zResourceDescription = zText()
  .trim()
  .max(MAX_DESCRIPTION_LENGTH, `Keep the description under ${MAX_DESCRIPTION_LENGTH.toLocaleString("en-GB")} characters`)
  .superRefine(refineMarkdown);

/**
 * A web address people can open safely: http or https only. "example.org/page" gets https://
 * in front; anything with another scheme (javascript:, data:, file:…) is refused by name.
 */
export const zResourceUrl = z
  .string()
  .trim()
  .min(1, "Enter the web address to link to")
  .max(2000, "That web address is too long (2,000 characters at most)")
  .transform((value, context) => {
    const scheme = schemeOf(value);
    if (scheme && !isWebScheme(scheme)) {
      context.addIssue({
        code: "custom",
        message: `Only web addresses starting with http:// or https:// can be added; “${scheme}:” links are not allowed.`,
      });
      return z.NEVER;
    }
    const url = parseWebAddress(scheme ? value : `https://${value}`);
    if (!url || (!url.hostname.includes(".") && url.hostname !== "localhost")) {
      context.addIssue({ code: "custom", message: "That does not look like a web address. Try one like https://example.org/page." });
      return z.NEVER;
    }
    return url.href;
  });

export const zResourceKind = z.enum(["file", "link"]);
export const zResourceSort = z.enum(["date", "name"]);

export const zCreateResourceInput = z
  .object({
    groupId: zId,
    kind: zResourceKind,
    title: zResourceTitle,
    description: zResourceDescription.optional(),
    fileId: zId.optional(),
    url: zResourceUrl.optional(),
    folderId: zId.nullish(),
    tags: zTags.optional(),
    meetingId: zId.nullish(),
    /** Admins may keep what they add as a draft; members' additions are always drafts. */
    draft: z.boolean().optional(),
  })
  .superRefine((input, context) => {
    if (input.kind === "file" && !input.fileId) context.addIssue({ code: "custom", path: ["fileId"], message: "Upload a file first" });
    if (input.kind === "link" && !input.url) context.addIssue({ code: "custom", path: ["url"], message: "Enter the web address to link to" });
    if (input.kind === "file" && input.url) context.addIssue({ code: "custom", path: ["url"], message: "A file resource has no web address" });
    if (input.kind === "link" && input.fileId) context.addIssue({ code: "custom", path: ["fileId"], message: "A link has no file" });
  });
export type CreateResourceInput = z.infer<typeof zCreateResourceInput>;

export const zListResourcesInput = z.object({
  groupId: zId,
  /** Absent: the whole library; null: the top level only; an id: that folder only. */
  folderId: zId.nullish(),
  tag: zText().trim().max(41).optional(),
  search: zText().trim().max(200).optional(),
  sort: zResourceSort.default("date"),
  /** Infinite queries send null for the first page. */
  cursor: z.string().max(400).nullish(),
});
export type ListResourcesInput = z.infer<typeof zListResourcesInput>;

export const zResourceIdInput = z.object({ id: zId });
export const zGroupIdInput = z.object({ groupId: zId });

export const zUpdateResourceInput = z.object({
  id: zId,
  title: zResourceTitle.optional(),
  description: zResourceDescription.optional(),
  tags: zTags.optional(),
  /** Links only. */
  url: zResourceUrl.optional(),
  /** null moves it to the top level. */
  folderId: zId.nullish(),
  /** null detaches it from its meeting. */
  meetingId: zId.nullish(),
});
export type UpdateResourceInput = z.infer<typeof zUpdateResourceInput>;

export const zAddVersionInput = z.object({
  id: zId,
  fileId: zId,
  note: zText().trim().max(500, "Keep the note under 500 characters").optional(),
});
export type AddVersionInput = z.infer<typeof zAddVersionInput>;

const zPersonRef = z.object({ id: z.string(), name: z.string() });

export const zResourceVersion = z.object({
  number: z.number().int(),
  file: zFileSummary,
  uploadedBy: zPersonRef,
  note: z.string(),
  createdAt: z.date(),
});
export type ResourceVersionDto = z.infer<typeof zResourceVersion>;

export const zResourceSummary = z.object({
  id: z.string(),
  groupId: z.string(),
  kind: zResourceKind,
  title: z.string(),
  description: z.string(),
  /** The web address of a link; null for files (their download is `latestVersion.file.url`). */
  url: z.string().nullable(),
  tags: z.array(z.string()),
  folder: z.object({ id: z.string(), name: z.string() }).nullable(),
  meeting: z.object({ id: z.string(), title: z.string() }).nullable(),
  author: zPerson,
  draft: z.boolean(),
  publishedAt: z.date().nullable(),
  publishedBy: zPersonRef.nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  latestVersion: zResourceVersion.nullable(),
  versionCount: z.number().int(),
});
export type ResourceSummary = z.infer<typeof zResourceSummary>;

export const zResourceList = z.object({ items: z.array(zResourceSummary), nextCursor: z.string().nullable() });

export const zResourceDetail = zResourceSummary.extend({
  group: z.object({ id: z.string(), name: z.string(), handle: z.string() }),
  /** The description cooked to HTML (src/server/markdown/cook.ts), as the page shows it. */
  descriptionHtml: z.string(),
  /** Newest first; every one downloadable. */
  versions: z.array(zResourceVersion),
  viewer: z.object({ canEdit: z.boolean(), canPublish: z.boolean(), canDelete: z.boolean() }),
});
export type ResourceDetail = z.infer<typeof zResourceDetail>;

export const zResourceRef = z.object({ id: z.string(), draft: z.boolean() });

/** What the library page needs to know about the caller, and the tags in use for the filter. */
export const zLibraryInfo = z.object({
  tags: z.array(z.string()),
  canAdd: z.boolean(),
  /** Admins: publish, see drafts, manage folders. */
  canManage: z.boolean(),
  /** What the caller adds is a draft until an admin publishes it. */
  addsAsDraft: z.boolean(),
});
