import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { linkStakeholders, saveStakeholderLayout, unlinkStakeholders } from "@/server/stakeholders/links";
import { listStakeholders } from "@/server/stakeholders/list";
import {
  zDeletedId,
  zLinkStakeholdersInput,
  zStakeholderDto,
  zStakeholderGroupInput,
  zStakeholderIdInput,
  zStakeholderLayoutInput,
  zStakeholderLayoutResult,
  zStakeholderLinkDto,
  zStakeholderMap,
  zUpsertStakeholderInput,
} from "@/server/stakeholders/schemas";
import { deleteStakeholder, upsertStakeholder } from "@/server/stakeholders/write";

export const stakeholderRouter = createTRPCRouter({
  list: protectedProcedure
    .input(zStakeholderGroupInput)
    .output(zStakeholderMap)
    .query(({ ctx, input }) => listStakeholders(ctx.db, ctx.userId, input.groupId)),
  upsert: protectedProcedure
    .input(zUpsertStakeholderInput)
    .output(zStakeholderDto)
    .mutation(({ ctx, input }) => upsertStakeholder(ctx.db, ctx.publish, ctx.userId, input)),
  delete: protectedProcedure
    .input(zStakeholderIdInput)
    .output(zDeletedId)
    .mutation(({ ctx, input }) => deleteStakeholder(ctx.db, ctx.publish, ctx.userId, input.id)),
  link: protectedProcedure
    .input(zLinkStakeholdersInput)
    .output(zStakeholderLinkDto)
    .mutation(({ ctx, input }) => linkStakeholders(ctx.db, ctx.publish, ctx.userId, input)),
  unlink: protectedProcedure
    .input(zStakeholderIdInput)
    .output(zDeletedId)
    .mutation(({ ctx, input }) => unlinkStakeholders(ctx.db, ctx.publish, ctx.userId, input.id)),
  layout: protectedProcedure
    .input(zStakeholderLayoutInput)
    .output(zStakeholderLayoutResult)
    .mutation(({ ctx, input }) => saveStakeholderLayout(ctx.db, ctx.publish, ctx.userId, input)),
});
