import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { leaveGroup, removeMember } from "@/server/members/remove";
import { listMembers } from "@/server/members/list";
import {
  zLeaveGroupInput,
  zLeftGroups,
  zMemberListInput,
  zMemberPage,
  zMembershipRole,
  zPersonOrganisation,
  zRemoveMemberInput,
  zSetOrganisationInput,
  zSetRoleInput,
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
});
