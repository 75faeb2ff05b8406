import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { readSessionCookie } from "@/server/auth/session-token";

const SECRET = "a-secret-for-session-token-tests-long-enough";
const cookie = async (claims: Record<string, unknown>, secret = SECRET, maxAge?: number) =>
  `theme=dark; next-auth.session-token=${await encode({ token: claims, secret, ...(maxAge !== undefined && { maxAge }) })}`;

describe("reading the session cookie", () => {
  afterEach(() => vi.useRealTimers());

  it("reads who is signed in and their credential version, the same the second time", async () => {
    const header = await cookie({ sub: "user-1", credentialVersion: 3 });
    expect(await readSessionCookie(header, SECRET)).toEqual({ userId: "user-1", credentialVersion: 3 });
    expect(await readSessionCookie(header, SECRET)).toEqual({ userId: "user-1", credentialVersion: 3 });
  });

  it("does not take a token read with one secret as valid under another", async () => {
    const header = await cookie({ sub: "user-2", credentialVersion: 0 });
    expect(await readSessionCookie(header, SECRET)).not.toBeNull();
    expect(await readSessionCookie(header, "another-secret-that-is-also-long-enough")).toBeNull();
  });

  it("stops accepting a token at its expiry, though it was read before", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const header = await cookie({ sub: "user-3" }, SECRET, 60);
    expect(await readSessionCookie(header, SECRET)).toEqual({ userId: "user-3", credentialVersion: 0 });
    // next-auth allows 15 s of clock difference past the expiry.
    vi.setSystemTime(Date.now() + 120_000);
    expect(await readSessionCookie(header, SECRET)).toBeNull();
  });

  it("refuses forged and missing tokens", async () => {
    expect(await readSessionCookie("next-auth.session-token=not-a-token", SECRET)).toBeNull();
    expect(await readSessionCookie("theme=dark", SECRET)).toBeNull();
    expect(await readSessionCookie(null, SECRET)).toBeNull();
  });
});
