import type { Db } from "@/server/db";
import type { RealtimeServer } from "@/server/realtime/socket-server";
import { requireThreadAccess } from "@/server/threads/access";

type ThreadRoom = `thread:${string}`;
const roomOf = (threadId: string): ThreadRoom => `thread:${threadId}`;

/** Everyone with the thread open, once each however many tabs they have. */
async function broadcastPresence(io: RealtimeServer, threadId: string): Promise<void> {
  const sockets = await io.in(roomOf(threadId)).fetchSockets();
  const viewers = [...new Map(sockets.map(({ data }) => [data.userId, { id: data.userId, name: data.name }])).values()];
  io.to(roomOf(threadId)).emit("thread.presence", { threadId, viewers });
}

/**
 * Thread rooms carry comments, reactions, presence and typing. A socket joins one only after
 * the same access check as thread.byId, so a guest cannot listen in on other threads.
 */
export function handleThreadRooms(io: RealtimeServer, db: Db): void {
  io.on("connection", (socket) => {
    const { userId, name } = socket.data;

    socket.on("thread.join", async (threadId, answer) => {
      if (typeof threadId !== "string" || typeof answer !== "function") return;
      try {
        await requireThreadAccess(db, userId, threadId);
      } catch {
        return answer({ ok: false });
      }
      await socket.join(roomOf(threadId));
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
}
