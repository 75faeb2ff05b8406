import type { IncomingMessage, Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { userIdFromCookieHeader } from "@/server/auth/session-token";
import type { Db } from "@/server/db";
import type { ClientToServerEvents, DomainEvent, getEventBus, ServerToClientEvents } from "@/server/events";
import { logger } from "@/server/logger";
import { handleDocumentRooms } from "@/server/realtime/document-rooms";
import { handleThreadRooms } from "@/server/realtime/thread-rooms";

type SocketData = { userId: string; name: string };
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
 * Attaches socket.io to Hearth's HTTP server. Each socket is authenticated from the next-auth
 * session cookie at handshake, joins its user room and one room per group, and receives the
 * domain events the bus publishes to those rooms.
 */
export function attachRealtime(
  httpServer: HttpServer,
  deps: { db: Db; authSecret: string; bus: ReturnType<typeof getEventBus> },
): { io: RealtimeServer; close: () => Promise<void> } {
  const io: RealtimeServer = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 1_000_000,
    destroyUpgrade: false,
    allowRequest: (request, callback) => callback(null, isSameOrigin(request)),
  });

  io.use(async (socket, next) => {
    try {
      const userId = await userIdFromCookieHeader(socket.handshake.headers.cookie, deps.authSecret);
      const user = userId
        ? await deps.db.user.findUnique({ where: { id: userId }, select: { id: true, name: true } })
        : null;
      if (!user) return next(new Error("unauthorized"));
      socket.data = { userId: user.id, name: user.name };
      next();
    } catch (error) {
      logger.error({ err: error }, "socket handshake failed");
      next(new Error("unavailable"));
    }
  });

  io.on("connection", async (socket) => {
    const { userId } = socket.data;
    // Group rooms carry news about every thread, so guests (who see only their threads) stay out.
    const memberships = await deps.db.membership.findMany({
      where: { userId, role: { not: "guest" } },
      select: { groupId: true },
    });
    await socket.join([`user:${userId}`, ...memberships.map(({ groupId }) => `group:${groupId}`)]);
  });

  handleThreadRooms(io, deps.db);
  const closeDocumentRooms = handleDocumentRooms(io, deps.db, deps.bus);

  const forward = (event: DomainEvent) => {
    if (event.name === "membership.added" && event.payload.group.role !== "guest") {
      io.in(`user:${event.payload.userId}`).socketsJoin(`group:${event.payload.group.id}`);
    }
    if (event.name === "membership.removed") {
      io.in(`user:${event.payload.userId}`).socketsLeave(`group:${event.payload.groupId}`);
    }
    // The union is checked where events are published; emit cannot narrow a union of names and payloads.
    (io.to(event.room).emit as (name: string, payload: unknown) => boolean)(event.name, event.payload);
  };
  const unsubscribe = deps.bus.subscribe(forward);

  return {
    io,
    close: async () => {
      unsubscribe();
      closeDocumentRooms();
      await io.close();
    },
  };
}
