import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { zAckInput, zAckStatus } from "@/server/acks/schemas";
import { confirmAck, getAckStatus, requestAck } from "@/server/acks/service";

export const ackRouter = createTRPCRouter({
  request: protectedProcedure
    .input(zAckInput)
    .output(zAckStatus)
    .mutation(({ ctx, input }) => requestAck(ctx.db, ctx.publish, ctx.userId, input)),
  confirm: protectedProcedure
    .input(zAckInput)
    .output(zAckStatus)
    .mutation(({ ctx, input }) => confirmAck(ctx.db, ctx.publish, ctx.userId, input)),
  status: protectedProcedure
    .input(zAckInput)
    .output(zAckStatus)
    .query(({ ctx, input }) => getAckStatus(ctx.db, ctx.publish, ctx.userId, input)),
});
