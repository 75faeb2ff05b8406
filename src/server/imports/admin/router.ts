import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { zFileSummary } from "@/server/files/schemas";
import { restoreMissingAttachment } from "@/server/imports/admin/missing-attachments";
import { zImportRun, zImportRunIdInput, zImportRunList, zRestoreAttachmentInput } from "@/server/imports/admin/schemas";
import { confirmImport, discardImport, getImportRun, listImportRuns } from "@/server/imports/admin/service";

/** The admin import page; uploads arrive through POST /api/imports, which starts each run. */
export const importRouter = createTRPCRouter({
  list: protectedProcedure
    .input(z.void())
    .output(zImportRunList)
    .query(({ ctx }) => listImportRuns(ctx.db, ctx.userId)),
  get: protectedProcedure
    .input(zImportRunIdInput)
    .output(zImportRun)
    .query(({ ctx, input }) => getImportRun(ctx.db, ctx.userId, input.id)),
  confirm: protectedProcedure
    .input(zImportRunIdInput)
    .output(zImportRun)
    .mutation(({ ctx, input }) => confirmImport(ctx.db, ctx.userId, input.id)),
  discard: protectedProcedure
    .input(zImportRunIdInput)
    .output(zImportRunIdInput)
    .mutation(({ ctx, input }) => discardImport(ctx.db, ctx.userId, input.id)),
});

/** Attachments an import could only name, on thread pages. */
export const missingAttachmentRouter = createTRPCRouter({
  restore: protectedProcedure
    .input(zRestoreAttachmentInput)
    .output(zFileSummary)
    .mutation(({ ctx, input }) => restoreMissingAttachment(ctx.db, ctx.publish, ctx.userId, input)),
});
