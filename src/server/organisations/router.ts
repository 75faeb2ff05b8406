import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import {
  zCreateOrganisationInput,
  zOrganisation,
  zOrganisationListInput,
  zOrganisationPage,
  zUpdateOrganisationInput,
} from "@/server/organisations/schemas";
import { createOrganisation, listOrganisations, updateOrganisation } from "@/server/organisations/service";

export const organisationRouter = createTRPCRouter({
  list: protectedProcedure
    .input(zOrganisationListInput)
    .output(zOrganisationPage)
    .query(({ ctx, input }) => listOrganisations(ctx.db, ctx.userId, input)),
  create: protectedProcedure
    .input(zCreateOrganisationInput)
    .output(zOrganisation)
    .mutation(({ ctx, input }) => createOrganisation(ctx.db, ctx.userId, input)),
  update: protectedProcedure
    .input(zUpdateOrganisationInput)
    .output(zOrganisation)
    .mutation(({ ctx, input }) => updateOrganisation(ctx.db, ctx.userId, input)),
});
