import { z } from "zod";
import { MAX_INVITES_AT_ONCE, normaliseEmails } from "@/lib/email-list";
import { zRole } from "@/server/groups/schemas";
import { zNewPassword, zPersonName } from "@/server/users/schemas";
import { zText } from "@/server/validation";

/**
 * Addresses as typed or pasted: normalised and de-duplicated. One mistyped address must not
 * refuse the whole list, so invalid ones pass here and the service returns them as not sent.
 */
const zInviteEmails = z
  .array(z.string().max(320, "Each address can be at most 254 characters"))
  .min(1, "Enter at least one email address")
  .max(MAX_INVITES_AT_ONCE, `Invite at most ${MAX_INVITES_AT_ONCE} people at once`)
  .transform(normaliseEmails)
  .superRefine((emails, context) => {
    if (emails.length === 0) context.addIssue({ code: "custom", message: "Enter at least one email address" });
  });

const zPersonalMessage = zText().trim().max(2_000, "Keep the message to 2,000 characters");
const zToken = z.string().min(1).max(200);
const zId = z.string().min(1).max(100);

export const zCreateInvitationsInput = z.object({
  groupId: zId,
  emails: zInviteEmails,
  role: zRole,
  message: zPersonalMessage.optional(),
  threadId: zId.optional(),
  /** For guests: a document of the group they are invited to read. */
  documentId: zId.optional(),
});
export type CreateInvitationsInput = z.infer<typeof zCreateInvitationsInput>;

export const zCreatedInvitation = z.object({ id: z.string(), email: z.string(), link: z.string(), expiresAt: z.date() });

export const zCreateInvitationsResult = z.object({
  invitations: z.array(zCreatedInvitation),
  /** Addresses not invited, with why: "not an email address", "already a member", "already invited — resend it instead". */
  skipped: z.array(z.object({ email: z.string(), reason: z.string() })),
  /** False when SMTP is not set up: the inviter has to pass the links on themselves. */
  emailSent: z.boolean(),
});
export type CreateInvitationsResult = z.infer<typeof zCreateInvitationsResult>;

export const zGroupIdInput = z.object({ groupId: zId });
export const zListInvitationsInput = z.object({ groupId: zId, cursor: zId.optional() });
export const zInvitationIdInput = z.object({ id: zId });
export const zTokenInput = z.object({ token: zToken });

export const zPendingInvitation = z.object({
  id: z.string(),
  email: z.string(),
  role: zRole,
  invitedBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.date(),
  expiresAt: z.date(),
  lastSentAt: z.date(),
  sentCount: z.number().int(),
  /** What became of the latest email with the link: waiting in the outbox, delivered, given up on, or none queued. */
  delivery: z.enum(["queued", "sent", "failed", "none"]),
  status: z.enum(["pending", "expired"]),
});
export type PendingInvitation = z.infer<typeof zPendingInvitation>;

export const zInvitationPage = z.object({ items: z.array(zPendingInvitation), nextCursor: z.string().nullable() });

export const zResentInvitation = z.object({ id: z.string(), link: z.string(), expiresAt: z.date(), emailSent: z.boolean() });

export const zInvitationStatus = z.enum(["valid", "expired", "revoked", "used"]);
export type InvitationStatus = z.infer<typeof zInvitationStatus>;

export const zInvitationPreview = z.object({
  group: z.object({ name: z.string(), handle: z.string() }),
  inviterName: z.string(),
  role: zRole,
  /** For a guest: the thread they are invited to join or the document to read, which the page names. */
  invitedTo: z.object({ kind: z.enum(["thread", "document"]), title: z.string() }).nullable(),
  message: z.string(),
  email: z.string(),
  /** Whether the invited address already has an account, so the page offers sign-in instead of sign-up. */
  accountExists: z.boolean(),
  /** Whether the signed-in caller already belongs to the group (false when signed out). */
  alreadyMember: z.boolean(),
  status: zInvitationStatus,
});
export type InvitationPreview = z.infer<typeof zInvitationPreview>;

export const zAcceptInvitationInput = z.object({
  token: zToken,
  name: zPersonName.optional(),
  password: zNewPassword.optional(),
});
export type AcceptInvitationInput = z.infer<typeof zAcceptInvitationInput>;

export const zAcceptInvitationResult = z.object({
  group: z.object({ id: z.string(), name: z.string(), handle: z.string() }),
  /** True when the invitation created the account: the page then signs the person in with their new password. */
  accountCreated: z.boolean(),
  /** The address of the account that joined, for signing in after an account was created. */
  email: z.string(),
});
export type AcceptInvitationResult = z.infer<typeof zAcceptInvitationResult>;
