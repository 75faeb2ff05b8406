import type { Db } from "@/server/db";
import { oneTimeLink } from "@/server/mail/one-time-links";
import { sendMail } from "@/server/mail/service";
import type { Role } from "@/server/policy";

/** How long an invitation link works; resending starts the period again. */
export const INVITATION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

const ROLE_PHRASES: Record<Role, string> = { admin: "an admin", member: "a member", guest: "a guest" };

export function invitationLink(token: string): string {
  return oneTimeLink("invitation", token);
}

export function describeDate(date: Date): string {
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
}

type InvitationMail = {
  email: string;
  token: string;
  role: Role;
  message: string;
  expiresAt: Date;
  groupName: string;
  inviterName: string;
  /** The thread or document a guest is invited to, named so they know why they are asked in. */
  invitedTo: InvitedItem | null;
};

export type InvitedItem = { kind: "thread" | "document"; title: string };

/**
 * The thread a guest is invited to join, or the document they are invited to read, or null.
 * Only guests are let in to single items (accepting adds them as its guest); other roles see
 * everything in the group anyway.
 */
export async function invitedItem(
  db: Db,
  invitation: { role: Role; threadId: string | null; documentId: string | null; groupId: string },
): Promise<InvitedItem | null> {
  if (invitation.role !== "guest") return null;
  const { groupId } = invitation;
  const [thread, document] = await Promise.all([
    invitation.threadId ? db.thread.findFirst({ where: { id: invitation.threadId, groupId }, select: { title: true } }) : null,
    invitation.documentId ? db.document.findFirst({ where: { id: invitation.documentId, groupId }, select: { title: true } }) : null,
  ]);
  if (thread) return { kind: "thread", title: thread.title };
  if (document) return { kind: "document", title: document.title };
  return null;
}

/** "join the discussion “Charter”" or "read “Vision”": what a guest is asked to do. */
export function invitedAction(item: InvitedItem): string {
  return item.kind === "thread" ? `join the discussion “${item.title}”` : `read “${item.title}”`;
}

/** Queues the invitation email; delivery happens in the background and is never awaited here. */
export async function sendInvitationEmail(db: Db, mail: InvitationMail): Promise<void> {
  const personal = mail.message ? [`${mail.inviterName} wrote:`, mail.message] : [];
  const item = mail.invitedTo;
  const subject = item
    ? `${mail.inviterName} invited you to ${invitedAction(item)} in ${mail.groupName} on Hearth`
    : `${mail.inviterName} invited you to ${mail.groupName} on Hearth`;
  const invite = item
    ? `${mail.inviterName} has invited you to ${invitedAction(item)} in ${mail.groupName}.`
    : `${mail.inviterName} has invited you to join ${mail.groupName} as ${ROLE_PHRASES[mail.role]}.`;
  await sendMail(db, mail.email, subject, {
    heading: item ? `“${item.title}” on Hearth` : `Join ${mail.groupName} on Hearth`,
    paragraphs: [
      invite,
      ...personal,
      `The link works once and until ${describeDate(mail.expiresAt)}.`,
    ],
    action: { label: "Accept the invitation", url: invitationLink(mail.token) },
    footer: "If you were not expecting this, you can ignore this email.",
  });
}
