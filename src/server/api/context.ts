import { headers } from "next/headers";
import { cache } from "react";
import { contextFromSession } from "@/server/api/session-context";
import { createRequestMemo, remember, type RequestMemo } from "@/server/api/request-memo";
import { sessionMemoKey, type Context } from "@/server/api/trpc";
import { authSecret } from "@/server/auth/secret";
import { checkSession, type SessionCheck } from "@/server/auth/session";
import { readSessionCookie, type SessionClaims } from "@/server/auth/session-token";
import { getDb } from "@/server/db";

/** The session cookie of the current request (server components and route handlers), read once per render. */
const requestSession = cache(async (): Promise<SessionClaims | null> => readSessionCookie((await headers()).get("cookie"), authSecret()));

/**
 * What one server render has looked up, shared by every procedure call it makes (however many
 * server callers its loaders create) and by getSessionUserId.
 */
const renderMemo = cache((): RequestMemo => createRequestMemo());

/** The session check under the key the procedure builders look for (api/trpc.ts), made once per render. */
function renderSessionCheck(memo: RequestMemo, claims: SessionClaims): Promise<SessionCheck> {
  return remember(memo, sessionMemoKey(claims.userId, claims.credentialVersion), () => checkSession(getDb(), claims));
}

/**
 * The signed-in user's id for the current request, or null when signed out or when the session
 * has ended (account deleted, password changed or reset, "Sign out everywhere"). One read by
 * primary key, once per server render: the procedures the render calls reuse it.
 */
export const getSessionUserId = cache(async (): Promise<string | null> => {
  const claims = await requestSession();
  if (!claims) return null;
  const check = await renderSessionCheck(renderMemo(), claims);
  return check.ok ? check.user.id : null;
});

/** The tRPC context for the current request, for server components (the HTTP handler reads its own request). */
export async function createRequestContext(): Promise<Context> {
  return contextFromSession(await requestSession(), renderMemo());
}
