import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { countUnclaimed, sendClaimLinks } from "@/server/members/claim-links";
import { leaveGroup, removeMember } from "@/server/members/remove";
import { listMembers } from "@/server/members/list";
import {
  zClaimLinksResult,
  zLeaveGroupInput,
  zLeftGroups,
  zMemberListInput,
  zMemberPage,
  zMembershipRole,
  zPersonOrganisation,
  zRemoveMemberInput,
  zSendClaimLinksInput,
  zSetOrganisationInput,
  zSetRoleInput,
  zUnclaimedCount,
  zUnclaimedCountInput,
} from "@/server/members/schemas";
import { setOrganisation } from "@/server/members/set-organisation";
import { setMemberRole } from "@/server/members/set-role";

export const memberRouter = createTRPCRouter({
  list: protectedProcedure
    .input(zMemberListInput)
    .output(zMemberPage)
    .query(({ ctx, input }) => listMembers(ctx.db, ctx.userId, input)),
  setRole: protectedProcedure
    .input(zSetRoleInput)
    .output(zMembershipRole)
    .mutation(({ ctx, input }) => setMemberRole(ctx.db, ctx.publish, ctx.userId, input)),
  remove: protectedProcedure
    .input(zRemoveMemberInput)
    .output(zLeftGroups)
    .mutation(({ ctx, input }) => removeMember(ctx.db, ctx.publish, ctx.userId, input)),
  leave: protectedProcedure
    .input(zLeaveGroupInput)
    .output(zLeftGroups)
    .mutation(({ ctx, input }) => leaveGroup(ctx.db, ctx.publish, ctx.userId, input.groupId)),
  setOrganisation: protectedProcedure
    .input(zSetOrganisationInput)
    .output(zPersonOrganisation)
    .mutation(({ ctx, input }) => setOrganisation(ctx.db, ctx.userId, input)),
  unclaimedCount: protectedProcedure
    .input(zUnclaimedCountInput)
    .output(zUnclaimedCount)
    .query(({ ctx, input }) => countUnclaimed(ctx.db, ctx.userId, input.groupId)),
  sendClaimLinks: protectedProcedure
    .input(zSendClaimLinksInput)
    .output(zClaimLinksResult)
    .mutation(({ ctx, input }) => sendClaimLinks(ctx.db, ctx.userId, input)),
});
