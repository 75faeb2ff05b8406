import { protectedProcedure } from "@/server/api/trpc";
import { proposeAdoption } from "@/server/documents/versions/adoption";
import {
  zDiffInput,
  zDiffResult,
  zVersionListInput,
  zNameVersionInput,
  zProposalRef,
  zProposeAdoptionInput,
  zVersionActionInput,
  zVersionList,
  zVersionRef,
} from "@/server/documents/versions/schemas";
import { diffVersions, listVersions, nameVersion, restoreVersion } from "@/server/documents/versions/service";

/** Versions, diffs, restore and adoption: spread into the `document` router. */
export const documentVersionProcedures = {
  versions: protectedProcedure
    .input(zVersionListInput)
    .output(zVersionList)
    .query(({ ctx, input }) => listVersions(ctx.db, ctx.userId, input)),
  nameVersion: protectedProcedure
    .input(zNameVersionInput)
    .output(zVersionRef)
    .mutation(({ ctx, input }) => nameVersion(ctx.db, ctx.userId, input)),
  diff: protectedProcedure
    .input(zDiffInput)
    .output(zDiffResult)
    .query(({ ctx, input }) => diffVersions(ctx.db, ctx.userId, input)),
  restore: protectedProcedure
    .input(zVersionActionInput)
    .output(zVersionRef)
    .mutation(({ ctx, input }) => restoreVersion(ctx.db, ctx.publish, ctx.userId, input)),
  proposeAdoption: protectedProcedure
    .input(zProposeAdoptionInput)
    .output(zProposalRef)
    .mutation(({ ctx, input }) => proposeAdoption(ctx.db, ctx.publish, ctx.userId, input)),
};
