import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { createResource } from "@/server/resources/create";
import { getResource } from "@/server/resources/detail";
import { addResourceVersion, deleteResource, publishResource, updateResource } from "@/server/resources/edit";
import { libraryInfo, listResources } from "@/server/resources/list";
import {
  zAddVersionInput,
  zCreateResourceInput,
  zGroupIdInput,
  zLibraryInfo,
  zListResourcesInput,
  zResourceDetail,
  zResourceIdInput,
  zResourceList,
  zResourceRef,
  zUpdateResourceInput,
} from "@/server/resources/schemas";

export const resourceRouter = createTRPCRouter({
  create: protectedProcedure
    .input(zCreateResourceInput)
    .output(zResourceRef)
    .mutation(({ ctx, input }) => createResource(ctx.db, ctx.publish, ctx.userId, input)),
  list: protectedProcedure
    .input(zListResourcesInput)
    .output(zResourceList)
    .query(({ ctx, input }) => listResources(ctx.db, ctx.userId, input)),
  library: protectedProcedure
    .input(zGroupIdInput)
    .output(zLibraryInfo)
    .query(({ ctx, input }) => libraryInfo(ctx.db, ctx.userId, input.groupId)),
  byId: protectedProcedure
    .input(zResourceIdInput)
    .output(zResourceDetail)
    .query(({ ctx, input }) => getResource(ctx.db, ctx.userId, input.id)),
  update: protectedProcedure
    .input(zUpdateResourceInput)
    .output(zResourceRef)
    .mutation(({ ctx, input }) => updateResource(ctx.db, ctx.publish, ctx.userId, input)),
  addVersion: protectedProcedure
    .input(zAddVersionInput)
    .output(z.object({ id: z.string(), number: z.number().int() }))
    .mutation(({ ctx, input }) => addResourceVersion(ctx.db, ctx.publish, ctx.userId, input)),
  publish: protectedProcedure
    .input(zResourceIdInput)
    .output(zResourceRef)
    .mutation(({ ctx, input }) => publishResource(ctx.db, ctx.publish, ctx.userId, input.id)),
  delete: protectedProcedure
    .input(zResourceIdInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteResource(ctx.db, ctx.publish, ctx.userId, input.id)),
});
