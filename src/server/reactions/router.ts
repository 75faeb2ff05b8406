import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { zReactionResult, zToggleReactionInput } from "@/server/comments/schemas";
import { toggleReaction } from "@/server/reactions/service";

export const reactionRouter = createTRPCRouter({
  toggle: protectedProcedure
    .input(zToggleReactionInput)
    .output(zReactionResult)
    .mutation(({ ctx, input }) => toggleReaction(ctx.db, ctx.publish, ctx.userId, input)),
});
