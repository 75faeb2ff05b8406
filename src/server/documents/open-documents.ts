import { applyAwarenessUpdate, Awareness, removeAwarenessStates } from "y-protocols/awareness";
import * as Y from "yjs";
import type { Db } from "@/server/db";
import { afterUpdatePersisted } from "@/server/documents/live";
import { appendUpdates, compactDocument, loadDocumentState } from "@/server/documents/persistence";
import { logger } from "@/server/logger";
import { flushDocumentIndex } from "@/server/search/documents-index";

/** Fold stored updates into the snapshot after this many, so loading stays quick in busy documents. */
export const COMPACT_EVERY_UPDATES = 500;

/**
 * One socket's seat in an open document: who it is, whether it may write (changed in place when
 * their role changes), and the awareness clients it speaks for.
 */
export type Editor = { userId: string; name: string; canEdit: boolean; awarenessClients: Set<number> };

/** A document held in memory while anyone has it open. Every change in `doc` is already stored. */
export type OpenDocument = {
  documentId: string;
  doc: Y.Doc;
  awareness: Awareness;
  /** Keyed by socket id. */
  editors: Map<string, Editor>;
  updatesSinceCompaction: number;
  compacting: Promise<void> | null;
  /** Updates waiting for the write in progress to finish; they are stored together next. */
  queued: QueuedUpdate[];
  /** The write of queued updates under way, if any; it takes updates queued meanwhile too. */
  writing: Promise<void> | null;
};

type QueuedUpdate = { update: Uint8Array; userId: string; done: (error?: unknown) => void };

/**
 * The documents open on this server. A document is loaded from the database when its first
 * editor joins and dropped (after compacting its updates) when the last one leaves. Nothing
 * lives only here: updates are stored before they are applied, so a restart loses nothing.
 */
export class OpenDocuments {
  private readonly loads = new Map<string, Promise<OpenDocument>>();

  constructor(private readonly db: Db) {}

  /** The open document, loading it if needed; retries when it was unloaded while we waited. */
  async seat(documentId: string, socketId: string, editor: Omit<Editor, "awarenessClients">): Promise<OpenDocument> {
    for (;;) {
      let load = this.loads.get(documentId);
      if (!load) {
        load = this.load(documentId);
        this.loads.set(documentId, load);
        load.catch(() => this.loads.delete(documentId));
      }
      const open = await load;
      if (this.loads.get(documentId) !== load) continue;
      const previous = open.editors.get(socketId);
      open.editors.set(socketId, { ...editor, awarenessClients: previous?.awarenessClients ?? new Set() });
      return open;
    }
  }

  /** The open document this socket has a seat in, or null. */
  async find(documentId: string, socketId: string): Promise<{ open: OpenDocument; editor: Editor } | null> {
    const load = this.loads.get(documentId);
    const open = load ? await load.catch(() => null) : null;
    const editor = open?.editors.get(socketId);
    return open && editor ? { open, editor } : null;
  }

  /** Every open document a socket has a seat in. */
  async seatsOf(socketId: string): Promise<OpenDocument[]> {
    const opens = await Promise.all([...this.loads.values()].map((load) => load.catch(() => null)));
    return opens.filter((open): open is OpenDocument => open !== null && open.editors.has(socketId));
  }

  /**
   * Binds awareness client ids to the seat that sends them, so nobody moves or clears another
   * person's cursor. An id bound to another person's seat, or the server's own, is refused; one
   * bound to another seat of the same person (a reconnect the server has not noticed yet) moves
   * over. Returns whether the seat may speak for all of them.
   */
  claimAwarenessClients(open: OpenDocument, socketId: string, clients: readonly number[]): boolean {
    const editor = open.editors.get(socketId);
    if (!editor) return false;
    for (const client of clients) {
      if (client === open.awareness.clientID) return false;
      for (const other of open.editors.values()) {
        if (other !== editor && other.userId !== editor.userId && other.awarenessClients.has(client)) return false;
      }
    }
    for (const client of clients) {
      for (const other of open.editors.values()) other.awarenessClients.delete(client);
      editor.awarenessClients.add(client);
    }
    return true;
  }

