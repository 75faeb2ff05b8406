import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { applyAwarenessUpdate, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import type { Db } from "@/server/db";
import { requireDocumentAccess } from "@/server/documents/access";
import { claimForSeat, judgeClients } from "@/server/documents/authorship/clients";
import { OpenDocuments, type OpenDocument } from "@/server/documents/open-documents";
import { checkUpdate, MAX_UPDATE_BYTES, type CheckedUpdate, OTHERS_SUGGESTIONS, suggestionIdsInUpdate, type SuggestOnly } from "@/server/documents/update-check";
import type { DocumentSyncAnswer, getEventBus } from "@/server/events";
import { logger } from "@/server/logger";
import { labelAwarenessUpdate } from "@/server/realtime/awareness-labels";
import type { LiveAccess, LiveSocket, Recheck } from "@/server/realtime/live-access";
import type { RealtimeServer } from "@/server/realtime/socket-server";
import { openSuggestionIdsOfOthers, recordSuggestions, suggestionsOfOthers } from "@/server/suggestions/service";

type DocumentRoom = `document:${string}`;
const roomOf = (documentId: string): DocumentRoom => `document:${documentId}`;

/** Cursors and names are small; anything bigger is not an awareness message. */
const MAX_AWARENESS_BYTES = 32 * 1024;

const READ_ONLY = "You can read this document but not change it.";
const NOT_OPEN = "Open the document before sending changes to it.";
const NO_LONGER_VISIBLE = "You no longer have access to this document, so its changes will not appear here.";
const NOW_READ_ONLY = "Your role in this group changed: you can now read this document but not change it.";
const NOW_EDITABLE = "Your role in this group changed: you can now edit this document.";

function isDocumentId(value: unknown): value is string {
  return typeof value === "string" && value.length > 0 && value.length <= 100;
}

/** The person whose open seat shows a cursor with this client id, if any. */
function cursorOwner(open: OpenDocument, client: number): string | undefined {
  for (const editor of open.editors.values()) if (editor.awarenessClients.has(client)) return editor.userId;
  return undefined;
}

function answerWith(answer: unknown): (result: DocumentSyncAnswer) => void {
  return typeof answer === "function" ? (answer as (result: DocumentSyncAnswer) => void) : () => undefined;
}

/** Everyone with the document open on any instance, once each however many tabs they have (best effort, as for threads). */
async function broadcastPresence(io: RealtimeServer, documentId: string): Promise<void> {
  try {
    const sockets = await io.in(roomOf(documentId)).fetchSockets();
    const editors = new Map<string, { id: string; name: string; canEdit: boolean }>();
    for (const { data } of sockets) {
      const canEdit = data.documentSeats[documentId];
      if (canEdit !== undefined) editors.set(data.userId, { id: data.userId, name: data.name, canEdit });
    }
    io.to(roomOf(documentId)).emit("document.presence", { documentId, editors: [...editors.values()] });
  } catch (error) {
    logger.warn({ err: error, documentId }, "document presence not sent");
  }
}

/** The same check as document.byId; null when the person may not see it (any failure, so access fails closed). */
function accessOf(db: Db, userId: string, documentId: string): Promise<{ canEdit: boolean } | null> {
  return requireDocumentAccess(db, userId, documentId, "view").then(
    ({ canEdit }) => ({ canEdit }),
    () => null,
  );
}

/**
 * Document rooms carry Yjs sync, updates, awareness (cursors) and presence. A socket joins only
 * after the same access check as document.byId; read-only seats (guests) receive everything but
 * every change they send is refused, and the returned re-check applies that check again to open
 * seats when access changes. Each incoming change is checked on a scratch document, stored,
 * applied to the server's copy and only then sent to the others, so a malformed or refused
 * message never disturbs the room. `close` forgets the open documents.
 */
export function handleDocumentRooms(
  io: RealtimeServer,
  db: Db,
  bus: ReturnType<typeof getEventBus>,
  access: LiveAccess,
): { recheck: Recheck; openCount: () => number; close: () => Promise<void> } {
  const documents = new OpenDocuments(db);

  const queues = new Map<string, Promise<unknown>>();

  /** Runs the work after the socket's earlier work has finished, so its updates are checked in the order they came. */
  function inOrder<T>(socketId: string, work: () => Promise<T>): Promise<T> {
    const run = (queues.get(socketId) ?? Promise.resolve()).then(work, work);
    const tail = run.catch(() => undefined);
    queues.set(socketId, tail);
    void tail.then(() => {
      if (queues.get(socketId) === tail) queues.delete(socketId);
    });
    return run;
  }

  /**
   * A read-only seat may still suggest when the document lets its guests: read from the database
   * at each change, so turning the setting off stops suggestions at once. Its changes may touch
   * only its own suggestions, and may not reuse someone else's suggestion id.
   */
  async function suggestOnlySeat(documentId: string, userId: string, data: unknown): Promise<SuggestOnly | string> {
    const document = await db.document.findUnique({ where: { id: documentId }, select: { guestsMaySuggest: true } });
    if (!document?.guestsMaySuggest) return READ_ONLY;
    if (!(data instanceof Uint8Array) || data.byteLength > MAX_UPDATE_BYTES) return { othersIds: new Set() };
    if (await suggestionsOfOthers(db, documentId, userId, suggestionIdsInUpdate(data))) return OTHERS_SUGGESTIONS;
    return { othersIds: await openSuggestionIdsOfOthers(db, documentId, userId) };
  }

  /** Stores a change from a socket, then applies and relays it. */
  async function receiveUpdate(socketId: string, userId: string, documentId: string, data: unknown): Promise<DocumentSyncAnswer> {
    // A change that arrives while someone's access is being checked again waits for the verdict.
    await access.settled();
    const seat = await documents.find(documentId, socketId);
    if (!seat) return { ok: false, reason: NOT_OPEN };
    // Who the update writes as is settled before it is checked, so a refused one never reaches the check's copy.
    const clients = judgeClients(seat.open.doc, userId, data, MAX_UPDATE_BYTES, (client) => cursorOwner(seat.open, client));
    if (!clients.ok) return { ok: false, reason: clients.reason };
    const check = async (): Promise<CheckedUpdate> => {
      // A read-only seat is refused before it could claim anything.
      const suggestOnly = seat.editor.canEdit ? undefined : await suggestOnlySeat(documentId, userId, data);
      if (typeof suggestOnly === "string") return { ok: false, reason: suggestOnly };
      if (clients.unclaimed.length) {
        const refused = await claimForSeat(db, documentId, seat.open.doc, clients.unclaimed, userId);
        if (refused) return { ok: false, reason: refused };
      }
      return checkUpdate(data, MAX_UPDATE_BYTES, seat.open.doc, suggestOnly);
    };
    // Look-ups must not let a later update be checked before an earlier one of the same socket.
    const waits = !seat.editor.canEdit || clients.unclaimed.length > 0 || queues.has(socketId);
    const checked = waits ? await inOrder(socketId, check) : checkUpdate(data, MAX_UPDATE_BYTES, seat.open.doc);
    if (!checked.ok) return { ok: false, reason: checked.reason };
    if (checked.empty) return { ok: true, replies: [] };
    try {
      await documents.store(seat.open, checked.update, userId);
    } catch (error) {
      logger.warn({ err: error, documentId }, "document update not stored");
      return { ok: false, reason: "That change could not be saved. Please reload the document." };
    }
    documents.applyStored(seat.open, checked.update);
    // Through the bus, so every instance's copy of the document takes it too (stored once, here).
    bus.publish({ name: "document.update", room: roomOf(documentId), payload: { documentId, update: checked.update }, exceptSocket: socketId });
    await recordSuggestions(db, bus.publish, documentId, userId, suggestionIdsInUpdate(checked.update)).catch((error: unknown) =>
      logger.warn({ err: error, documentId }, "suggestions not recorded"),
    );
    return { ok: true, replies: [] };
  }

  /** Answers sync step 1 with step 2 (and our own step 1 for writers); step 2 and updates are changes. */
  async function receiveSync(socketId: string, userId: string, documentId: string, message: unknown): Promise<DocumentSyncAnswer> {
    if (!(message instanceof Uint8Array) || message.byteLength > MAX_UPDATE_BYTES + 16) {
      return { ok: false, reason: "That sync message could not be read." };
    }
    let type: number;
    let payload: Uint8Array;
    try {
      const decoder = decoding.createDecoder(message);
      type = decoding.readVarUint(decoder);
      payload = decoding.readVarUint8Array(decoder);
    } catch {
      return { ok: false, reason: "That sync message could not be read." };
    }
    if (type === syncProtocol.messageYjsSyncStep2 || type === syncProtocol.messageYjsUpdate) {
      return receiveUpdate(socketId, userId, documentId, payload);
    }
    if (type !== syncProtocol.messageYjsSyncStep1) return { ok: false, reason: "That sync message could not be read." };
    const seat = await documents.find(documentId, socketId);
    if (!seat) return { ok: false, reason: NOT_OPEN };
    try {
      const step2 = encoding.createEncoder();
      syncProtocol.writeSyncStep2(step2, seat.open.doc, payload);
      const replies = [encoding.toUint8Array(step2)];
      if (seat.editor.canEdit) {
        const step1 = encoding.createEncoder();
        syncProtocol.writeSyncStep1(step1, seat.open.doc);
        replies.push(encoding.toUint8Array(step1));
      }
      return { ok: true, replies };
    } catch {
      return { ok: false, reason: "That sync message could not be read." };
    }
  }

  function leave(socketId: string, open: OpenDocument): void {
    const { documentId } = open;
    io.local.in(socketId).socketsLeave(roomOf(documentId));
    const socket = io.sockets.sockets.get(socketId);
    if (socket) delete socket.data.documentSeats[documentId];
    const removed = documents.vacate(open, socketId);
    if (removed.length) {
      const update = encodeAwarenessUpdate(open.awareness, removed);
      bus.publish({ name: "document.awareness", room: roomOf(documentId), payload: { documentId, update } });
    }
    void broadcastPresence(io, documentId);
  }

  /** Puts a seat in step with what its person may do now: out of the room, read only, or editing again. */
  function applyAccess(socket: LiveSocket, open: OpenDocument, now: { canEdit: boolean } | null): void {
    const editor = open.editors.get(socket.id);
    if (!editor) return;
    const { documentId } = open;
    if (!now) {
      leave(socket.id, open);
      socket.emit("access.revoked", { room: "document", id: documentId, message: NO_LONGER_VISIBLE });
    } else if (now.canEdit !== editor.canEdit) {
      editor.canEdit = now.canEdit;
      socket.data.documentSeats[documentId] = now.canEdit;
      socket.emit("document.seat", { documentId, canEdit: now.canEdit, message: now.canEdit ? NOW_EDITABLE : NOW_READ_ONLY });
      void broadcastPresence(io, documentId);
    }
  }

  const recheck: Recheck = async (socket, pass) => {
    const { userId } = socket.data;
    const opens = (await documents.seatsOf(socket.id)).filter((open) => pass.covers(roomOf(open.documentId)));
    await Promise.all(
      opens.map(async (open) => {
        const now = await pass.once(`${userId}:${roomOf(open.documentId)}`, () => accessOf(db, userId, open.documentId));
        applyAccess(socket, open, now);
      }),
    );
  };

  io.on("connection", (socket) => {
    const { userId, name } = socket.data;

    socket.on("document.join", async (documentId, answer) => {
      if (!isDocumentId(documentId) || typeof answer !== "function") return;
      const mark = access.mark();
      const allowed = await accessOf(db, userId, documentId);
      if (!allowed) return answer({ ok: false });
      let open: OpenDocument;
      try {
        open = await documents.seat(documentId, socket.id, { userId, name, canEdit: allowed.canEdit });
      } catch (error) {
        logger.error({ err: error, documentId }, "document could not be opened");
        return answer({ ok: false });
      }
      if (socket.disconnected) return leave(socket.id, open);
      await socket.join(roomOf(documentId));
      // A re-check that ran while we were checking may have missed this seat, so check once more.
      if (access.changedSince(mark)) applyAccess(socket, open, await accessOf(db, userId, documentId));
      const seat = open.editors.get(socket.id);
      if (!seat) {
        await socket.leave(roomOf(documentId));
        return answer({ ok: false });
      }
      socket.data.documentSeats[documentId] = seat.canEdit;
      answer({ ok: true, canEdit: seat.canEdit });
      const clients = [...open.awareness.getStates().keys()];
      if (clients.length) socket.emit("document.awareness", { documentId, update: encodeAwarenessUpdate(open.awareness, clients) });
      await broadcastPresence(io, documentId);
    });

    socket.on("document.sync", async (documentId, message, answer) => {
      if (!isDocumentId(documentId)) return;
      answerWith(answer)(await receiveSync(socket.id, userId, documentId, message));
    });

    socket.on("document.update", async (documentId, update, answer) => {
      if (!isDocumentId(documentId)) return;
      answerWith(answer)(await receiveUpdate(socket.id, userId, documentId, update));
    });

    socket.on("document.awareness", async (documentId, update) => {
      if (!isDocumentId(documentId) || !(update instanceof Uint8Array) || update.byteLength > MAX_AWARENESS_BYTES) return;
      const seat = await documents.find(documentId, socket.id);
      if (!seat) return;
      // Cursors carry the seat's name whatever the sender wrote, and only for clients it speaks for.
      const labelled = labelAwarenessUpdate(update, seat.editor);
      if (!labelled || !documents.claimAwarenessClients(seat.open, socket.id, labelled.clients)) return;
      try {
        applyAwarenessUpdate(seat.open.awareness, labelled.update, socket.id);
      } catch {
        return;
      }
      bus.publish({ name: "document.awareness", room: roomOf(documentId), payload: { documentId, update: labelled.update }, exceptSocket: socket.id });
    });

    socket.on("document.leave", async (documentId) => {
      if (!isDocumentId(documentId)) return;
      const seat = await documents.find(documentId, socket.id);
      if (seat) leave(socket.id, seat.open);
    });

    socket.on("disconnect", async () => {
      for (const open of await documents.seatsOf(socket.id)) leave(socket.id, open);
    });
  });

  const unsubscribe = bus.subscribe((event) => {
    // The socket layer sends these to the room; this instance's copy (when open) merges them too,
    // which matters when they were stored or said through another instance.
    if (event.name === "document.update") documents.applyIfOpen(event.payload.documentId, new Uint8Array(event.payload.update));
    if (event.name === "document.awareness") documents.applyAwarenessIfOpen(event.payload.documentId, new Uint8Array(event.payload.update));
  });

  return {
    recheck,
    openCount: () => documents.count,
    close: async () => {
      unsubscribe();
      // Updates already acknowledged are on disk; those still queued are written before forgetting.
      await documents.flush();
      documents.dropAll();
    },
  };
}
