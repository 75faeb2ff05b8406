import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { Socket } from "socket.io-client";
import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates, type Awareness } from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import type { ClientToServerEvents, DocumentSyncAnswer, DomainEvents, ServerToClientEvents, SocketEvents } from "@/server/events";

export type DocumentSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * - connecting: waiting for the socket or the first sync
 * - saved: every local change is stored on the server
 * - saving: changes sent, not yet confirmed
 * - offline: disconnected; edits stay here and merge on reconnect
 * - refused: the server will not open this document for us (or no longer lets us see it)
 * - failed: a change was refused (too large, unreadable); reloading is the way out
 */
export type SyncStatus = "connecting" | "saved" | "saving" | "offline" | "refused" | "failed";

/** `notice` says why what we may do changed while the document was open (a role change). */
export type SyncState = { status: SyncStatus; canEdit: boolean; error: string | null; notice: string | null };

type AwarenessChanges = { added: number[]; updated: number[]; removed: number[] };

/** Browsers receive socket.io binaries as ArrayBuffer, Node as Buffer: both become a Uint8Array here. */
const toBytes = (data: Uint8Array | ArrayBuffer): Uint8Array => new Uint8Array(data);

/**
 * Keeps a Y.Doc and its Awareness in step with a document room over socket.io. On every
 * (re)connect it joins and runs y-protocols sync step 1/2 both ways, so edits made offline merge
 * then; while connected each local update is sent as it happens. Remote changes are applied
 * with this object as origin so they are never echoed back.
 */
export class DocumentSync {
  private state: SyncState = { status: "connecting", canEdit: false, error: null, notice: null };
  private joined = false;
  private pending = 0;
  private readonly remote = "remote";

  constructor(
    private readonly socket: DocumentSocket,
    private readonly documentId: string,
    private readonly doc: Y.Doc,
    private readonly awareness: Awareness,
    private readonly onState: (state: SyncState) => void = () => undefined,
  ) {}

  get current(): SyncState {
    return this.state;
  }

  start(): void {
    this.socket.on("connect", this.join);
    this.socket.on("disconnect", this.onDisconnect);
    this.socket.on("document.update", this.onRemoteUpdate);
    this.socket.on("document.awareness", this.onRemoteAwareness);
    this.socket.on("document.seat", this.onSeat);
    this.socket.on("access.revoked", this.onRevoked);
    this.doc.on("update", this.onLocalUpdate);
    this.awareness.on("update", this.onLocalAwareness);
    if (this.socket.connected) this.join();
  }

  stop(): void {
    this.socket.off("connect", this.join);
    this.socket.off("disconnect", this.onDisconnect);
    this.socket.off("document.update", this.onRemoteUpdate);
    this.socket.off("document.awareness", this.onRemoteAwareness);
    this.socket.off("document.seat", this.onSeat);
    this.socket.off("access.revoked", this.onRevoked);
    this.doc.off("update", this.onLocalUpdate);
    this.awareness.off("update", this.onLocalAwareness);
    if (this.joined && this.socket.connected) this.socket.emit("document.leave", this.documentId);
    this.joined = false;
  }

  private set(patch: Partial<SyncState>): void {
    this.state = { ...this.state, ...patch };
    this.onState(this.state);
  }

  private readonly join = (): void => {
    this.joined = false;
    this.socket.emit("document.join", this.documentId, (result) => {
      if (!result.ok) {
        // After losing access, the reason given then stays on screen.
        const error = this.state.status === "refused" ? this.state.error : null;
        return this.set({ status: "refused", error: error ?? "This document could not be opened." });
      }
      this.set({ canEdit: result.canEdit });
      const step1 = encoding.createEncoder();
      syncProtocol.writeSyncStep1(step1, this.doc);
      this.socket.emit("document.sync", this.documentId, encoding.toUint8Array(step1), this.onSyncReplies);
    });
  };

  /** The server's step 2 brings what we missed; its step 1 asks for what it missed (our offline edits). */
  private readonly onSyncReplies = (answer: DocumentSyncAnswer): void => {
    if (!answer.ok) return this.set({ status: "failed", error: answer.reason });
    for (const reply of answer.replies) {
      const encoder = encoding.createEncoder();
      syncProtocol.readSyncMessage(decoding.createDecoder(toBytes(reply)), encoder, this.doc, this.remote);
      if (encoding.length(encoder) > 0 && this.state.canEdit) this.send("document.sync", encoding.toUint8Array(encoder));
    }
    // From here on every local update is sent as it happens; the step 2 above covered the rest.
    this.joined = true;
    if (this.pending === 0) this.set({ status: "saved", error: null });
    const local = this.awareness.getLocalState() ? [this.doc.clientID] : [];
    if (local.length) this.socket.emit("document.awareness", this.documentId, encodeAwarenessUpdate(this.awareness, local));
  };

  private send(event: "document.sync" | "document.update", data: Uint8Array): void {
    this.pending += 1;
    this.set({ status: "saving" });
    const onAnswer = (answer: DocumentSyncAnswer) => {
      this.pending -= 1;
      if (!answer.ok) return this.set({ status: "failed", error: answer.reason });
      if (this.pending === 0 && this.state.status === "saving") this.set({ status: "saved" });
    };
    if (event === "document.sync") this.socket.emit("document.sync", this.documentId, data, onAnswer);
    else this.socket.emit("document.update", this.documentId, data, onAnswer);
  }

  private forgetOthers(): void {
    const others = [...this.awareness.getStates().keys()].filter((client) => client !== this.doc.clientID);
    removeAwarenessStates(this.awareness, others, this.remote);
  }

  private readonly onDisconnect = (): void => {
    this.joined = false;
    this.pending = 0;
    this.forgetOthers();
    if (this.state.status !== "refused") this.set({ status: "offline" });
  };

  /** Our role changed: from now on local changes are sent only if we may still edit. */
  private readonly onSeat = (event: SocketEvents["document.seat"]): void => {
    if (event.documentId !== this.documentId) return;
    this.set({ canEdit: event.canEdit, notice: event.message });
  };

  /** The server took us out of the room: nothing more arrives or is sent. */
  private readonly onRevoked = (event: SocketEvents["access.revoked"]): void => {
    if (event.room !== "document" || event.id !== this.documentId) return;
    this.joined = false;
    this.pending = 0;
    this.forgetOthers();
    this.set({ status: "refused", canEdit: false, error: event.message });
  };

  /**
   * A read-only seat the document lets suggest (a guest) sends its changes too: its editor makes
   * only suggestions, and the server refuses anything more.
   */
  maySuggest = false;

  private readonly onLocalUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this.remote || !this.joined || !(this.state.canEdit || this.maySuggest)) return;
    this.send("document.update", update);
  };

  private readonly onRemoteUpdate = (event: DomainEvents["document.update"]): void => {
    if (event.documentId !== this.documentId) return;
    Y.applyUpdate(this.doc, toBytes(event.update), this.remote);
  };

  private readonly onLocalAwareness = (changes: AwarenessChanges, origin: unknown): void => {
    if (origin === this.remote || !this.joined) return;
    const clients = [...changes.added, ...changes.updated, ...changes.removed];
    this.socket.emit("document.awareness", this.documentId, encodeAwarenessUpdate(this.awareness, clients));
  };

  private readonly onRemoteAwareness = (event: DomainEvents["document.awareness"]): void => {
    if (event.documentId !== this.documentId) return;
    try {
      applyAwarenessUpdate(this.awareness, toBytes(event.update), this.remote);
    } catch {
      // Another editor's unreadable cursor is not worth breaking the document for.
    }
  };
}
