import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { zGroupSummary } from "@/server/groups/schemas";
import { listMyGroups } from "@/server/groups/service";

export const groupRouter = createTRPCRouter({
  list: protectedProcedure
    .input(z.void())
    .output(z.array(zGroupSummary))
    .query(({ ctx }) => listMyGroups(ctx.db, ctx.userId)),
});
