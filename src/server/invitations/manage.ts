import { recordAudit } from "@/server/audit/record";
import { newToken } from "@/server/auth/tokens";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { getStanding, requireInGroup } from "@/server/groups/standing";
import { INVITATION_LIFETIME_MS, invitationLink, invitedItem, sendInvitationEmail } from "@/server/invitations/mail";
import type { PendingInvitation } from "@/server/invitations/schemas";
import { isSmtpConfigured } from "@/server/mail/service";
import { assignableRoles, canInGroup, type GroupStanding, type Role } from "@/server/policy";

const PAGE_SIZE = 50;
const NOT_FOUND_MESSAGE = "That invitation was not found.";

export async function listAssignableRoles(db: Db, userId: string, groupId: string): Promise<Role[]> {
  const standing = await getStanding(db, userId, groupId);
  if (!standing.role) throw new AppError("NOT_FOUND", "That group does not exist, or you are not a member of it.");
  return [...assignableRoles(standing)];
}

/** Invitations not yet accepted or revoked, newest first: all of them for admins, their own for other inviters. */
export async function listPendingInvitations(
  db: Db,
  userId: string,
  input: { groupId: string; cursor?: string },
): Promise<{ items: PendingInvitation[]; nextCursor: string | null }> {
  const standing = await requireInGroup(db, userId, input.groupId, "invitation.create");
  const seesAll = canInGroup(standing, "invitation.manageAll");
  const rows = await db.invitation.findMany({
    where: { groupId: input.groupId, acceptedAt: null, revokedAt: null, ...(seesAll ? {} : { invitedById: userId }) },
    select: {
      id: true,
      email: true,
      role: true,
      invitedBy: { select: { id: true, name: true } },
      createdAt: true,
      expiresAt: true,
      lastSentAt: true,
      sentCount: true,
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, PAGE_SIZE);
  const delivery = await deliveryStates(db, input.groupId, page);
  const now = Date.now();
  const items = page.map((row) => ({
    ...row,
    delivery: delivery.get(row.id) ?? ("none" as const),
    status: row.expiresAt.getTime() <= now ? ("expired" as const) : ("pending" as const),
  }));
  return { items, nextCursor: rows.length > PAGE_SIZE ? items[items.length - 1]!.id : null };
}

type DeliveryState = PendingInvitation["delivery"];

/**
 * What became of each invitation's latest email, read from the outbox in one query: the first
 * invitation email to its address for this group queued since it was last sent. "Sent once" on
 * a row whose email never left would mislead the inviter into waiting for an answer.
 */
async function deliveryStates(
  db: Db,
  groupId: string,
  invitations: readonly { id: string; email: string; lastSentAt: Date }[],
): Promise<Map<string, DeliveryState>> {
  if (invitations.length === 0) return new Map();
  const since = new Date(Math.min(...invitations.map(({ lastSentAt }) => lastSentAt.getTime())));
  const [group, messages] = await Promise.all([
    db.group.findUniqueOrThrow({ where: { id: groupId }, select: { name: true } }),
    db.outboxMessage.findMany({
      where: { to: { in: invitations.map(({ email }) => email) }, createdAt: { gte: since }, subject: { contains: " invited you to " } },
      select: { to: true, subject: true, status: true, createdAt: true },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const ours = messages.filter(({ subject }) => subject.includes(` ${group.name} on Hearth`));
  return new Map(
    invitations.map(({ id, email, lastSentAt }) => {
      const message = ours.find(({ to, createdAt }) => to === email && createdAt >= lastSentAt);
      return [id, message?.status ?? "none"];
    }),
  );
}

type Manageable = {
  id: string;
  groupId: string;
  email: string;
  expiresAt: Date;
  role: Role;
  message: string;
  threadId: string | null;
  documentId: string | null;
  group: { name: string };
  invitedBy: { name: string };
};

/** Admins manage every invitation of their group; other inviters only their own, while they may still invite. */
function mayManage(standing: GroupStanding, isOwn: boolean, role: Role, verb: "revoke" | "resend"): boolean {
  if (canInGroup(standing, "invitation.manageAll")) return true;
  if (!isOwn || !canInGroup(standing, "invitation.create")) return false;
  return verb === "revoke" || assignableRoles(standing).includes(role);
}

async function loadManageable(db: Db, userId: string, id: string, verb: "revoke" | "resend"): Promise<Manageable> {
  const invitation = await db.invitation.findUnique({
    where: { id },
    select: {
      id: true,
      groupId: true,
      email: true,
      expiresAt: true,
      role: true,
      message: true,
      threadId: true,
      documentId: true,
      invitedById: true,
      acceptedAt: true,
      revokedAt: true,
      group: { select: { name: true } },
      invitedBy: { select: { name: true } },
    },
  });
  if (!invitation) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
  const standing = await getStanding(db, userId, invitation.groupId);
  if (!standing.role) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
  if (!mayManage(standing, invitation.invitedById === userId, invitation.role, verb)) {
    throw new AppError("FORBIDDEN", "Only the group's admins or the person who sent this invitation can change it.");
  }
  if (invitation.acceptedAt) throw new AppError("CONFLICT", "This invitation has already been used, so it cannot be changed.");
  if (invitation.revokedAt) throw new AppError("CONFLICT", "This invitation has already been revoked.");
  return invitation;
}

const stillOpen = (id: string) => ({ id, acceptedAt: null, revokedAt: null });
const CHANGED_MEANWHILE = "This invitation was used or revoked a moment ago.";

export async function revokeInvitation(db: Db, userId: string, id: string): Promise<{ id: string }> {
  const invitation = await loadManageable(db, userId, id, "revoke");
  await db.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({ where: stillOpen(id), data: { revokedAt: new Date() } });
    if (count === 0) throw new AppError("CONFLICT", CHANGED_MEANWHILE);
    await recordAudit(tx, {
      groupId: invitation.groupId,
      actorId: userId,
      action: "invitation.revoked",
      subject: { type: "invitation", id, label: invitation.email },
    });
  });
  return { id };
}

/** A new link replaces the old one (which stops working), with a fresh expiry date and a new email. */
export async function resendInvitation(
  db: Db,
  userId: string,
  id: string,
): Promise<{ id: string; link: string; expiresAt: Date; emailSent: boolean }> {
  const invitation = await loadManageable(db, userId, id, "resend");
  const { token, hash } = newToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
  await db.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: stillOpen(id),
      data: { tokenHash: hash, expiresAt, lastSentAt: now, sentCount: { increment: 1 } },
    });
    if (count === 0) throw new AppError("CONFLICT", CHANGED_MEANWHILE);
    await recordAudit(tx, {
      groupId: invitation.groupId,
      actorId: userId,
      action: "invitation.resent",
      subject: { type: "invitation", id, label: invitation.email },
      before: { expiresAt: invitation.expiresAt.toISOString() },
      after: { expiresAt: expiresAt.toISOString() },
    });
  });
  await sendInvitationEmail(db, {
    email: invitation.email,
    token,
    role: invitation.role,
    message: invitation.message,
    expiresAt,
    groupName: invitation.group.name,
    inviterName: invitation.invitedBy.name,
    invitedTo: await invitedItem(db, invitation),
  });
  return { id, link: invitationLink(token), expiresAt, emailSent: isSmtpConfigured() };
}
