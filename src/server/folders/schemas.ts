import { z } from "zod";
import { zText } from "@/server/validation";

const zId = z.string().min(1).max(64);
export const zFolderName = zText().trim().min(1, "Give the folder a name").max(80, "Keep the folder name to 80 characters or fewer");

export const zCreateFolderInput = z.object({ groupId: zId, name: zFolderName, parentId: zId.nullish() });
export type CreateFolderInput = z.infer<typeof zCreateFolderInput>;
export const zRenameFolderInput = z.object({ id: zId, name: zFolderName });
export const zFolderIdInput = z.object({ id: zId });
export const zListFoldersInput = z.object({ groupId: zId });

export const zFolder = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  /** Resources directly inside it that the caller can see. */
  resourceCount: z.number().int(),
});
export type FolderDto = z.infer<typeof zFolder>;
