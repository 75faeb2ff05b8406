import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { getCharter } from "@/server/charter/get";
import {
  zApproveSignatureInput,
  zCharter,
  zGetCharterInput,
  zRequestSignatureInput,
  zSignatureResult,
  zUpdateCharterInput,
} from "@/server/charter/schemas";
import { approveSignature, requestSignature } from "@/server/charter/signatures";
import { updateCharter } from "@/server/charter/update";

export const charterRouter = createTRPCRouter({
  get: protectedProcedure
    .input(zGetCharterInput)
    .output(zCharter)
    .query(({ ctx, input }) => getCharter(ctx.db, ctx.userId, input)),
  update: protectedProcedure
    .input(zUpdateCharterInput)
    .output(zCharter)
    .mutation(({ ctx, input }) => updateCharter(ctx.db, ctx.publish, ctx.userId, input)),
  requestSignature: protectedProcedure
    .input(zRequestSignatureInput)
    .output(zSignatureResult)
    .mutation(({ ctx, input }) => requestSignature(ctx.db, ctx.publish, ctx.userId, input)),
  approveSignature: protectedProcedure
    .input(zApproveSignatureInput)
    .output(zSignatureResult)
    .mutation(({ ctx, input }) => approveSignature(ctx.db, ctx.publish, ctx.userId, input)),
});
