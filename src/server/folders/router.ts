import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { createFolder, deleteFolder, listFolders, renameFolder } from "@/server/folders/service";
import { zCreateFolderInput, zFolder, zFolderIdInput, zListFoldersInput, zRenameFolderInput } from "@/server/folders/schemas";

const zFolderRef = z.object({ id: z.string(), parentId: z.string().nullable() });

export const folderRouter = createTRPCRouter({
  list: protectedProcedure
    .input(zListFoldersInput)
    .output(z.array(zFolder))
    .query(({ ctx, input }) => listFolders(ctx.db, ctx.userId, input.groupId)),
  create: protectedProcedure
    .input(zCreateFolderInput)
    .output(zFolder)
    .mutation(({ ctx, input }) => createFolder(ctx.db, ctx.publish, ctx.userId, input)),
  rename: protectedProcedure
    .input(zRenameFolderInput)
    .output(zFolderRef.extend({ name: z.string() }))
    .mutation(({ ctx, input }) => renameFolder(ctx.db, ctx.publish, ctx.userId, input.id, input.name)),
  delete: protectedProcedure
    .input(zFolderIdInput)
    .output(zFolderRef)
    .mutation(({ ctx, input }) => deleteFolder(ctx.db, ctx.publish, ctx.userId, input.id)),
});
