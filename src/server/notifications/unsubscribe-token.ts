import { createHmac, timingSafeEqual } from "node:crypto";

/** "account", or a group's id: the same scopes as NotificationSetting. */
export type UnsubscribeScope = string;
export type UnsubscribeClaims = { userId: string; scope: UnsubscribeScope; expiresAt: Date };

/** Long enough that last month's email still works; short enough that an old leaked link dies. */
export const UNSUBSCRIBE_TOKEN_DAYS = 60;

const sign = (payload: string, secret: string) =>
  createHmac("sha256", secret).update(`hearth-unsubscribe:${payload}`).digest("base64url");

/**
 * A link that works without signing in, so it carries who and what, and an HMAC over both with
 * the instance's secret: `<base64url JSON>.<base64url HMAC-SHA256>`. Nothing is stored.
 */
export function mintUnsubscribeToken(claims: { userId: string; scope: UnsubscribeScope }, secret: string, now = new Date()): string {
  const expiresAt = Math.floor(now.getTime() / 1000) + UNSUBSCRIBE_TOKEN_DAYS * 24 * 60 * 60;
  const payload = Buffer.from(JSON.stringify({ u: claims.userId, s: claims.scope, e: expiresAt })).toString("base64url");
  return `${payload}.${sign(payload, secret)}`;
}

export type ReadToken = { ok: true; claims: UnsubscribeClaims } | { ok: false; reason: "invalid" | "expired" };

export function readUnsubscribeToken(token: string, secret: string, now = new Date()): ReadToken {
  const [payload, signature, ...rest] = token.split(".");
  if (!payload || !signature || rest.length) return { ok: false, reason: "invalid" };
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "invalid" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "invalid" };
  }
  const { u, s, e } = (parsed ?? {}) as { u?: unknown; s?: unknown; e?: unknown };
  if (typeof u !== "string" || typeof s !== "string" || typeof e !== "number") return { ok: false, reason: "invalid" };
  if (e * 1000 <= now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, claims: { userId: u, scope: s, expiresAt: new Date(e * 1000) } };
}
