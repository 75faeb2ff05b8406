import { createTRPCRouter, publicProcedure } from "@/server/api/trpc";
import { zUnsubscribeInput, zUnsubscribeState } from "@/server/notifications/schemas";
import { confirmUnsubscribe, previewUnsubscribe } from "@/server/notifications/unsubscribe";

/** Public on purpose: the signed token in the email is the proof, so unsubscribing needs no sign-in. */
export const unsubscribeRouter = createTRPCRouter({
  preview: publicProcedure
    .input(zUnsubscribeInput)
    .output(zUnsubscribeState)
    .query(({ ctx, input }) => previewUnsubscribe(ctx.db, input.token)),
  confirm: publicProcedure
    .input(zUnsubscribeInput)
    .output(zUnsubscribeState)
    .mutation(({ ctx, input }) => confirmUnsubscribe(ctx.db, input.token)),
});
