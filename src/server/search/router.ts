import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { searchQuery } from "@/server/search/query";
import { zSearchPage, zSearchQueryInput } from "@/server/search/schemas";

export const searchRouter = createTRPCRouter({
  query: protectedProcedure
    .input(zSearchQueryInput)
    .output(zSearchPage)
    .query(({ ctx, input }) => searchQuery(ctx.db, ctx.userId, input)),
});
