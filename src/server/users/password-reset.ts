import { signInThrottle } from "@/server/auth/sign-in";
import { hashToken, newToken } from "@/server/auth/tokens";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { oneTimeLink } from "@/server/mail/one-time-links";
import { sendMail } from "@/server/mail/service";
import { hashPassword } from "@/server/users/password";
import { publishSessionsEnded } from "@/server/users/service";
import type { PasswordResetCompleteInput } from "@/server/users/schemas";

export const PASSWORD_RESET_LIFETIME_MS = 60 * 60 * 1000;
/** More requests than this within one link lifetime are ignored, so nobody can flood an inbox. */
export const MAX_OPEN_RESETS = 3;

/**
 * Emails a single-use reset link when the address has an account. The answer is the same
 * either way, so the form cannot be used to find out who has an account.
 */
export async function requestPasswordReset(db: Db, email: string): Promise<{ ok: true }> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, email: true } });
  if (!user) return { ok: true };
  const now = Date.now();
  const recent = await db.passwordReset.count({
    where: { userId: user.id, createdAt: { gt: new Date(now - PASSWORD_RESET_LIFETIME_MS) } },
  });
  if (recent >= MAX_OPEN_RESETS) return { ok: true };

  const { token, hash } = newToken();
  await db.passwordReset.create({
    data: { userId: user.id, tokenHash: hash, expiresAt: new Date(now + PASSWORD_RESET_LIFETIME_MS) },
    select: { id: true },
  });
  await sendMail(db, user.email, "Reset your Hearth password", {
    heading: "Reset your password",
    paragraphs: [
      `Hello ${user.name}, someone (hopefully you) asked to reset the password of your Hearth account.`,
      "The link works once, for one hour.",
    ],
    action: { label: "Choose a new password", url: oneTimeLink("passwordReset", token) },
    footer: "If you did not ask for this, ignore this email: your password stays as it is.",
  });
  return { ok: true };
}

const INVALID = "This password reset link is not valid. Ask for a new one.";

/**
 * Sets a new password with a reset link. The link is claimed with a conditional update, so it
 * works once even when used twice at the same moment, and every other open link of the account
 * stops working. Every session of the account ends (whoever knew the old password is out), and
 * waits from failed sign-ins are lifted. Returns the address so the page can sign the person in.
 */
export async function completePasswordReset(db: Db, publish: Publish, input: PasswordResetCompleteInput): Promise<{ email: string }> {
  const reset = await db.passwordReset.findUnique({
    where: { tokenHash: hashToken(input.token) },
    select: { id: true, userId: true, usedAt: true, expiresAt: true, user: { select: { email: true } } },
  });
  if (!reset) throw new AppError("BAD_REQUEST", INVALID);
  if (reset.usedAt) throw new AppError("BAD_REQUEST", "This password reset link has already been used. Ask for a new one if you still need it.");
  if (reset.expiresAt <= new Date()) throw new AppError("BAD_REQUEST", "This password reset link has expired. Ask for a new one.");

  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.passwordReset.updateMany({
      where: { id: reset.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (count === 0) throw new AppError("BAD_REQUEST", "This password reset link has just been used. Ask for a new one if you still need it.");
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash, credentialVersion: { increment: 1 } }, select: { id: true } });
    await tx.passwordReset.updateMany({ where: { userId: reset.userId, usedAt: null }, data: { usedAt: now } });
    // Whoever had the account's devices no longer hears about it.
    await tx.pushSubscription.deleteMany({ where: { userId: reset.userId } });
  });
  publishSessionsEnded(publish, reset.userId);
  await signInThrottle().clearAccount(reset.user.email);
  return { email: reset.user.email };
}
