import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { applyAwarenessUpdate, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import type { Db } from "@/server/db";
import { requireDocumentAccess } from "@/server/documents/access";
import { OpenDocuments, type OpenDocument } from "@/server/documents/open-documents";
import { checkUpdate, MAX_UPDATE_BYTES } from "@/server/documents/update-check";
import type { DocumentSyncAnswer, getEventBus } from "@/server/events";
import { logger } from "@/server/logger";
import type { RealtimeServer } from "@/server/realtime/socket-server";

type DocumentRoom = `document:${string}`;
const roomOf = (documentId: string): DocumentRoom => `document:${documentId}`;

/** Cursors and names are small; anything bigger is not an awareness message. */
const MAX_AWARENESS_BYTES = 32 * 1024;

const READ_ONLY = "You can read this document but not change it.";
const NOT_OPEN = "Open the document before sending changes to it.";

function isDocumentId(value: unknown): value is string {
  return typeof value === "string" && value.length > 0 && value.length <= 100;
}

function answerWith(answer: unknown): (result: DocumentSyncAnswer) => void {
  return typeof answer === "function" ? (answer as (result: DocumentSyncAnswer) => void) : () => undefined;
}

/** Everyone with the document open, once each however many tabs they have. */
function broadcastPresence(io: RealtimeServer, open: OpenDocument): void {
  const editors = new Map<string, { id: string; name: string; canEdit: boolean }>();
  for (const { userId, name, canEdit } of open.editors.values()) editors.set(userId, { id: userId, name, canEdit });
  io.to(roomOf(open.documentId)).emit("document.presence", { documentId: open.documentId, editors: [...editors.values()] });
}

/**
 * Document rooms carry Yjs sync, updates, awareness (cursors) and presence. A socket joins only
 * after the same access check as document.byId; read-only seats (guests) receive everything but
 * every change they send is refused. Each incoming change is checked on a scratch document,
 * stored, applied to the server's copy and only then sent to the others, so a malformed or
 * refused message never disturbs the room. Returns a function that forgets the open documents.
 */
export function handleDocumentRooms(io: RealtimeServer, db: Db, bus: ReturnType<typeof getEventBus>): () => void {
  const documents = new OpenDocuments(db);

  /** Stores a change from a socket, then applies and relays it. */
  async function receiveUpdate(socketId: string, userId: string, documentId: string, data: unknown): Promise<DocumentSyncAnswer> {
    const seat = await documents.find(documentId, socketId);
    if (!seat) return { ok: false, reason: NOT_OPEN };
    if (!seat.editor.canEdit) return { ok: false, reason: READ_ONLY };
    const checked = checkUpdate(data);
    if (!checked.ok) return { ok: false, reason: checked.reason };
    if (checked.empty) return { ok: true, replies: [] };
    try {
      await documents.store(seat.open, checked.update, userId);
    } catch (error) {
      logger.warn({ err: error, documentId }, "document update not stored");
      return { ok: false, reason: "That change could not be saved. Please reload the document." };
    }
    documents.applyStored(seat.open, checked.update);
    io.to(roomOf(documentId)).except(socketId).emit("document.update", { documentId, update: checked.update });
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
    io.in(socketId).socketsLeave(roomOf(open.documentId));
    const removed = documents.vacate(open, socketId);
    if (removed.length) {
      const update = encodeAwarenessUpdate(open.awareness, removed);
      io.to(roomOf(open.documentId)).emit("document.awareness", { documentId: open.documentId, update });
    }
    broadcastPresence(io, open);
  }

  io.on("connection", (socket) => {
    const { userId, name } = socket.data;

    socket.on("document.join", async (documentId, answer) => {
      if (!isDocumentId(documentId) || typeof answer !== "function") return;
      let canEdit: boolean;
      let groupId: string;
      try {
        ({ canEdit, groupId } = await requireDocumentAccess(db, userId, documentId, "view"));
      } catch {
        return answer({ ok: false });
      }
      let open: OpenDocument;
      try {
        open = await documents.seat(documentId, groupId, socket.id, { userId, name, canEdit });
      } catch (error) {
        logger.error({ err: error, documentId }, "document could not be opened");
        return answer({ ok: false });
      }
      if (socket.disconnected) return leave(socket.id, open);
      await socket.join(roomOf(documentId));
      answer({ ok: true, canEdit });
      const clients = [...open.awareness.getStates().keys()];
      if (clients.length) socket.emit("document.awareness", { documentId, update: encodeAwarenessUpdate(open.awareness, clients) });
      broadcastPresence(io, open);
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
      try {
        applyAwarenessUpdate(seat.open.awareness, update, socket.id);
      } catch {
        return;
      }
      socket.to(roomOf(documentId)).emit("document.awareness", { documentId, update });
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
    // The socket layer already sends the update to the room; the server's copy merges it too.
    if (event.name === "document.update") documents.applyIfOpen(event.payload.documentId, new Uint8Array(event.payload.update));
    if (event.name === "membership.removed") {
      const { userId, groupId } = event.payload;
      void documents.inGroup(groupId).then((opens) => {
        for (const open of opens) {
          for (const [socketId, editor] of open.editors) if (editor.userId === userId) leave(socketId, open);
        }
      });
    }
  });

  return () => {
    unsubscribe();
    documents.dropAll();
  };
}
