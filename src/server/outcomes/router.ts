import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { zOutcomePollInput, zOutcomeSeenBy, zOutcomeSeenMark } from "@/server/outcomes/schemas";
import { getOutcomeSeenBy, markOutcomeSeen } from "@/server/outcomes/seen-by";

export const outcomeRouter = createTRPCRouter({
  markSeen: protectedProcedure
    .input(zOutcomePollInput)
    .output(zOutcomeSeenMark)
    .mutation(({ ctx, input }) => markOutcomeSeen(ctx.db, ctx.userId, input.pollId)),
  seenBy: protectedProcedure
    .input(zOutcomePollInput)
    .output(zOutcomeSeenBy)
    .query(({ ctx, input }) => getOutcomeSeenBy(ctx.db, ctx.userId, input.pollId)),
});
