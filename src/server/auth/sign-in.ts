import type { Db } from "@/server/db";
import { signInLimiter, tooManySignInAttempts, type SignInLimiter } from "@/server/rate-limit";
import { zCredentials } from "@/server/users/schemas";
import { verifyCredentials } from "@/server/users/service";

/**
 * The sign-in throttle, shared by sign-in and password reset (which lifts an account's wait): in
 * Redis when several instances run, so they count together (see rate-limit.ts).
 */
export function signInThrottle(): SignInLimiter {
  return signInLimiter();
}

/**
 * The address the request came from: the last `X-Forwarded-For` entry, which is the one the
 * trusted proxy added, or the connection's own address that serve.ts puts there when no proxy
 * is trusted (see client-address.ts), so a client cannot pick its own.
 */
export function clientAddress(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.["x-forwarded-for"];
  if (typeof forwarded !== "string") return null;
  return forwarded.split(",").at(-1)?.trim() || null;
}

/**
 * next-auth's `authorize`: the identity to put in the session token, or null for a wrong email or
 * password. Too many attempts on the account or from the address throw, and next-auth hands the
 * message to the sign-in form as its error.
 */
export async function authorizeSignIn(
  db: Db,
  throttle: SignInLimiter,
  credentials: unknown,
  address: string | null,
): Promise<{ id: string; name: string; email: string; credentialVersion: number } | null> {
  const parsed = zCredentials.safeParse(credentials);
  if (!parsed.success) return null;
  const attempt = { email: parsed.data.email, address };
  const allowance = await throttle.begin(attempt);
  if (!allowance.ok) throw new Error(tooManySignInAttempts(allowance.retryAfterMs));
  const user = await verifyCredentials(db, parsed.data);
  if (user) await throttle.succeeded(attempt);
  return user;
}
