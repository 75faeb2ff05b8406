import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { io as connect, type Socket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { getEventBus } from "@/server/events";
import { attachRealtime } from "@/server/realtime/socket-server";
import { addMember, makeGroup, makeUser } from "@/server/test/factories";

const SECRET = "socket-test-secret-that-is-long-enough";
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startServer() {
  const httpServer: HttpServer = createServer();
  const realtime = attachRealtime(httpServer, { db: getDb(), authSecret: SECRET, bus: getEventBus() });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => realtime.close());
  return `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
}

function open(url: string, headers: Record<string, string> = {}): Socket {
  const socket = connect(url, { transports: ["websocket"], extraHeaders: headers, reconnection: false });
  cleanups.push(() => void socket.disconnect());
  return socket;
}

function outcome(socket: Socket): Promise<"connected" | string> {
  return new Promise((resolve) => {
    socket.once("connect", () => resolve("connected"));
    socket.once("connect_error", (error) => resolve(error.message));
  });
}

async function sessionCookie(userId: string, secret = SECRET) {
  return `next-auth.session-token=${await encode({ token: { sub: userId }, secret })}`;
}

/** Retries until the assertion passes instead of sleeping for a guessed time. */
async function eventually(assertion: () => void, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

describe("realtime socket server", () => {
  it("refuses a socket without a session cookie", async () => {
    expect(await outcome(open(await startServer()))).toBe("unauthorized");
  });

  it("refuses a forged cookie and one signed with another secret", async () => {
    const url = await startServer();
    const user = await makeUser();
    expect(await outcome(open(url, { cookie: "next-auth.session-token=forged.token.value" }))).toBe("unauthorized");
    expect(await outcome(open(url, { cookie: await sessionCookie(user.id, "some-other-secret-of-enough-length") }))).toBe(
      "unauthorized",
    );
  });

  it("refuses a connection from another site's page", async () => {
    const url = await startServer();
    const user = await makeUser();
    const socket = open(url, { cookie: await sessionCookie(user.id), origin: "https://evil.example" });
    expect(await outcome(socket)).not.toBe("connected");
  });

  it("delivers group events to members only, and joins rooms when a membership is added", async () => {
    const url = await startServer();
    const [member, outsider] = [await makeUser(), await makeUser()];
    const group = await makeGroup();
    await addMember(group.id, member.id);

    const memberSocket = open(url, { cookie: await sessionCookie(member.id) });
    const outsiderSocket = open(url, { cookie: await sessionCookie(outsider.id) });
    expect(await outcome(memberSocket)).toBe("connected");
    expect(await outcome(outsiderSocket)).toBe("connected");

    const memberSaw: string[] = [];
    const outsiderSaw: string[] = [];
    memberSocket.on("membership.removed", (payload: { groupId: string }) => memberSaw.push(payload.groupId));
    outsiderSocket.on("membership.removed", (payload: { groupId: string }) => outsiderSaw.push(payload.groupId));
    const summary = { id: group.id, name: group.name, handle: group.handle, description: "", parentId: null, role: "member" as const, memberCount: 2 };

    // Publish until the member's room join (done right after connect) has landed.
    await eventually(() => {
      getEventBus().publish({ name: "membership.removed", room: `group:${group.id}`, payload: { userId: "someone", groupId: group.id } });
      expect(memberSaw.length).toBeGreaterThan(0);
    });
    expect(outsiderSaw).toEqual([]);

    getEventBus().publish({ name: "membership.added", room: `user:${outsider.id}`, payload: { userId: outsider.id, group: summary } });
    await eventually(() => {
      getEventBus().publish({ name: "membership.removed", room: `group:${group.id}`, payload: { userId: "someone", groupId: group.id } });
      expect(outsiderSaw.length).toBeGreaterThan(0);
    });
  });
});
