import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, hasBrokenEscape, newNonce } from "@/server/security-headers";

const directives = (policy: string) => new Map(policy.split("; ").map((part) => [part.split(" ")[0]!, part]));

describe("contentSecurityPolicy", () => {
  it("runs only nonced scripts and what they load, never eval in production, and is never framed", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc123==", host: "hearth.example", https: true, dev: false }));
    expect(policy.get("script-src")).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(policy.get("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(policy.get("object-src")).toBe("object-src 'none'");
    expect(policy.get("connect-src")).toBe("connect-src 'self' wss://hearth.example");
    expect(policy.get("worker-src")).toBe("worker-src 'self' blob:");
    expect(policy.has("upgrade-insecure-requests")).toBe(true);
    expect([...policy.values()].join("; ")).not.toContain("unsafe-eval");
  });

  it("allows eval only for Next's development build, and plain ws over http", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "n", host: "localhost:3000", https: false, dev: true }));
    expect(policy.get("script-src")).toContain("'unsafe-eval'");
    expect(policy.get("connect-src")).toBe("connect-src 'self' ws://localhost:3000");
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  it("never echoes a Host header that is not a host into the policy", () => {
    const policy = contentSecurityPolicy({ nonce: "n", host: "evil.example; script-src *", https: false, dev: false });
    expect(policy).not.toContain("evil");
    expect(directives(policy).get("connect-src")).toBe("connect-src 'self'");
  });
});

describe("newNonce", () => {
  it("is 128 random bits, different every time", () => {
    const nonces = new Set(Array.from({ length: 20 }, newNonce));
    expect(nonces.size).toBe(20);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("hasBrokenEscape", () => {
  it("spots paths no route could decode", () => {
    expect(hasBrokenEscape("/threads/%E0%A4%A")).toBe(true);
    expect(hasBrokenEscape("/groups/%zz")).toBe(true);
    expect(hasBrokenEscape("/groups/caf%C3%A9")).toBe(false);
    expect(hasBrokenEscape("/threads/abc")).toBe(false);
  });
});
