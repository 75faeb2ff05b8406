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
  /** The user lost a membership: their sockets' rooms and open documents are checked again at once. */
  "membership.removed": { userId: string; groupId: string };
  /** The user's role in a group changed: their sockets' rooms and open documents are checked again at once. */
  "membership.changed": { userId: string; groupId: string; role: GroupSummary["role"] };
  /** Something a thread list shows changed (new thread, comment, pin, close, move, edit): lists refetch. */
  "thread.activity": { groupId: string; threadId: string };
  /** The thread's own title, body, tags or state changed: open pages refetch it. */
  "thread.updated": { threadId: string };
  /** The thread now belongs to another group: everyone in its room is checked again before hearing more. */
  "thread.moved": { threadId: string; groupId: string };
  /** An admin deleted the thread: open pages say so, lists refetch, and its room is emptied. */
  "thread.deleted": { threadId: string; groupId: string };
  "comment.created": CommentDto;
  "comment.updated": CommentDto;
  "comment.deleted": CommentDto;
  "reaction.changed": { threadId: string; subject: "thread" | "comment"; subjectId: string; reactions: ReactionSummary[] };
  /** Who has the thread open right now. */
  "thread.presence": { threadId: string; viewers: { id: string; name: string }[] };
  "thread.typing": { threadId: string; user: { id: string; name: string }; typing: boolean };
  /** Someone read the thread to its newest comment: open pages refetch "seen by". Ids only: guests in the room get counts, never names. */
  "thread.seen": { threadId: string };
  /**
   * A poll was created, voted on, closed, reopened or given an outcome: pages showing it refetch.
   * `documentId`: its outcome adopted a version of that document, or no longer does.
   */
  "poll.updated": { pollId: string; groupId: string; threadId: string | null; documentId?: string };
  /** A new notification for the room's user: the bell's count and list refresh. */
  "notification.created": NotificationDto;
  /** A meeting was scheduled, changed or deleted, or something was linked to it: open meeting pages and lists refetch. */
  "meeting.updated": { meetingId: string; groupId: string };
  /** A document's inline comments changed (new, reply, resolved, reopened, edited, deleted): open panels refetch. */
  "docComment.changed": { documentId: string };
  /** A document's suggestions changed (new, accepted, rejected, replied to): open panels refetch. */
  "suggestion.changed": { documentId: string };
  /** A document's mode (editing or suggesting) or who may suggest changed: open editors refetch the document. */
  "document.settings": { documentId: string };
  /** A Yjs update to a document, already stored: editors merge it (bytes arrive as ArrayBuffer in browsers). */
  "document.update": { documentId: string; update: Uint8Array | ArrayBuffer };
  /** y-protocols awareness (cursors, selections, names) of other editors of the document. */
  "document.awareness": { documentId: string; update: Uint8Array | ArrayBuffer };
  /** Who has the document open right now, once each however many tabs they have. */
  "document.presence": { documentId: string; editors: { id: string; name: string; canEdit: boolean }[] };
  /**
   * A resource was added, edited, given a version, published or deleted: open libraries and its
   * page refetch through the authorised queries. Ids only, so a draft's title never reaches members.
   */
  "resource.changed": { groupId: string; resourceId: string };
  /**
   * Someone asked for, gave or lost (the item changed) an acknowledgement of an outcome, document
   * version or minutes: open acknowledgement blocks refetch through ack.status. Ids only.
   */
  "ack.changed": { groupId: string; kind: "outcome" | "document_version" | "minutes"; id: string };
  /** A library folder was created, renamed or deleted: open libraries refetch their folders. */
  "folder.changed": { groupId: string; folderId: string };
  /** A decision of the register was created, updated or withdrawn: open registers and decision pages refetch. Ids only. */
  "decision.changed": { groupId: string; decisionId: string };
  /** A stakeholder or link of the group's map was added, changed, moved or deleted: open maps refetch. Ids only. */
  "stakeholder.changed": { groupId: string };
  /** The charter's text or public switch changed, or a signature was asked for or decided: open charter pages refetch. Ids only. */
  "charter.changed": { groupId: string };
  /**
   * Tasks were written, changed, ticked or removed: open task lists, checkboxes and My tasks refetch
   * through the authorised queries. Ids only, to the group's room, the thread's room and each
   * assignee's own room, so a title never reaches anyone who may not see it.
   */
  "task.changed": { groupId: string; taskIds: string[]; threadId?: string; meetingId?: string; decisionId?: string };
  /** An initiative was added, edited (its threads too) or deleted: open directories and thread pages refetch. Ids only. */
  "initiative.changed": { groupId: string; initiativeId: string };
  /** Every session of the user ended (password changed or reset, "Sign out everywhere"): their sockets are closed. */
  "session.revoked": { userId: string };
};

