import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { assertOwnImage, imageUrl } from "@/server/images/service";
import type { ChangePasswordInput, Me, UpdateProfileInput } from "@/server/users/schemas";
import { hashPassword, verifyPassword } from "@/server/users/password";
import { canOnSite, isGuestEverywhere, type Role } from "@/server/policy";

const meSelect = {
  id: true,
  name: true,
  email: true,
  isAdmin: true,
  bio: true,
  avatarId: true,
  organisation: { select: { id: true, name: true } },
  memberships: { select: { role: true }, distinct: "role" },
} as const;

function toMe({
  avatarId,
  memberships,
  ...user
}: { avatarId: string | null; memberships: { role: Role }[] } & Omit<Me, "avatarUrl" | "canViewOrganisations">): Me {
  const guestEverywhere = isGuestEverywhere(memberships.map(({ role }) => role));
  return {
    ...user,
    avatarUrl: imageUrl(avatarId),
    canViewOrganisations: canOnSite({ isAdmin: user.isAdmin, adminOfAnyGroup: false, guestEverywhere }, "organisation.view"),
  };
}

type MeRow = Pick<Me, "id" | "name" | "email" | "isAdmin" | "bio"> & {
  avatarId: string | null;
  organisationId: string | null;
  organisationName: string | null;
};

/**
 * Every page's shell asks, so in SQL (Prisma's API took three statements): the person with their
 * organisation, and the roles they hold anywhere.
 */
export async function getMe(db: Db, userId: string): Promise<Me> {
  const [[user], roles] = await Promise.all([
    db.$queryRaw<MeRow[]>`
      SELECT u."id", u."name", u."email", u."isAdmin", u."bio", u."avatarId", o."id" AS "organisationId", o."name" AS "organisationName"
      FROM "User" AS u LEFT JOIN "Organisation" AS o ON o."id" = u."organisationId"
      WHERE u."id" = ${userId}`,
    db.$queryRaw<{ role: Role }[]>`SELECT DISTINCT "role" FROM "Membership" WHERE "userId" = ${userId}`,
  ]);
  if (!user) throw new AppError("NOT_FOUND", "Your account no longer exists.");
  const { organisationId, organisationName, ...person } = user;
  return toMe({ ...person, organisation: organisationId ? { id: organisationId, name: organisationName! } : null, memberships: roles });
}

export async function updateProfile(db: Db, userId: string, input: UpdateProfileInput): Promise<Me> {
  if (input.avatarId) await assertOwnImage(db, userId, input.avatarId);
  const user = await db.user.update({
    where: { id: userId },
    data: { name: input.name, bio: input.bio, ...(input.avatarId !== undefined ? { avatarId: input.avatarId } : {}) },
    select: meSelect,
  });
  return toMe(user);
}

/**
 * Changing the password also cancels any reset links still out, so an old email cannot undo it,
 * and ends every session made with the old password (this one too: the page signs in again with
 * the new password at once, see account/_components/change-password-form.tsx).
 */
export async function changePassword(db: Db, publish: Publish, userId: string, input: ChangePasswordInput): Promise<{ ok: true }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(input.currentPassword, user?.passwordHash ?? null))) {
    throw new AppError("BAD_REQUEST", "Your current password is not right.");
  }
  const passwordHash = await hashPassword(input.newPassword);
  const now = new Date();
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { passwordHash, credentialVersion: { increment: 1 } }, select: { id: true } }),
    db.passwordReset.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } }),
  ]);
  publishSessionsEnded(publish, userId);
  return { ok: true };
}

/**
 * Ends every session of the account, on every device, this one included; a lost device also stops
 * receiving push notifications (each browser turns push on again when its person signs in there).
 */
export async function signOutEverywhere(db: Db, publish: Publish, userId: string): Promise<{ ok: true }> {
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { credentialVersion: { increment: 1 } }, select: { id: true } }),
    db.pushSubscription.deleteMany({ where: { userId } }),
  ]);
  publishSessionsEnded(publish, userId);
  return { ok: true };
}

/** Sessions are checked on every request; open sockets are closed through this event. */
export function publishSessionsEnded(publish: Publish, userId: string): void {
  publish({ name: "session.revoked", room: `user:${userId}`, payload: { userId } });
}

/**
 * The identity next-auth keeps in its JWT, with the credential version it is made under, or null
 * for any mismatch (never says which part).
 */
export async function verifyCredentials(
  db: Db,
  credentials: { email: string; password: string },
): Promise<{ id: string; name: string; email: string; credentialVersion: number } | null> {
  const user = await db.user.findUnique({
    where: { email: credentials.email },
    select: { id: true, name: true, email: true, passwordHash: true, credentialVersion: true },
  });
  const valid = await verifyPassword(credentials.password, user?.passwordHash ?? null);
  if (!user || !valid) return null;
  return { id: user.id, name: user.name, email: user.email, credentialVersion: user.credentialVersion };
}
