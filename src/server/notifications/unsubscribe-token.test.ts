import { describe, expect, it } from "vitest";
import { mintUnsubscribeToken, readUnsubscribeToken, UNSUBSCRIBE_TOKEN_DAYS } from "@/server/notifications/unsubscribe-token";

const SECRET = "a-secret-that-is-long-enough-for-this-test";
const DAY = 24 * 60 * 60 * 1000;

describe("unsubscribe tokens", () => {
  const now = new Date("2026-11-26T09:00:00Z");
  const token = mintUnsubscribeToken({ userId: "user-1", scope: "group-1" }, SECRET, now);

  it("carry the person and the scope until they expire", () => {
    expect(readUnsubscribeToken(token, SECRET, new Date(now.getTime() + 59 * DAY))).toEqual({
      ok: true,
      claims: { userId: "user-1", scope: "group-1", expiresAt: new Date(now.getTime() + UNSUBSCRIBE_TOKEN_DAYS * DAY) },
    });
    expect(readUnsubscribeToken(token, SECRET, new Date(now.getTime() + 60 * DAY))).toEqual({ ok: false, reason: "expired" });
  });

  it("refuse another secret, an edited payload, a truncated token and rubbish", () => {
    expect(readUnsubscribeToken(token, `${SECRET}-other`, now)).toEqual({ ok: false, reason: "invalid" });
    const [payload, signature] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ u: "someone-else", s: "account", e: 4_000_000_000 })).toString("base64url");
    expect(readUnsubscribeToken(`${forged}.${signature}`, SECRET, now)).toEqual({ ok: false, reason: "invalid" });
    expect(readUnsubscribeToken(`${payload}.${signature!.slice(0, -2)}`, SECRET, now)).toEqual({ ok: false, reason: "invalid" });
    for (const rubbish of ["", ".", "abc", `${payload}.${signature}.x`]) {
      expect(readUnsubscribeToken(rubbish, SECRET, now)).toEqual({ ok: false, reason: "invalid" });
    }
  });
});
