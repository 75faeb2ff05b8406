import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { zOutboxListInput, zOutboxMessage, zOutboxPage, zOutboxRetryInput } from "@/server/outbox/schemas";
import { listOutbox, retryOutboxMessage } from "@/server/outbox/service";

export const outboxRouter = createTRPCRouter({
  list: protectedProcedure
    .input(zOutboxListInput)
    .output(zOutboxPage)
    .query(({ ctx, input }) => listOutbox(ctx.db, ctx.userId, input.cursor)),
  retry: protectedProcedure
    .input(zOutboxRetryInput)
    .output(zOutboxMessage)
    .mutation(({ ctx, input }) => retryOutboxMessage(ctx.db, ctx.userId, input.id)),
});
