import type { GroupSummary } from "@/server/groups/schemas";

/**
 * Every live update, typed once. Services publish after their transaction commits; the socket
 * layer forwards each event to its room, and the payload is the same DTO that tRPC returns.
 */
export type DomainEvents = {
  /** The user gained a membership: their sockets join the group's room and lists refresh. */
  "membership.added": { userId: string; group: GroupSummary };
  /** The user lost a membership: their sockets leave the group's room. */
  "membership.removed": { userId: string; groupId: string };
};

export type EventName = keyof DomainEvents;

/** Rooms are per user (their own devices) and per group (everyone in it). */
export type Room = `user:${string}` | `group:${string}`;

export type DomainEvent = {
  [K in EventName]: { name: K; room: Room; payload: DomainEvents[K] };
}[EventName];

export type Publish = (event: DomainEvent) => void;

export type ServerToClientEvents = { [K in EventName]: (payload: DomainEvents[K]) => void };
/** Nothing is sent up the socket yet: typing indicators and Yjs sync add to this. */
export type ClientToServerEvents = Record<never, never>;

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