export type EventName = keyof DomainEvents;

/** Rooms are per user (their own devices) and per group (everyone in it). */
export type Room = `user:${string}` | `group:${string}` | `thread:${string}` | `document:${string}`;

export type DomainEvent = {
  /** `exceptSocket`: the socket the change came from, which has it already. */
  [K in EventName]: { name: K; room: Room; payload: DomainEvents[K]; exceptSocket?: string };
}[EventName];

export type Publish = (event: DomainEvent) => void;

/** Sent by the socket layer itself to the sockets concerned; services never publish these. */
export type SocketEvents = {
  /** This socket was taken out of a thread's or document's room because its person may no longer see it. */
  "access.revoked": { room: "thread" | "document"; id: string; message: string };
  /** This socket's seat in an open document changed between editing and reading only. */
  "document.seat": { documentId: string; canEdit: boolean; message: string };
  /**
   * The socket is in its person's rooms: from now on it hears every event meant for them. Sent
   * after each connect; pages say "Live" and refetch what a reconnect may have missed only then.
   */
  "live.ready": Record<string, never>;
};

export type ServerToClientEvents = { [K in EventName]: (payload: DomainEvents[K]) => void } & {
  [K in keyof SocketEvents]: (payload: SocketEvents[K]) => void;
};
export type ClientToServerEvents = {
  /** Open a thread's live room; the answer says whether the caller may. */
  "thread.join": (threadId: string, answer: (result: { ok: boolean }) => void) => void;
  "thread.leave": (threadId: string) => void;
  "thread.typing": (update: { threadId: string; typing: boolean }) => void;
  /** Open a document's live room; guests get canEdit false and their changes are refused. */
  "document.join": (documentId: string, answer: (result: { ok: false } | { ok: true; canEdit: boolean }) => void) => void;
  /** A y-protocols sync message (step 1, step 2 or update); the answer carries the server's replies. */
  "document.sync": (documentId: string, message: Uint8Array, answer: (result: DocumentSyncAnswer) => void) => void;
  /** One Yjs update typed by this editor; it is stored before the others are sent it. */
  "document.update": (documentId: string, update: Uint8Array, answer: (result: DocumentSyncAnswer) => void) => void;
  "document.awareness": (documentId: string, update: Uint8Array) => void;
  "document.leave": (documentId: string) => void;
};

/** A refusal says why in words for people; the room and everyone else in it carry on. */
export type DocumentSyncAnswer = { ok: true; replies: (Uint8Array | ArrayBuffer)[] } | { ok: false; reason: string };

type Listener = (event: DomainEvent) => void;

/**
 * Hands events to every instance (Redis pub/sub, see cluster/event-relay.ts), which each
 * deliver to their own listeners, in the order each instance published them.
 */
export type EventRelay = (event: DomainEvent) => void;

export class EventBus {
  private readonly listeners = new Set<Listener>();
  private relay: EventRelay | null = null;

  publish: Publish = (event) => {
    if (this.relay) this.relay(event);
    else this.deliver(event);
  };

  /** Hands an event to this instance's listeners: every published one, or one relayed from any instance. */
  deliver(event: DomainEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** With several instances every event goes through the relay, which brings it back to `deliver` here and elsewhere. */
  relayThrough(relay: EventRelay | null): void {
    this.relay = relay;
  }
}

const holder = globalThis as unknown as { hearthEventBus?: EventBus };

/** One bus per process, shared through globalThis because Next bundles route handlers apart from serve.ts. */
export function getEventBus(): EventBus {
  holder.hearthEventBus ??= new EventBus();
  return holder.hearthEventBus;
}
