import type { Db } from "@/server/db";
import { absoluteUrl, sendMail } from "@/server/mail/service";
import type { Role } from "@/server/policy";

/** How long an invitation link works; resending starts the period again. */
export const INVITATION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

const ROLE_PHRASES: Record<Role, string> = { admin: "an admin", member: "a member", guest: "a guest" };

export function invitationLink(token: string): string {
  return absoluteUrl(`/invitations/${token}`);
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
  /** The document a guest is invited to read, named so they know why they are asked in. */
  documentTitle: string | null;
};

/**
 * The title of the document a guest invitation is for, or null. Only guests are let in to one
 * document (accepting adds them as its guest); other roles see every document anyway.
 */
export async function invitedDocumentTitle(
  db: Db,
  invitation: { role: Role; documentId: string | null; groupId: string },
): Promise<string | null> {
  if (invitation.role !== "guest" || !invitation.documentId) return null;
  const document = await db.document.findFirst({
    where: { id: invitation.documentId, groupId: invitation.groupId },
    select: { title: true },
  });
  return document?.title ?? null;
}

/** Queues the invitation email; delivery happens in the background and is never awaited here. */
export async function sendInvitationEmail(db: Db, mail: InvitationMail): Promise<void> {
  const personal = mail.message ? [`${mail.inviterName} wrote:`, mail.message] : [];
  const subject = mail.documentTitle
    ? `${mail.inviterName} invited you to read “${mail.documentTitle}” in ${mail.groupName} on Hearth`
    : `${mail.inviterName} invited you to ${mail.groupName} on Hearth`;
  const invite = mail.documentTitle
    ? `${mail.inviterName} has invited you to read “${mail.documentTitle}” in ${mail.groupName}.`
    : `${mail.inviterName} has invited you to join ${mail.groupName} as ${ROLE_PHRASES[mail.role]}.`;
  await sendMail(db, mail.email, subject, {
    heading: mail.documentTitle ? `Read “${mail.documentTitle}” on Hearth` : `Join ${mail.groupName} on Hearth`,
    paragraphs: [
      invite,
      ...personal,
      `The link works once and until ${describeDate(mail.expiresAt)}.`,
    ],
    action: { label: "Accept the invitation", url: invitationLink(mail.token) },
    footer: "If you were not expecting this, you can ignore this email.",
  });
}
