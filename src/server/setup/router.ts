import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "@/server/api/trpc";
import { zCreateAdminInput, zSetupStatus } from "@/server/setup/schemas";
import { createFirstAdmin, needsFirstAdmin } from "@/server/setup/service";

export const setupRouter = createTRPCRouter({
  status: publicProcedure
    .input(z.void())
    .output(zSetupStatus)
    .query(async ({ ctx }) => ({ needsAdmin: await needsFirstAdmin(ctx.db) })),
  createAdmin: publicProcedure
    .input(zCreateAdminInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => createFirstAdmin(ctx.db, input)),
});
