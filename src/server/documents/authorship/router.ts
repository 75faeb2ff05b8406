import { protectedProcedure } from "@/server/api/trpc";
import { zAuthorship, zAuthorshipInput } from "@/server/documents/authorship/schemas";
import { documentAuthorship } from "@/server/documents/authorship/service";

/** "Who wrote this": spread into the `document` router. */
export const documentAuthorshipProcedures = {
  authorship: protectedProcedure
    .input(zAuthorshipInput)
    .output(zAuthorship)
    .query(({ ctx, input }) => documentAuthorship(ctx.db, ctx.userId, input)),
};
