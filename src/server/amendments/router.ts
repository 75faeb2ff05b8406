import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { createAmendment } from "@/server/amendments/create";
import { listAmendments } from "@/server/amendments/list";
import {
  zAmendmentList,
  zAmendmentRef,
  zCreateAmendmentInput,
  zDecidedTogether,
  zDecideTogetherInput,
  zListAmendmentsInput,
} from "@/server/amendments/schemas";
import { decideTogether } from "@/server/amendments/together";

export const amendmentRouter = createTRPCRouter({
  create: protectedProcedure
    .input(zCreateAmendmentInput)
    .output(zAmendmentRef)
    .mutation(({ ctx, input }) => createAmendment(ctx.db, ctx.publish, ctx.userId, input)),
  decideTogether: protectedProcedure
    .input(zDecideTogetherInput)
    .output(zDecidedTogether)
    .mutation(({ ctx, input }) => decideTogether(ctx.db, ctx.publish, ctx.userId, input)),
  list: protectedProcedure
    .input(zListAmendmentsInput)
    .output(zAmendmentList)
    .query(({ ctx, input }) => listAmendments(ctx.db, ctx.userId, input.documentId)),
});
