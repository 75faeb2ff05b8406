import { describe, expect, it } from "vitest";
import { hashToken, newToken } from "@/server/auth/tokens";

describe("tokens", () => {
  it("makes 32 random bytes as base64url and stores only their hash", () => {
    const { token, hash } = newToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hash).toBe(hashToken(token));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
  });

  it("never repeats a token", () => {
    const tokens = new Set(Array.from({ length: 50 }, () => newToken().token));
    expect(tokens.size).toBe(50);
  });
});
