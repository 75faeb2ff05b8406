import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { zDashboard } from "@/server/dashboard/schemas";
import { getDashboard } from "@/server/dashboard/service";

export const dashboardRouter = createTRPCRouter({
  get: protectedProcedure
    .input(z.void())
    .output(zDashboard)
    .query(({ ctx }) => getDashboard(ctx.db, ctx.userId)),
});
