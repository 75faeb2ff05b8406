import { headers } from "next/headers";
import { cache } from "react";
import { contextFromSession } from "@/server/api/session-context";
import type { Context } from "@/server/api/trpc";
import { authSecret } from "@/server/auth/secret";
import { checkSession } from "@/server/auth/session";
import { readSessionCookie, type SessionClaims } from "@/server/auth/session-token";
import { getDb } from "@/server/db";

/** The session cookie of the current request (server components and route handlers), read once per render. */
const requestSession = cache(async (): Promise<SessionClaims | null> => readSessionCookie((await headers()).get("cookie"), authSecret()));

/**
 * The signed-in user's id for the current request, or null when signed out or when the session
 * has ended (account deleted, password changed or reset, "Sign out everywhere"). One read by
 * primary key, once per server render.
 */
export const getSessionUserId = cache(async (): Promise<string | null> => {
  const claims = await requestSession();
  if (!claims) return null;
  const check = await checkSession(getDb(), claims);
  return check.ok ? check.user.id : null;
});

/** The tRPC context for the current request, for server components (the HTTP handler reads its own request). */
export async function createRequestContext(): Promise<Context> {
  return contextFromSession(await requestSession());
}
