import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { getDecision } from "@/server/decisions/detail";
import { listDecisions } from "@/server/decisions/list";
import { zDecisionDetail, zDecisionIdInput, zDecisionList, zListDecisionsInput, zUpdateDecisionInput } from "@/server/decisions/schemas";
import { updateDecision } from "@/server/decisions/update";

export const decisionRouter = createTRPCRouter({
  list: protectedProcedure
    .input(zListDecisionsInput)
    .output(zDecisionList)
    .query(({ ctx, input }) => listDecisions(ctx.db, ctx.userId, input)),
  byId: protectedProcedure
    .input(zDecisionIdInput)
    .output(zDecisionDetail)
    .query(({ ctx, input }) => getDecision(ctx.db, ctx.userId, input.id)),
  update: protectedProcedure
    .input(zUpdateDecisionInput)
    .output(zDecisionDetail)
    .mutation(({ ctx, input }) => updateDecision(ctx.db, ctx.publish, ctx.userId, input)),
});
