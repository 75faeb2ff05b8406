import { z } from "zod";
import { zPerson } from "@/server/threads/schemas";
import { zText } from "@/server/validation";

const zId = z.string().min(1).max(100);
const zDocumentTitle = zText()
  .trim()
  .min(1, "Give the document a title")
  .max(200, "Keep the title to 200 characters or fewer");

export const zCreateDocumentInput = z.object({ groupId: zId, title: zDocumentTitle });
export const zListDocumentsInput = z.object({
  groupId: zId,
  /** Infinite queries send null for the first page; a next page's is "<time in ms>_<id>". */
  cursor: z.string().max(100).regex(/^\d{1,15}_\S+$/, "That page position is not valid; reload the list.").nullish(),
});
export const zDocumentIdInput = z.object({ id: zId });
export const zRenameDocumentInput = z.object({ id: zId, title: zDocumentTitle });
export const zDocumentMode = z.enum(["editing", "suggesting"], "Choose editing or suggesting.");
export const zSetDocumentModeInput = z.object({ id: zId, mode: zDocumentMode });
export type SetDocumentModeInput = z.infer<typeof zSetDocumentModeInput>;
export const zSetDocumentModeOutput = z.object({ id: z.string(), mode: zDocumentMode });
export const zSetGuestsMaySuggestInput = z.object({ id: zId, allowed: z.boolean() });
export type SetGuestsMaySuggestInput = z.infer<typeof zSetGuestsMaySuggestInput>;
export const zSetGuestsMaySuggestOutput = z.object({ id: z.string(), guestsMaySuggest: z.boolean() });

export const zAdoptedVersion = z.object({ id: z.string(), name: z.string(), adoptedAt: z.date() });

export const zDocumentSummary = z.object({
  id: z.string(),
  groupId: z.string(),
  title: z.string(),
  /** The group's vision: a document with an adopted version, or one titled "Vision…". Listed first. */
  leading: z.boolean(),
  adoptedVersion: zAdoptedVersion.nullable(),
  createdBy: zPerson,
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type DocumentSummary = z.infer<typeof zDocumentSummary>;

export const zDocumentList = z.object({
  items: z.array(zDocumentSummary),
  nextCursor: z.string().nullable(),
  /** Whether the caller may start a new document in this group. */
  canCreate: z.boolean(),
});

export const zDocumentDetail = z.object({
  id: z.string(),
  title: z.string(),
  group: z.object({ id: z.string(), name: z.string(), handle: z.string() }),
  /** False for guests: they read, and the live room refuses their changes. */
  canEdit: z.boolean(),
  /** Editors, and guests when the document lets them suggest; suggestions need a decision by an editor. */
  canSuggest: z.boolean(),
  /** In suggesting mode the editor turns everyone's typing into suggestions. */
  mode: zDocumentMode,
  /** Whether guests invited to read may suggest changes. */
  guestsMaySuggest: z.boolean(),
  /** Whether the caller may invite a guest to read this document. */
  canInviteGuests: z.boolean(),
  adoptedVersion: zAdoptedVersion.nullable(),
  createdBy: zPerson,
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type DocumentDetail = z.infer<typeof zDocumentDetail>;
