import type { SessionClaims } from "@/server/auth/session-token";
import { createRequestMemo, type RequestMemo } from "@/server/api/request-memo";
import type { Context } from "@/server/api/trpc";
import { getDb } from "@/server/db";
import { getEventBus } from "@/server/events";

/**
 * A tRPC context for one request from its session claims; the procedure builders check them
 * against the account. Apart from context.ts (which reads Next's request headers), so that
 * serve.ts can use it too. The memo is the request's own (a page render passes the one it shares).
 */
export function contextFromSession(claims: SessionClaims | null, memo: RequestMemo = createRequestMemo()): Context {
  return {
    db: getDb(),
    userId: claims?.userId ?? null,
    credentialVersion: claims?.credentialVersion ?? 0,
    publish: getEventBus().publish,
    memo,
  };
}
