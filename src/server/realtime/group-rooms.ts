import type { Db } from "@/server/db";
import type { DomainEvent } from "@/server/events";
import { documentsVisibleToWhere, membershipsAllowedWhere, threadsVisibleToWhere } from "@/server/policy";
import type { Recheck } from "@/server/realtime/live-access";

type GroupRoom = `group:${string}`;
/** Where a guest hears the group's news about one thread or document they were invited to. */
type GuestRoom = `guest-thread:${string}` | `guest-document:${string}`;

const GUEST_ROOM_PREFIXES = ["guest-thread:", "guest-document:"] as const;
const isNewsRoom = (room: string) => room.startsWith("group:") || GUEST_ROOM_PREFIXES.some((prefix) => room.startsWith(prefix));

/** Group rooms carry news about every thread, so guests (who see only their threads) stay out. */
export async function groupRoomsOf(db: Db, userId: string): Promise<GroupRoom[]> {
  const memberships = await db.membership.findMany({
    where: { userId, ...membershipsAllowedWhere("thread.viewAll") },
    select: { groupId: true },
  });
  return memberships.map(({ groupId }): GroupRoom => `group:${groupId}`);
}

/**
 * Instead of the group's room, a guest is in one room per thread and document they were invited
 * to and may still see, which hears only the group's news about it (see guestRoomsFor). Someone
 * invited before becoming a member may be in both: one emit to both rooms reaches them once.
 */
export async function guestRoomsOf(db: Db, userId: string): Promise<GuestRoom[]> {
  const [threads, documents] = await Promise.all([
    db.thread.findMany({ where: { AND: [{ guests: { some: { userId } } }, threadsVisibleToWhere(userId)] }, select: { id: true } }),
    db.document.findMany({ where: { AND: [{ guests: { some: { userId } } }, documentsVisibleToWhere(userId)] }, select: { id: true } }),
  ]);
  return [...threads.map(({ id }): GuestRoom => `guest-thread:${id}`), ...documents.map(({ id }): GuestRoom => `guest-document:${id}`)];
}

/** Every room that brings the person a group's news: their groups', and their guest rooms. */
export async function newsRoomsOf(db: Db, userId: string): Promise<(GroupRoom | GuestRoom)[]> {
  const [groups, guest] = await Promise.all([groupRoomsOf(db, userId), guestRoomsOf(db, userId)]);
  return [...groups, ...guest];
}

export const guestThreadRoom = (threadId: string): GuestRoom => `guest-thread:${threadId}`;

/**
 * The guest rooms that also hear a group room's event: news of a thread (a new comment, a poll in
 * it) goes to the thread's guests, an adoption to the document's. Only these events, whose payload
 * is ids about that one thread or document, ever leave the group's room.
 */
export function guestRoomsFor(event: DomainEvent): GuestRoom[] {
  if (!event.room.startsWith("group:")) return [];
  if (event.name === "thread.activity") return [guestThreadRoom(event.payload.threadId)];
  if (event.name === "poll.updated") {
    const { threadId, documentId } = event.payload;
    return [...(threadId ? [guestThreadRoom(threadId)] : []), ...(documentId ? [`guest-document:${documentId}` as const] : [])];
  }
  return [];
}

/** Puts a socket in exactly the group and guest rooms its person belongs in now; if that cannot be told, in none. */
export function recheckGroupRooms(db: Db): Recheck {
  return async (socket, pass) => {
    const { userId } = socket.data;
    const expected = new Set<string>(await pass.once(`news:${userId}`, () => newsRoomsOf(db, userId).catch(() => [])));
    for (const room of socket.rooms) {
      if (isNewsRoom(room) && pass.covers(room) && !expected.has(room)) socket.leave(room);
    }
    const missing = [...expected].filter((room) => pass.covers(room) && !socket.rooms.has(room));
    if (missing.length) socket.join(missing);
  };
}