  /**
   * Removes a socket's seat. Returns the awareness clients it controlled (now removed) so the
   * room can be told; the document is unloaded when nobody is left.
   */
  vacate(open: OpenDocument, socketId: string): number[] {
    const editor = open.editors.get(socketId);
    if (!editor) return [];
    open.editors.delete(socketId);
    const clients = [...editor.awarenessClients].filter((client) => open.awareness.getStates().has(client));
    if (clients.length) removeAwarenessStates(open.awareness, clients, "server");
    if (open.editors.size === 0) this.unload(open);
    return clients;
  }

  /**
   * Stores an update; resolves once it is on disk. While one write runs, later updates queue and
   * go to disk together in the next transaction (group commit), so a busy document costs one disk
   * sync per batch instead of one per keystroke, and nobody's update waits behind a long queue.
   */
  store(open: OpenDocument, update: Uint8Array, userId: string): Promise<void> {
    return new Promise((resolve, reject) => {
      open.queued.push({ update, userId, done: (error) => (error ? reject(error) : resolve()) });
      open.writing ??= this.writeQueued(open);
    });
  }

  private async writeQueued(open: OpenDocument): Promise<void> {
    while (open.queued.length) {
      const batch = open.queued.splice(0);
      try {
        await appendUpdates(this.db, open.documentId, batch);
        for (const queued of batch) queued.done();
        afterUpdatePersisted(this.db, open.documentId, batch.at(-1)!.userId);
      } catch (error) {
        for (const queued of batch) queued.done(error);
      }
    }
    open.writing = null;
  }

  /** How many documents are open for live editing. */
  get count(): number {
    return this.loads.size;
  }

  /** Resolves once every update received so far is on disk: a stopping server waits for this. */
  async flush(): Promise<void> {
    const opens = await Promise.allSettled([...this.loads.values()]);
    for (const load of opens) {
      if (load.status === "fulfilled") while (load.value.writing) await load.value.writing;
    }
  }

  /** Applies a change that is already stored, and compacts now and then. */
  applyStored(open: OpenDocument, update: Uint8Array): void {
    Y.applyUpdate(open.doc, update, "stored");
    open.updatesSinceCompaction += 1;
    if (open.updatesSinceCompaction >= COMPACT_EVERY_UPDATES) this.compact(open);
  }

  /** A change stored elsewhere (a restored version) reaches the document here if it is open. */
  applyIfOpen(documentId: string, update: Uint8Array): void {
    void this.loads.get(documentId)?.then(
      (open) => Y.applyUpdate(open.doc, update, "stored"),
      () => undefined,
    );
  }

  /** Cursors said through another instance reach this instance's copy, so its newcomers see them too. */
  applyAwarenessIfOpen(documentId: string, update: Uint8Array): void {
    void this.loads.get(documentId)?.then(
      (open) => {
        try {
          applyAwarenessUpdate(open.awareness, update, "relayed");
        } catch (error) {
          logger.warn({ err: error, documentId }, "relayed cursor update not applied");
        }
      },
      () => undefined,
    );
  }

  /** Forgets every open document without touching the database (used when the server stops). */
  dropAll(): void {
    for (const load of this.loads.values()) {
      void load.then((open) => this.destroy(open), () => undefined);
    }
    this.loads.clear();
  }

  private async load(documentId: string): Promise<OpenDocument> {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await loadDocumentState(this.db, documentId), "stored");
    const awareness = new Awareness(doc);
    // The server has no cursor of its own; it only relays everyone else's.
    awareness.setLocalState(null);
    return {
      documentId,
      doc,
      awareness,
      editors: new Map(),
      updatesSinceCompaction: 0,
      compacting: null,
      queued: [],
      writing: null,
    };
  }

  private unload(open: OpenDocument): void {
    this.loads.delete(open.documentId);
    this.destroy(open);
    this.compact(open);
    // Nobody is typing any more: search need not wait for the rest.
    void flushDocumentIndex(open.documentId);
  }

  private destroy(open: OpenDocument): void {
    open.awareness.destroy();
    open.doc.destroy();
  }

  private compact(open: OpenDocument): void {
    if (open.compacting) return;
    open.updatesSinceCompaction = 0;
    open.compacting = compactDocument(this.db, open.documentId)
      .catch((error: unknown) => logger.warn({ err: error, documentId: open.documentId }, "document compaction failed"))
      .finally(() => {
        open.compacting = null;
      });
  }
}
