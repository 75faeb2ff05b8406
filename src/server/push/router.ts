import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { zPushSubscriptionResult, zSubscribePushInput, zUnsubscribePushInput } from "@/server/push/schemas";
import { subscribePush, unsubscribePush } from "@/server/push/subscriptions";

export const pushRouter = createTRPCRouter({
  subscribe: protectedProcedure
    .input(zSubscribePushInput)
    .output(zPushSubscriptionResult)
    .mutation(({ ctx, input }) => subscribePush(ctx.db, ctx.userId, input)),
  unsubscribe: protectedProcedure
    .input(zUnsubscribePushInput)
    .output(zPushSubscriptionResult)
    .mutation(({ ctx, input }) => unsubscribePush(ctx.db, ctx.userId, input)),
});
