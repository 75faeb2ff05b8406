import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { threadInitiatives, listInitiatives } from "@/server/initiatives/list";
import {
  zCreateInitiativeInput,
  zInitiativeIdInput,
  zInitiativeList,
  zInitiativeRef,
  zListInitiativesInput,
  zThreadInitiatives,
  zThreadInitiativesInput,
  zUpdateInitiativeInput,
} from "@/server/initiatives/schemas";
import { createInitiative, deleteInitiative, updateInitiative } from "@/server/initiatives/write";

export const initiativeRouter = createTRPCRouter({
  list: protectedProcedure
    .input(zListInitiativesInput)
    .output(zInitiativeList)
    .query(({ ctx, input }) => listInitiatives(ctx.db, ctx.userId, input)),
  forThread: protectedProcedure
    .input(zThreadInitiativesInput)
    .output(zThreadInitiatives)
    .query(({ ctx, input }) => threadInitiatives(ctx.db, ctx.userId, input.threadId)),
  create: protectedProcedure
    .input(zCreateInitiativeInput)
    .output(zInitiativeRef)
    .mutation(({ ctx, input }) => createInitiative(ctx.db, ctx.publish, ctx.userId, input)),
  update: protectedProcedure
    .input(zUpdateInitiativeInput)
    .output(zInitiativeRef)
    .mutation(({ ctx, input }) => updateInitiative(ctx.db, ctx.publish, ctx.userId, input)),
  delete: protectedProcedure
    .input(zInitiativeIdInput)
    .output(zInitiativeRef)
    .mutation(({ ctx, input }) => deleteInitiative(ctx.db, ctx.publish, ctx.userId, input.id)),
});
