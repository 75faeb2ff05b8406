import { isEmailAddress } from "@/lib/email-list";
import { recordAudit } from "@/server/audit/record";
import { newToken } from "@/server/auth/tokens";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { requireInGroup } from "@/server/groups/standing";
import type { CreateInvitationsInput, CreateInvitationsResult } from "@/server/invitations/schemas";
import { INVITATION_LIFETIME_MS, invitationLink, invitedItem, sendInvitationEmail } from "@/server/invitations/mail";
import { isSmtpConfigured } from "@/server/mail/service";
import { assignableRoles } from "@/server/policy";

export const SKIP_REASONS: Record<"invalid" | "member" | "invited", string> = {
  invalid: "not an email address",
  member: "already a member",
  invited: "already invited — resend it instead",
};

/**
 * Invites a list of addresses to a group. Addresses that are not email addresses, members and
 * addresses with a pending invitation are skipped with a reason (one typo must not hold back the
 * rest); the others get a single-use link (only its hash is kept) by email, and the links are
 * returned so the inviter can pass them on when email is not set up.
 */
export async function createInvitations(db: Db, inviterId: string, input: CreateInvitationsInput): Promise<CreateInvitationsResult> {
  const standing = await requireInGroup(db, inviterId, input.groupId, "invitation.create");
  if (!assignableRoles(standing).includes(input.role)) {
    throw new AppError("FORBIDDEN", `You cannot invite people as ${input.role}s in this group.`);
  }
  if (input.threadId) await requireThreadInGroup(db, input.threadId, input.groupId);
  if (input.documentId) await requireDocumentInGroup(db, input.documentId, input.groupId);
  const invitedTo = await invitedItem(db, {
    role: input.role,
    threadId: input.threadId ?? null,
    documentId: input.documentId ?? null,
    groupId: input.groupId,
  });

  const expiresAt = new Date(Date.now() + INVITATION_LIFETIME_MS);
  const emails = input.emails.filter(isEmailAddress);
  const { created, skipped, group, inviter } = await db.$transaction(async (tx) => {
    const [members, pending, group, inviter] = await Promise.all([
      tx.membership.findMany({
        where: { groupId: input.groupId, user: { email: { in: emails } } },
        select: { user: { select: { email: true } } },
      }),
      tx.invitation.findMany({
        where: { groupId: input.groupId, email: { in: emails }, acceptedAt: null, revokedAt: null },
        select: { email: true },
      }),
      tx.group.findUniqueOrThrow({ where: { id: input.groupId }, select: { name: true } }),
      tx.user.findUniqueOrThrow({ where: { id: inviterId }, select: { name: true } }),
    ]);
    const memberEmails = new Set(members.map(({ user }) => user.email));
    const invitedEmails = new Set(pending.map(({ email }) => email));
    const skipped = input.emails.flatMap((email): { email: string; reason: string }[] =>
      !isEmailAddress(email)
        ? [{ email, reason: SKIP_REASONS.invalid }]
        : memberEmails.has(email)
          ? [{ email, reason: SKIP_REASONS.member }]
          : invitedEmails.has(email)
            ? [{ email, reason: SKIP_REASONS.invited }]
            : [],
    );
    const fresh = emails.filter((email) => !memberEmails.has(email) && !invitedEmails.has(email));
    if (fresh.length === 0) {
      throw new AppError("BAD_REQUEST", `Nobody new to invite: ${skipped.map(({ email, reason }) => `${email} is ${reason}`).join("; ")}.`);
    }
    const tokens = fresh.map((email) => ({ email, ...newToken() }));
    const rows = await tx.invitation.createManyAndReturn({
      data: tokens.map(({ email, hash }) => ({
        groupId: input.groupId,
        email,
        role: input.role,
        message: input.message ?? "",
        threadId: input.threadId ?? null,
        documentId: input.documentId ?? null,
        tokenHash: hash,
        invitedById: inviterId,
        expiresAt,
      })),
      select: { id: true, email: true, tokenHash: true },
    });
    const idByHash = new Map(rows.map((row) => [row.tokenHash, row.id]));
    const created = tokens.map(({ email, token, hash }) => ({ id: idByHash.get(hash)!, email, token }));
    await recordAudit(
      tx,
      created.map(({ id, email }) => ({
        groupId: input.groupId,
        actorId: inviterId,
        action: "invitation.sent" as const,
        subject: { type: "invitation" as const, id, label: email },
        after: { role: input.role, ...(invitedTo && { to: `the ${invitedTo.kind} “${invitedTo.title}”` }) },
      })),
    );
    return { created, skipped, group, inviter };
  });

  await Promise.all(
    created.map(({ email, token }) =>
      sendInvitationEmail(db, {
        email,
        token,
        role: input.role,
        message: input.message ?? "",
        expiresAt,
        groupName: group.name,
        inviterName: inviter.name,
        invitedTo,
      }),
    ),
  );
  return {
    invitations: created.map(({ id, email, token }) => ({ id, email, link: invitationLink(token), expiresAt })),
    skipped,
    emailSent: isSmtpConfigured(),
  };
}

async function requireThreadInGroup(db: Db, threadId: string, groupId: string): Promise<void> {
  const thread = await db.thread.findFirst({ where: { id: threadId, groupId }, select: { id: true } });
  if (!thread) throw new AppError("BAD_REQUEST", "That discussion is not in this group.");
}

async function requireDocumentInGroup(db: Db, documentId: string, groupId: string): Promise<void> {
  const document = await db.document.findFirst({ where: { id: documentId, groupId }, select: { id: true } });
  if (!document) throw new AppError("BAD_REQUEST", "That document is not in this group.");
}
