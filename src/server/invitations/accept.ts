import { isUniqueViolation } from "@/server/db/unique-violation";
import { recordAudit, type AuditEntryInput } from "@/server/audit/record";
import { hashToken } from "@/server/auth/tokens";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import type { DbClient } from "@/server/groups/ancestry";
import type { GroupSummary } from "@/server/groups/schemas";
import { describeDate, invitedItem } from "@/server/invitations/mail";
import type {
  AcceptInvitationInput,
  AcceptInvitationResult,
  InvitationPreview,
  InvitationStatus,
} from "@/server/invitations/schemas";
import { addMembership } from "@/server/members/add-membership";
import { notify } from "@/server/notifications/notify";
import { hashPassword } from "@/server/users/password";

export const INVALID_LINK = "This invitation link is not valid.";

const invitationSelect = {
  id: true,
  groupId: true,
  email: true,
  role: true,
  message: true,
  threadId: true,
  documentId: true,
  invitedById: true,
  expiresAt: true,
  acceptedAt: true,
  revokedAt: true,
  group: { select: { id: true, name: true, handle: true } },
  invitedBy: { select: { name: true } },
} as const;

async function findByToken(db: Db, token: string) {
  const invitation = await db.invitation.findUnique({ where: { tokenHash: hashToken(token) }, select: invitationSelect });
  if (!invitation) throw new AppError("NOT_FOUND", INVALID_LINK);
  return invitation;
}

type Invitation = Awaited<ReturnType<typeof findByToken>>;

function statusOf(invitation: Pick<Invitation, "acceptedAt" | "revokedAt" | "expiresAt">, now = new Date()): InvitationStatus {
  if (invitation.acceptedAt) return "used";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt <= now) return "expired";
  return "valid";
}

/** What the invitation page shows before anyone decides; the token itself is the proof of being invited. */
export async function previewInvitation(db: Db, callerId: string | null, token: string): Promise<InvitationPreview> {
  const invitation = await findByToken(db, token);
  const [account, membership, invitedTo] = await Promise.all([
    db.user.findUnique({ where: { email: invitation.email }, select: { id: true } }),
    callerId
      ? db.membership.findUnique({ where: { userId_groupId: { userId: callerId, groupId: invitation.groupId } }, select: { id: true } })
      : null,
    invitedItem(db, invitation),
  ]);
  return {
    group: { name: invitation.group.name, handle: invitation.group.handle },
    inviterName: invitation.invitedBy.name,
    role: invitation.role,
    invitedTo,
    message: invitation.message,
    email: invitation.email,
    accountExists: account !== null,
    alreadyMember: membership !== null,
    status: statusOf(invitation),
  };
}

function assertUsable(invitation: Invitation): void {
  const inviter = invitation.invitedBy.name;
  switch (statusOf(invitation)) {
    case "used":
      throw new AppError("BAD_REQUEST", "This invitation has already been used. If it was you, sign in to open the group.");
    case "revoked":
      throw new AppError("BAD_REQUEST", `This invitation was revoked. If you still want to join, ask ${inviter} for a new one.`);
    case "expired":
      throw new AppError("BAD_REQUEST", `This invitation expired on ${describeDate(invitation.expiresAt)}. Ask ${inviter} to send a new one.`);
    case "valid":
      return;
  }
}

/**
 * Marks the invitation used by this person. The condition makes the claim atomic: of two
 * simultaneous accepts of one link, only one updates the row and the other writes nothing.
 */
async function claim(tx: DbClient, invitation: Invitation, userId: string): Promise<void> {
  const now = new Date();
  const { count } = await tx.invitation.updateMany({
    where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now, acceptedById: userId },
  });
  if (count === 0) throw new AppError("CONFLICT", "This invitation has just been used or revoked.");
}

/** The audit entry of a guest let into one thread or document by accepting their invitation. */
function guestEntry(invitation: Invitation, userId: string, subject: { type: "thread" | "document"; id: string; label: string }): AuditEntryInput {
  return { groupId: invitation.groupId, actorId: userId, action: "guest.access_granted", subject, after: { invitedBy: invitation.invitedBy.name } };
}

