import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { createGroup } from "@/server/groups/create";
import { getGroupDetail } from "@/server/groups/detail";
import {
  zCreateGroupInput,
  zGroupByHandleInput,
  zGroupByIdInput,
  zGroupDetail,
  zGroupSummary,
  zUpdateGroupInput,
} from "@/server/groups/schemas";
import { listMyGroups } from "@/server/groups/service";
import { updateGroup } from "@/server/groups/update";

export const groupRouter = createTRPCRouter({
  list: protectedProcedure
    .input(z.void())
    .output(z.array(zGroupSummary))
    .query(({ ctx }) => listMyGroups(ctx.db, ctx.userId)),
  byId: protectedProcedure
    .input(zGroupByIdInput)
    .output(zGroupDetail)
    .query(({ ctx, input }) => getGroupDetail(ctx.db, ctx.userId, { id: input.id })),
  byHandle: protectedProcedure
    .input(zGroupByHandleInput)
    .output(zGroupDetail)
    .query(({ ctx, input }) => getGroupDetail(ctx.db, ctx.userId, { handle: input.handle })),
  create: protectedProcedure
    .input(zCreateGroupInput)
    .output(zGroupSummary)
    .mutation(({ ctx, input }) => createGroup(ctx.db, ctx.publish, ctx.userId, input)),
  update: protectedProcedure
    .input(zUpdateGroupInput)
    .output(zGroupDetail)
    .mutation(({ ctx, input }) => updateGroup(ctx.db, ctx.userId, input)),
});
