import type { Db } from "@/server/db";
import { logger } from "@/server/logger";
import type { LiveAccess, Recheck } from "@/server/realtime/live-access";
import type { RealtimeServer } from "@/server/realtime/socket-server";
import { requireThreadAccess } from "@/server/threads/access";

type ThreadRoom = `thread:${string}`;
const roomOf = (threadId: string): ThreadRoom => `thread:${threadId}`;

const NO_LONGER_VISIBLE = "You no longer have access to this discussion, so new comments will not appear here.";

/** The same check as thread.byId. Any failure counts as no, a database error too: access fails closed. */
function mayView(db: Db, userId: string, threadId: string): Promise<boolean> {
  return requireThreadAccess(db, userId, threadId).then(
    () => true,
    () => false,
  );
}

/**
 * Everyone with the thread open on any instance, once each however many tabs they have. Best
 * effort: when the other instances cannot be asked (Redis away, a server stopping), the next
 * join or leave says it again.
 */
async function broadcastPresence(io: RealtimeServer, threadId: string): Promise<void> {
  try {
    const sockets = await io.in(roomOf(threadId)).fetchSockets();
    const viewers = [...new Map(sockets.map(({ data }) => [data.userId, { id: data.userId, name: data.name }])).values()];
    io.to(roomOf(threadId)).emit("thread.presence", { threadId, viewers });
  } catch (error) {
    logger.warn({ err: error, threadId }, "thread presence not sent");
  }
}

/**
 * Thread rooms carry comments, reactions, presence and typing. A socket joins one only after
 * the same access check as thread.byId, so a guest cannot listen in on other threads, and the
 * returned re-check takes sockets out again with that same check when access changes.
 */
export function handleThreadRooms(io: RealtimeServer, db: Db, access: LiveAccess): { recheck: Recheck } {
  io.on("connection", (socket) => {
    const { userId, name } = socket.data;

    socket.on("thread.join", async (threadId, answer) => {
      if (typeof threadId !== "string" || typeof answer !== "function") return;
      const mark = access.mark();
      if (!(await mayView(db, userId, threadId))) return answer({ ok: false });
      await socket.join(roomOf(threadId));
      // A re-check that ran while we were checking may have missed this socket, so check once more.
      if (access.changedSince(mark) && !(await mayView(db, userId, threadId))) {
        await socket.leave(roomOf(threadId));
        return answer({ ok: false });
      }
      answer({ ok: true });
      await broadcastPresence(io, threadId);
    });

    socket.on("thread.leave", async (threadId) => {
      if (typeof threadId !== "string" || !socket.rooms.has(roomOf(threadId))) return;
      await socket.leave(roomOf(threadId));
      await broadcastPresence(io, threadId);
    });

    socket.on("thread.typing", (update) => {
      const threadId = update?.threadId;
      if (typeof threadId !== "string" || !socket.rooms.has(roomOf(threadId))) return;
      socket.to(roomOf(threadId)).emit("thread.typing", { threadId, user: { id: userId, name }, typing: update.typing === true });
    });

    socket.on("disconnecting", () => {
      const threadIds = [...socket.rooms].filter((room) => room.startsWith("thread:")).map((room) => room.slice("thread:".length));
      socket.once("disconnect", () => {
        for (const threadId of threadIds) void broadcastPresence(io, threadId);
      });
    });
  });

  const recheck: Recheck = async (socket, pass) => {
    const { userId } = socket.data;
    const rooms = [...socket.rooms].filter((room): room is ThreadRoom => room.startsWith("thread:") && pass.covers(room));
    await Promise.all(
      rooms.map(async (room) => {
        const threadId = room.slice("thread:".length);
        if (await pass.once(`${userId}:${room}`, () => mayView(db, userId, threadId))) return;
        socket.leave(room);
        socket.emit("access.revoked", { room: "thread", id: threadId, message: NO_LONGER_VISIBLE });
        await broadcastPresence(io, threadId);
      }),
    );
  };
  return { recheck };
}
