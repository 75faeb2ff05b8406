import type { Db } from "@/server/db";
import { membershipsAllowedWhere } from "@/server/policy";
import type { Recheck } from "@/server/realtime/live-access";

type GroupRoom = `group:${string}`;

/** Group rooms carry news about every thread, so guests (who see only their threads) stay out. */
export async function groupRoomsOf(db: Db, userId: string): Promise<GroupRoom[]> {
  const memberships = await db.membership.findMany({
    where: { userId, ...membershipsAllowedWhere("thread.viewAll") },
    select: { groupId: true },
  });
  return memberships.map(({ groupId }): GroupRoom => `group:${groupId}`);
}

/** Puts a socket in exactly the group rooms its person belongs in now; if that cannot be told, in none. */
export function recheckGroupRooms(db: Db): Recheck {
  return async (socket, pass) => {
    const { userId } = socket.data;
    const expected = new Set<string>(await pass.once(`groups:${userId}`, () => groupRoomsOf(db, userId).catch(() => [])));
    for (const room of socket.rooms) {
      if (room.startsWith("group:") && pass.covers(room) && !expected.has(room)) socket.leave(room);
    }
    const missing = [...expected].filter((room) => pass.covers(room) && !socket.rooms.has(room));
    if (missing.length) socket.join(missing);
  };
}
