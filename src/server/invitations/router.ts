import { z } from "zod";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "@/server/api/trpc";
import { zRole } from "@/server/groups/schemas";
import { acceptInvitation, previewInvitation } from "@/server/invitations/accept";
import { createInvitations } from "@/server/invitations/create";
import { listAssignableRoles, listPendingInvitations, resendInvitation, revokeInvitation } from "@/server/invitations/manage";
import {
  zAcceptInvitationInput,
  zAcceptInvitationResult,
  zCreateInvitationsInput,
  zCreateInvitationsResult,
  zGroupIdInput,
  zInvitationIdInput,
  zInvitationPage,
  zInvitationPreview,
  zListInvitationsInput,
  zResentInvitation,
  zTokenInput,
} from "@/server/invitations/schemas";

export const invitationRouter = createTRPCRouter({
  create: protectedProcedure
    .input(zCreateInvitationsInput)
    .output(zCreateInvitationsResult)
    .mutation(({ ctx, input }) => createInvitations(ctx.db, ctx.userId, input)),
  assignableRoles: protectedProcedure
    .input(zGroupIdInput)
    .output(z.array(zRole))
    .query(({ ctx, input }) => listAssignableRoles(ctx.db, ctx.userId, input.groupId)),
  list: protectedProcedure
    .input(zListInvitationsInput)
    .output(zInvitationPage)
    .query(({ ctx, input }) => listPendingInvitations(ctx.db, ctx.userId, input)),
  revoke: protectedProcedure
    .input(zInvitationIdInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => revokeInvitation(ctx.db, ctx.userId, input.id)),
  resend: protectedProcedure
    .input(zInvitationIdInput)
    .output(zResentInvitation)
    .mutation(({ ctx, input }) => resendInvitation(ctx.db, ctx.userId, input.id)),
  preview: publicProcedure
    .input(zTokenInput)
    .output(zInvitationPreview)
    .query(({ ctx, input }) => previewInvitation(ctx.db, ctx.userId, input.token)),
  accept: publicProcedure
    .input(zAcceptInvitationInput)
    .output(zAcceptInvitationResult)
    .mutation(({ ctx, input }) => acceptInvitation(ctx.db, ctx.publish, ctx.userId, input)),
});
