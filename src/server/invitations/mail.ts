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
};

/** Queues the invitation email; delivery happens in the background and is never awaited here. */
export async function sendInvitationEmail(db: Db, mail: InvitationMail): Promise<void> {
  const personal = mail.message ? [`${mail.inviterName} wrote:`, mail.message] : [];
  await sendMail(db, mail.email, `${mail.inviterName} invited you to ${mail.groupName} on Hearth`, {
    heading: `Join ${mail.groupName} on Hearth`,
    paragraphs: [
      `${mail.inviterName} has invited you to join ${mail.groupName} as ${ROLE_PHRASES[mail.role]}.`,
      ...personal,
      `The link works once and until ${describeDate(mail.expiresAt)}.`,
    ],
    action: { label: "Accept the invitation", url: invitationLink(mail.token) },
    footer: "If you were not expecting this, you can ignore this email.",
  });
}
