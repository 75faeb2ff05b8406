import type { CommentDto } from "@/server/comments/schemas";
import type { GroupSummary } from "@/server/groups/schemas";
import type { NotificationDto } from "@/server/notifications/schemas";
import type { ReactionSummary } from "@/server/threads/schemas";

/**
 * Every live update, typed once. Services publish after their transaction commits; the socket
 * layer forwards each event to its room, and the payload is the same DTO that tRPC returns.
 */
export type DomainEvents = {
  /** The user gained a membership: their sockets join the group's room and lists refresh. */
  "membership.added": { userId: string; group: GroupSummary };
  /** The user lost a membership: their sockets leave the group's room. */
  "membership.removed": { userId: string; groupId: string };
  /** Something a thread list shows changed (new thread, comment, pin, close, move, edit): lists refetch. */
  "thread.activity": { groupId: string; threadId: string };
  /** The thread's own title, body, tags or state changed: open pages refetch it. */
  "thread.updated": { threadId: string };
  "comment.created": CommentDto;
  "comment.updated": CommentDto;
  "comment.deleted": CommentDto;
  "reaction.changed": { threadId: string; subject: "thread" | "comment"; subjectId: string; reactions: ReactionSummary[] };
  /** Who has the thread open right now. */
  "thread.presence": { threadId: string; viewers: { id: string; name: string }[] };
  "thread.typing": { threadId: string; user: { id: string; name: string }; typing: boolean };
  /** A poll was created, voted on, closed, reopened or given an outcome: pages showing it refetch. */
  "poll.updated": { pollId: string; groupId: string; threadId: string | null };
  /** A new notification for the room's user: the bell's count and list refresh. */
  "notification.created": NotificationDto;
};

export type EventName = keyof DomainEvents;

/** Rooms are per user (their own devices) and per group (everyone in it). */
export type Room = `user:${string}` | `group:${string}` | `thread:${string}`;

export type DomainEvent = {
  [K in EventName]: { name: K; room: Room; payload: DomainEvents[K] };
}[EventName];

export type Publish = (event: DomainEvent) => void;

export type ServerToClientEvents = { [K in EventName]: (payload: DomainEvents[K]) => void };
export type ClientToServerEvents = {
  /** Open a thread's live room; the answer says whether the caller may. */
  "thread.join": (threadId: string, answer: (result: { ok: boolean }) => void) => void;
  "thread.leave": (threadId: string) => void;
  "thread.typing": (update: { threadId: string; typing: boolean }) => void;
};

type Listener = (event: DomainEvent) => void;

class EventBus {
  private readonly listeners = new Set<Listener>();

  publish: Publish = (event) => {
    for (const listener of this.listeners) listener(event);
  };

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

const holder = globalThis as unknown as { hearthEventBus?: EventBus };

/** One bus per process, shared through globalThis because Next bundles route handlers apart from server.ts. */
export function getEventBus(): EventBus {
  holder.hearthEventBus ??= new EventBus();
  return holder.hearthEventBus;
}
