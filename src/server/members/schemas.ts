import { z } from "zod";
import { zGroupId, zRole } from "@/server/groups/schemas";
import { zText } from "@/server/validation";

export const zUserId = z.string().min(1).max(64);

export const zMemberListInput = z.object({
  groupId: zGroupId,
  search: zText().trim().max(100, "Use at most 100 characters").optional(),
  organisationId: z.string().min(1).max(64).optional(),
  role: zRole.optional(),
  /** Null or absent for the first page (tRPC's infinite queries start from null). */
  cursor: z.string().max(64).nullish(),
});
export type MemberListInput = z.infer<typeof zMemberListInput>;

export const zMember = z.object({
  userId: z.string(),
  name: z.string(),
  /** Only group admins see other people's emails; null otherwise. */
  email: z.string().nullable(),
  organisation: z.object({ id: z.string(), name: z.string() }).nullable(),
  role: zRole,
  /** The start of the person's bio, for the directory. */
  bio: z.string(),
  avatarUrl: z.string().nullable(),
  joinedAt: z.date(),
  /**
   * Brought in by an import and never signed in: they have no password yet and need a sign-in
   * link (member.sendClaimLinks). Told only to those who may send one; false for everyone else.
   */
  unclaimed: z.boolean(),
});
export type Member = z.infer<typeof zMember>;

export const zMemberPage = z.object({ items: z.array(zMember), nextCursor: z.string().nullable() });
export type MemberPage = z.infer<typeof zMemberPage>;

export const zSetRoleInput = z.object({ groupId: zGroupId, userId: zUserId, role: zRole });
export type SetRoleInput = z.infer<typeof zSetRoleInput>;

export const zRemoveMemberInput = z.object({ groupId: zGroupId, userId: zUserId });
export type RemoveMemberInput = z.infer<typeof zRemoveMemberInput>;

export const zLeaveGroupInput = z.object({ groupId: zGroupId });

/** The groups the person is no longer in: the group itself and any of its subgroups. */
export const zLeftGroups = z.object({ groupIds: z.array(z.string()) });

export const zMembershipRole = z.object({ groupId: z.string(), userId: z.string(), role: zRole });

export const zSetOrganisationInput = z.object({ userId: zUserId, organisationId: z.string().min(1).max(64).nullable() });
export type SetOrganisationInput = z.infer<typeof zSetOrganisationInput>;

export const zPersonOrganisation = z.object({
  userId: z.string(),
  organisation: z.object({ id: z.string(), name: z.string() }).nullable(),
});

export const zSendClaimLinksInput = z.object({
  groupId: zGroupId,
  /** The people to send a link to; absent: every member of the group who has not signed in yet. */
  userIds: z.array(zUserId).min(1, "Choose at least one person").max(500, "Send to at most 500 people at once").optional(),
});
export type SendClaimLinksInput = z.infer<typeof zSendClaimLinksInput>;

const zClaimLinkPerson = z.object({ userId: z.string(), name: z.string() });
export const zClaimLinksResult = z.object({
  sent: z.array(zClaimLinkPerson),
  skipped: z.array(zClaimLinkPerson.extend({ reason: z.string() })),
  /** False when SMTP is not set up: the emails wait in the outbox. */
  emailSent: z.boolean(),
});
export type ClaimLinksResult = z.infer<typeof zClaimLinksResult>;

export const zUnclaimedCountInput = z.object({ groupId: zGroupId });
export const zUnclaimedCount = z.object({ count: z.number().int() });
