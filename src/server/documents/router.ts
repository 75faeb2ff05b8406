import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { documentAuthorshipProcedures } from "@/server/documents/authorship/router";
import {
  zCreateDocumentInput,
  zDocumentDetail,
  zDocumentIdInput,
  zDocumentList,
  zListDocumentsInput,
  zRenameDocumentInput,
  zSetDocumentModeInput,
  zSetDocumentModeOutput,
  zSetGuestsMaySuggestInput,
  zSetGuestsMaySuggestOutput,
} from "@/server/documents/schemas";
import { setDocumentMode, setGuestsMaySuggest } from "@/server/documents/mode";
import { documentVersionProcedures } from "@/server/documents/versions/router";
import { createDocument, getDocument, listDocuments, renameDocument } from "@/server/documents/service";

const zId = z.object({ id: z.string() });

export const documentRouter = createTRPCRouter({
  ...documentVersionProcedures,
  ...documentAuthorshipProcedures,
  create: protectedProcedure
    .input(zCreateDocumentInput)
    .output(zId)
    .mutation(({ ctx, input }) => createDocument(ctx.db, ctx.userId, input)),
  list: protectedProcedure
    .input(zListDocumentsInput)
    .output(zDocumentList)
    .query(({ ctx, input }) => listDocuments(ctx.db, ctx.userId, input)),
  byId: protectedProcedure
    .input(zDocumentIdInput)
    .output(zDocumentDetail)
    .query(({ ctx, input }) => getDocument(ctx.db, ctx.userId, input.id)),
  rename: protectedProcedure
    .input(zRenameDocumentInput)
    .output(zId)
    .mutation(({ ctx, input }) => renameDocument(ctx.db, ctx.userId, input)),
  setMode: protectedProcedure
    .input(zSetDocumentModeInput)
    .output(zSetDocumentModeOutput)
    .mutation(({ ctx, input }) => setDocumentMode(ctx.db, ctx.publish, ctx.userId, input)),
  setGuestsMaySuggest: protectedProcedure
    .input(zSetGuestsMaySuggestInput)
    .output(zSetGuestsMaySuggestOutput)
    .mutation(({ ctx, input }) => setGuestsMaySuggest(ctx.db, ctx.publish, ctx.userId, input)),
});
