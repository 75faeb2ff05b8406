import type { SessionClaims } from "@/server/auth/session-token";
import type { Context } from "@/server/api/trpc";
import { getDb } from "@/server/db";
import { getEventBus } from "@/server/events";

/**
 * A tRPC context from session claims; the procedure builders check them against the account.
 * Apart from context.ts (which reads Next's request headers), so that server.ts can use it too.
 */
export function contextFromSession(claims: SessionClaims | null): Context {
  return { db: getDb(), userId: claims?.userId ?? null, credentialVersion: claims?.credentialVersion ?? 0, publish: getEventBus().publish };
}
