import type { IncomingMessage, Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/redis-adapter";
import { Server } from "socket.io";
import { connectRedis } from "@/server/cluster/redis";
import { checkSession } from "@/server/auth/session";
import { readSessionCookie } from "@/server/auth/session-token";
import type { Db } from "@/server/db";
import type { ClientToServerEvents, DomainEvent, getEventBus, ServerToClientEvents } from "@/server/events";
import { logger } from "@/server/logger";
import { rolesAlwaysAllowed } from "@/server/policy";
import { limitSocketEvents } from "@/server/rate-limit";
import { handleDocumentRooms } from "@/server/realtime/document-rooms";
import { guestRoomsFor, guestThreadRoom, newsRoomsOf, recheckGroupRooms } from "@/server/realtime/group-rooms";
import { LiveAccess, RecheckPass, type LiveSocket, type SocketData } from "@/server/realtime/live-access";
import { handleThreadRooms } from "@/server/realtime/thread-rooms";

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<never, never>, SocketData>;

/** Browsers always send Origin on WebSocket/XHR; refusing foreign origins stops cross-site socket hijacking. */
function isSameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/**
 * With several instances, socket.io's Redis adapter carries what sockets say to each other
 * (typing, presence) to every instance and lets each one list the sockets in a room cluster-wide.
 * Domain events do not use it: each instance receives every event from the bus relay and
 * delivers it to its own sockets (`io.local`), in step with its own access re-checks.
 */
function redisAdapter(redisUrl: string) {
  const publisher = connectRedis(redisUrl, "sockets-publish");
  // The adapter publishes without waiting for Redis's answer: a failure (Redis away, this server
  // stopping) is logged here rather than left unhandled. What it was for (presence, typing) is
  // best effort and said again at the next change.
  const publish = publisher.publish.bind(publisher);
  publisher.publish = ((channel: string, message: string | Buffer) =>
    publish(channel, message).catch((error: unknown) => {
      logger.warn({ err: error }, "a socket broadcast could not reach the other instances");
      return 0;
    })) as typeof publisher.publish;
  const subscriber = connectRedis(redisUrl, "sockets-subscribe");
  return {
    adapter: createAdapter(publisher, subscriber, { key: "hearth-sockets", publishOnSpecificResponseChannel: true }),
    close: () => Promise.allSettled([publisher.quit(), subscriber.quit()]),
  };
}

/**
 * Attaches socket.io to Hearth's HTTP server. Each socket is authenticated from the next-auth
 * session cookie at handshake, joins its user room and one room per group (for a guest, one per
 * thread or document they were invited to), and receives the domain events the bus publishes to
 * those rooms. With `redisUrl`, instances share rooms.
 */
export function attachRealtime(
  httpServer: HttpServer,
  deps: { db: Db; authSecret: string; bus: ReturnType<typeof getEventBus>; redisUrl?: string | null; websocketOnly?: boolean },
): { io: RealtimeServer; openDocumentCount: () => number; close: () => Promise<void> } {
  const cluster = deps.redisUrl ? redisAdapter(deps.redisUrl) : null;
  const io: RealtimeServer = new Server(httpServer, {
    ...(cluster ? { adapter: cluster.adapter } : {}),
    serveClient: false,
    ...(deps.websocketOnly ? { transports: ["websocket"] } : {}),
    maxHttpBufferSize: 1_000_000,
    destroyUpgrade: false,
    allowRequest: (request, callback) => callback(null, isSameOrigin(request)),
  });

  // A session that has ended (password changed, signed out everywhere) is refused like no session.
  io.use(async (socket, next) => {
    try {
      const claims = await readSessionCookie(socket.handshake.headers.cookie, deps.authSecret);
      const check = claims ? await checkSession(deps.db, claims) : null;
      if (!check?.ok) return next(new Error("unauthorized"));
      socket.data = { userId: check.user.id, name: check.user.name, documentSeats: {} };
      next();
    } catch (error) {
      logger.error({ err: error }, "socket handshake failed");
      next(new Error("unavailable"));
    }
  });
  // Floods of events from one socket are cut off (limits per event in rate-limit.ts).
  io.on("connection", (socket) => socket.use(limitSocketEvents()));

  const access = new LiveAccess();
  const recheckGroups = recheckGroupRooms(deps.db);

  io.on("connection", async (socket) => {
    const { userId } = socket.data;
    const mark = access.mark();
    await socket.join([`user:${userId}`, ...(await newsRoomsOf(deps.db, userId))]);
    // A re-check that ran while the memberships were read may have missed this socket.
    if (access.changedSince(mark)) await recheckGroups(socket, new RecheckPass());
    socket.emit("live.ready", {});
  });

  const threadRooms = handleThreadRooms(io, deps.db, access);
  const documentRooms = handleDocumentRooms(io, deps.db, deps.bus, access);

  /**
   * Checks sockets' rooms again with the same checks as joining them (all rooms, or one), so
   * access that ends ends on open connections too, and tells each socket what it lost.
   */
  async function reauthorise(sockets: LiveSocket[], pass: RecheckPass): Promise<void> {
    const checks = [recheckGroups, threadRooms.recheck, documentRooms.recheck];
    await Promise.all(sockets.flatMap((socket) => checks.map((check) => check(socket, pass))));
  }
  // Every instance hears every event and acts for its own sockets only (see redisAdapter).
  const local = io.local;
  /** Every room of every socket of the person, after their membership or role changed. */
  const reauthoriseUser = (userId: string) =>
    access.recheck(`user:${userId}`, async () => reauthorise(await local.in(`user:${userId}`).fetchSockets(), new RecheckPass()));
  /** Everyone in one thread's rooms (its own, and its guests' news), after the thread moved to another group. */
  const reauthoriseThread = (threadId: string) =>
    access.recheck(`thread:${threadId}`, async () => {
      for (const room of [`thread:${threadId}`, guestThreadRoom(threadId)]) {
        await reauthorise(await local.in(room).fetchSockets(), new RecheckPass(room));
      }
    });

  const forward = (event: DomainEvent) => {
    // The person's sessions ended: their sockets close, and reconnecting needs a current session.
    if (event.name === "session.revoked") return void local.in(`user:${event.payload.userId}`).disconnectSockets(true);
    if (event.name === "membership.removed" || event.name === "membership.changed") reauthoriseUser(event.payload.userId);
    if (event.name === "thread.moved") reauthoriseThread(event.payload.threadId);
    // A guest's new membership comes with the thread or document they were invited to: its room is joined as a re-check.
    if (event.name === "membership.added" && !rolesAlwaysAllowed("thread.viewAll").includes(event.payload.group.role)) {
      reauthoriseUser(event.payload.userId);
    }
    access.deliver(() => {
      if (event.name === "membership.added" && rolesAlwaysAllowed("thread.viewAll").includes(event.payload.group.role)) {
        local.in(`user:${event.payload.userId}`).socketsJoin(`group:${event.payload.group.id}`);
      }
      // One emit to every room concerned, so a socket in several of them hears the event once.
      const rooms = [event.room, ...guestRoomsFor(event)];
      const room = event.exceptSocket ? local.to(rooms).except(event.exceptSocket) : local.to(rooms);
      // The union is checked where events are published; emit cannot narrow a union of names and payloads.
      (room.emit as (name: string, payload: unknown) => boolean)(event.name, event.payload);
      // Nothing more will be said in a deleted thread's room, so nobody stays in it.
      if (event.name === "thread.deleted" && event.room === `thread:${event.payload.threadId}`) local.in(event.room).socketsLeave(event.room);
    });
  };
  const unsubscribe = deps.bus.subscribe(forward);

  return {
    io,
    openDocumentCount: documentRooms.openCount,
    /**
     * Stores pending document updates, then closes every connection without a disconnect
     * message, so clients reconnect on their own: to another instance when this one is stopping.
     */
    close: async () => {
      unsubscribe();
      await documentRooms.close();
      await io.close();
      await cluster?.close();
    },
  };
}
