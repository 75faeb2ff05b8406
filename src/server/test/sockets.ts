import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { io as connect, type Socket } from "socket.io-client";
import { afterEach, expect } from "vitest";
import { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { DocumentSync, type DocumentSocket } from "@/lib/documents/document-sync";
import { getDb } from "@/server/db";
import { loadDocumentState } from "@/server/documents/persistence";
import { textIn } from "@/server/documents/test-editing";
import { getEventBus, type DocumentSyncAnswer } from "@/server/events";
import { attachRealtime, type RealtimeServer } from "@/server/realtime/socket-server";
import { callerFor } from "@/server/test/factories";

export const SOCKET_SECRET = "socket-test-secret-that-is-long-enough";
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Runs `cleanup` after the test, before the sockets and servers opened earlier in it are closed. */
export function afterThisTest(cleanup: () => Promise<void> | void): void {
  cleanups.push(cleanup);
}

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

/** How the socket's connection ended: "connected", or the server's refusal. Ask before other awaits, or it may have connected already. */
export function connectOutcome(socket: Socket): Promise<"connected" | string> {
  return new Promise((resolve) => {
    // "connect" is heard once: a socket that connected while the caller awaited something else is done.
    if (socket.connected) return resolve("connected");
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

export type Heard = { name: string; payload: Record<string, unknown> };

/** A connected socket for the person, recording every event it hears, in order. */
export async function person(url: string, userId: string) {
  const socket = await connectAs(url, userId);
  const heard: Heard[] = [];
  socket.onAny((name: string, payload: Record<string, unknown>) => heard.push({ name, payload }));
  return { userId, socket, heard };
}
export type LivePerson = Awaited<ReturnType<typeof person>>;

/** The payloads of the events called `name` among those heard, in order. */
export function heardNamed(heard: readonly Heard[], name: string): Record<string, unknown>[] {
  return heard.filter((event) => event.name === name).map(({ payload }) => payload);
}

export function joinThread(socket: Socket, threadId: string): Promise<{ ok: boolean }> {
  return new Promise((resolve) => socket.emit("thread.join", threadId, resolve));
}

/** Emits an event that takes an answer (a join, a sync, an update), and resolves with the answer. */
export function emitWithAnswer(socket: Socket, event: string, ...args: unknown[]): Promise<DocumentSyncAnswer> {
  return new Promise((resolve) => socket.emit(event, ...args, resolve));
}

/**
 * The document open in a tab, as the browser keeps it: a Y.Doc, its awareness and the sync over
 * `socket`, once its first state is saved. Stopped after the test.
 */
export async function openDocument(socket: Socket, documentId: string) {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const sync = new DocumentSync(socket as DocumentSocket, documentId, doc, awareness);
  sync.start();
  afterThisTest(() => {
    sync.stop();
    awareness.destroy();
    doc.destroy();
  });
  await eventually(() => expect(sync.current.status).toBe("saved"));
  return { doc, awareness, sync, text: () => textIn(doc) };
}

/** The document's text as the database holds it. */
export async function storedText(documentId: string): Promise<string> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await loadDocumentState(getDb(), documentId));
  return textIn(doc);
}

type Caller = ReturnType<typeof callerFor>["caller"];

/** Calls procedures as the user, then publishes what they published, as the server does after commit. */
export async function as<T>(userId: string, call: (caller: Caller) => Promise<T>): Promise<T> {
  const { caller, published } = callerFor(userId);
  const result = await call(caller);
  for (const event of published) getEventBus().publish(event);
  return result;
}

/**
 * Publishes an event only this person's devices hear and waits until it arrives: everything
 * published before it has then been delivered to the socket, or withheld from it.
 */
export async function hearEverythingSoFar({ userId, heard }: LivePerson): Promise<void> {
  const marker = `marker-${crypto.randomUUID()}`;
  getEventBus().publish({ name: "thread.updated", room: `user:${userId}`, payload: { threadId: marker } });
  await eventually(() => expect(heard.some(({ payload }) => payload.threadId === marker)).toBe(true));
}