async function join(tx: DbClient, invitation: Invitation, userId: string): Promise<GroupSummary[]> {
  await claim(tx, invitation, userId);
  const joined = await addMembership(tx, {
    userId,
    groupId: invitation.groupId,
    role: invitation.role,
    invitedById: invitation.invitedById,
  });
  if (invitation.role === "guest" && invitation.threadId) {
    const thread = await tx.thread.findFirst({ where: { id: invitation.threadId, groupId: invitation.groupId }, select: { id: true, title: true } });
    if (thread) {
      await tx.threadGuest.create({ data: { threadId: thread.id, userId } });
      await recordAudit(tx, guestEntry(invitation, userId, { type: "thread", id: thread.id, label: thread.title }));
    }
  }
  if (invitation.role === "guest" && invitation.documentId) {
    const document = await tx.document.findFirst({ where: { id: invitation.documentId, groupId: invitation.groupId }, select: { id: true, title: true } });
    if (document) {
      await tx.documentGuest.create({ data: { documentId: document.id, userId } });
      await recordAudit(tx, guestEntry(invitation, userId, { type: "document", id: document.id, label: document.title }));
    }
  }
  return joined;
}

async function acceptAsSignedIn(db: Db, invitation: Invitation, userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) throw new AppError("UNAUTHORIZED", "Your account no longer exists. Please sign in again.");
  const joined = await db.$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({
      where: { userId_groupId: { userId, groupId: invitation.groupId } },
      select: { id: true },
    });
    if (membership) throw new AppError("CONFLICT", `You are already a member of ${invitation.group.name}.`);
    return join(tx, invitation, userId);
  });
  return { joined, userId, email: user.email, accountCreated: false };
}

async function acceptWithNewAccount(db: Db, invitation: Invitation, input: AcceptInvitationInput) {
  const existing = await db.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  if (existing) throw new AppError("BAD_REQUEST", "You already have an account: sign in, then open the link again.");
  const { name, password } = input;
  if (!name || !password) {
    throw new AppError("BAD_REQUEST", "Enter your name and choose a password to create your account.");
  }
  const passwordHash = await hashPassword(password);
  const { joined, userId } = await db.$transaction(async (tx) => {
    const taken = await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
    if (taken) throw new AppError("CONFLICT", "This invitation has just been used or revoked.");
    // Two submissions at once both find the address free; the unique index refuses the second.
    const user = await tx.user
      .create({ data: { name, email: invitation.email, passwordHash }, select: { id: true } })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw new AppError("CONFLICT", "This invitation has just been used or revoked.");
        throw error;
      });
    return { joined: await join(tx, invitation, user.id), userId: user.id };
  });
  return { joined, userId, email: invitation.email, accountCreated: true };
}

/**
 * Accepts an invitation: for the signed-in caller (whatever their address: people often use
 * another one), or by creating the account of the invited address when signed out. The account,
 * the claim of the invitation and the memberships are one transaction, so a failure writes nothing.
 */
export async function acceptInvitation(
  db: Db,
  publish: Publish,
  callerId: string | null,
  input: AcceptInvitationInput,
): Promise<AcceptInvitationResult> {
  const invitation = await findByToken(db, input.token);
  assertUsable(invitation);
  const outcome = callerId
    ? await acceptAsSignedIn(db, invitation, callerId)
    : await acceptWithNewAccount(db, invitation, input);
  for (const group of outcome.joined) {
    publish({ name: "membership.added", room: `user:${outcome.userId}`, payload: { userId: outcome.userId, group } });
  }
  await notify(db, publish, {
    recipients: [invitation.invitedById],
    kind: "invitation_accepted",
    actorId: outcome.userId,
    groupId: invitation.groupId,
    title: invitation.group.name,
    url: `/groups/${invitation.group.handle}/members`,
  });
  return { group: invitation.group, accountCreated: outcome.accountCreated, email: outcome.email };
}
