import type { SessionClaims } from "@/server/auth/session-token";
import type { Db } from "@/server/db";

export type SessionUser = { id: string; name: string; isAdmin: boolean };

/** A session that still holds, or the reason (in words for people) that it no longer does. */
export type SessionCheck = { ok: true; user: SessionUser } | { ok: false; message: string };

export const ACCOUNT_GONE = "Your account no longer exists. Please sign in again.";
export const SESSION_ENDED =
  "You have been signed out because the password was changed or someone chose “Sign out everywhere”. Please sign in again.";

/**
 * Whether a session token still stands: its account exists and its credential version is the
 * account's current one. Changing or resetting the password and "Sign out everywhere" raise the
 * version, so every token made before then stops working at once. One read by primary key.
 */
export async function checkSession(db: Db, claims: SessionClaims): Promise<SessionCheck> {
  // In SQL rather than Prisma's API: every request asks, and the query builder cost twice the read.
  const [user] = await db.$queryRaw<(SessionUser & { credentialVersion: number })[]>`
    SELECT "id", "name", "isAdmin", "credentialVersion" FROM "User" WHERE "id" = ${claims.userId}`;
  if (!user) return { ok: false, message: ACCOUNT_GONE };
  if (user.credentialVersion !== claims.credentialVersion) return { ok: false, message: SESSION_ENDED };
  return { ok: true, user: { id: user.id, name: user.name, isAdmin: user.isAdmin } };
}
