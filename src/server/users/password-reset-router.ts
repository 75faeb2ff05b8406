import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "@/server/api/trpc";
import { completePasswordReset, requestPasswordReset } from "@/server/users/password-reset";
import { zOk, zPasswordResetCompleteInput, zPasswordResetRequestInput } from "@/server/users/schemas";

export const passwordResetRouter = createTRPCRouter({
  request: publicProcedure
    .input(zPasswordResetRequestInput)
    .output(zOk)
    .mutation(({ ctx, input }) => requestPasswordReset(ctx.db, input.email)),
  complete: publicProcedure
    .input(zPasswordResetCompleteInput)
    .output(z.object({ email: z.string() }))
    .mutation(({ ctx, input }) => completePasswordReset(ctx.db, ctx.publish, input)),
});
