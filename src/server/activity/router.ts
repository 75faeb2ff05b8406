import { listActivity } from "@/server/activity/list";
import { zActivityPage, zListActivityInput } from "@/server/activity/schemas";
import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";

export const activityRouter = createTRPCRouter({
  list: protectedProcedure
    .input(zListActivityInput)
    .output(zActivityPage)
    .query(({ ctx, input }) => listActivity(ctx.db, ctx.userId, input)),
});
