import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { io as connect, type Socket } from "socket.io-client";
import { afterEach } from "vitest";
import { getDb } from "@/server/db";
import { getEventBus } from "@/server/events";
import { attachRealtime, type RealtimeServer } from "@/server/realtime/socket-server";

export const SOCKET_SECRET = "socket-test-secret-that-is-long-enough";
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A real socket.io server on a free port, and its `io` to look into, closed after each test. */
export async function startRealtime(): Promise<{ url: string; io: RealtimeServer }> {
  const httpServer: HttpServer = createServer();
  const realtime = attachRealtime(httpServer, { db: getDb(), authSecret: SOCKET_SECRET, bus: getEventBus() });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => realtime.close());
  return { url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`, io: realtime.io };
}

/** A real socket.io server on a free port, closed after each test. */
export async function startSocketServer(): Promise<string> {
  return (await startRealtime()).url;
}

/** The rooms the server has a client's socket in (besides its own), sorted. */
export function roomsOf(io: RealtimeServer, socket: Socket): string[] {
  const rooms = io.of("/").adapter.socketRooms(socket.id ?? "") ?? new Set<string>();
  return [...rooms].filter((room) => room !== socket.id).sort();
}

export function openSocket(url: string, headers: Record<string, string> = {}): Socket {
  const socket = connect(url, { transports: ["websocket"], extraHeaders: headers, reconnection: false });
  cleanups.push(() => void socket.disconnect());
  return socket;
}

export function connectOutcome(socket: Socket): Promise<"connected" | string> {
  return new Promise((resolve) => {
    socket.once("connect", () => resolve("connected"));
    socket.once("connect_error", (error) => resolve(error.message));
  });
}

export async function sessionCookie(userId: string, secret = SOCKET_SECRET): Promise<string> {
  return `next-auth.session-token=${await encode({ token: { sub: userId }, secret })}`;
}

/** A connected socket for the user, or a failed test. */
export async function connectAs(url: string, userId: string): Promise<Socket> {
  const socket = openSocket(url, { cookie: await sessionCookie(userId) });
  const outcome = await connectOutcome(socket);
  if (outcome !== "connected") throw new Error(`socket refused: ${outcome}`);
  return socket;
}

/** Retries until the assertion passes instead of sleeping for a guessed time. */
export async function eventually(assertion: () => void | Promise<void>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
