import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { getDb } from "@/server/db";
import { getEventBus } from "@/server/events";
import { makeUser, TEST_PASSWORD } from "@/server/test/factories";
import { connectOutcome, eventually, openSocket, SOCKET_SECRET, startSocketServer } from "@/server/test/sockets";

/** The session cookie next-auth would set at sign-in, made under the given credential version. */
async function cookieFor(userId: string, credentialVersion: number): Promise<string> {
  return `next-auth.session-token=${await encode({ token: { sub: userId, credentialVersion }, secret: SOCKET_SECRET })}`;
}

describe("live connections of ended sessions", () => {
  it("the handshake refuses a session token from before a password change, and takes the new one", async () => {
    const url = await startSocketServer();
    const user = await makeUser();
    const before = await cookieFor(user.id, 0);
    expect(await connectOutcome(openSocket(url, { cookie: before }))).toBe("connected");

    const caller = createCaller({ db: getDb(), userId: user.id, credentialVersion: 0, publish: getEventBus().publish });
    await caller.user.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "a brand new password" });

    expect(await connectOutcome(openSocket(url, { cookie: before }))).toBe("unauthorized");
    expect(await connectOutcome(openSocket(url, { cookie: await cookieFor(user.id, 1) }))).toBe("connected");
  });

  it("signing out everywhere closes the person's open sockets at once, and nobody else's", async () => {
    const url = await startSocketServer();
    const [user, other] = [await makeUser(), await makeUser()];
    // The cookies first: a socket opened before another await could connect before anyone listens.
    const [mine, others] = [await cookieFor(user.id, 0), await cookieFor(other.id, 0)];
    const [laptop, phone, theirs] = [openSocket(url, { cookie: mine }), openSocket(url, { cookie: mine }), openSocket(url, { cookie: others })];
    expect(await Promise.all([laptop, phone, theirs].map(connectOutcome))).toEqual(["connected", "connected", "connected"]);
    const reasons: string[] = [];
    for (const socket of [laptop, phone]) socket.on("disconnect", (reason) => reasons.push(reason));

    // Until the sockets have joined their user room, the event would find nobody: retry until both are gone.
    const caller = createCaller({ db: getDb(), userId: user.id, publish: getEventBus().publish });
    await caller.user.signOutEverywhere();
    await eventually(() => {
      if (laptop.connected || phone.connected) getEventBus().publish({ name: "session.revoked", room: `user:${user.id}`, payload: { userId: user.id } });
      expect([laptop.connected, phone.connected]).toEqual([false, false]);
    });
    expect(reasons).toEqual(["io server disconnect", "io server disconnect"]);
    expect(theirs.connected).toBe(true);
    expect(await connectOutcome(openSocket(url, { cookie: await cookieFor(user.id, 0) }))).toBe("unauthorized");
  });
});
