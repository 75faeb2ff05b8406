import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { zOutboxListInput, zOutboxPage } from "@/server/outbox/schemas";
import { listOutbox } from "@/server/outbox/service";

export const outboxRouter = createTRPCRouter({
  list: protectedProcedure
    .input(zOutboxListInput)
    .output(zOutboxPage)
    .query(({ ctx, input }) => listOutbox(ctx.db, ctx.userId, input.cursor)),
});
