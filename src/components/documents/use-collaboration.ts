"use client";

import { useEffect, useState } from "react";
import { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { DocumentSync, type SyncState } from "@/lib/documents/document-sync";
import { useRealtime } from "@/lib/realtime/socket-provider";
import type { DomainEvents } from "@/server/events";

export type PresentEditor = DomainEvents["document.presence"]["editors"][number];
export type Collaboration = { doc: Y.Doc; awareness: Awareness };

/**
 * The shared Y.Doc of a document, kept in step with its live room for as long as the page is
 * open, with the sync state (saved, offline…) and who else has it open. The doc and awareness
 * are made in the effect, so each mount gets its own and nothing outlives it; `collaboration`
 * is null until the first sync has brought the stored text.
 */
export function useCollaboration(documentId: string) {
  const { socket } = useRealtime();
  const [collaboration, setCollaboration] = useState<Collaboration | null>(null);
  const [sync, setSync] = useState<SyncState>({ status: "connecting", canEdit: false, error: null });
  const [editors, setEditors] = useState<PresentEditor[]>([]);

  useEffect(() => {
    if (!socket) return;
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    const shared = { doc, awareness };
    // The editor appears after the first sync, so an empty local document never races the stored one.
    const onState = (state: SyncState) => {
      setSync(state);
      if (state.status === "saved" || state.status === "saving") setCollaboration(shared);
    };
    const documentSync = new DocumentSync(socket, documentId, doc, awareness, onState);
    const onPresence = (presence: DomainEvents["document.presence"]) => {
      if (presence.documentId === documentId) setEditors(presence.editors);
    };
    const onDisconnect = () => setEditors([]);
    socket.on("document.presence", onPresence);
    socket.on("disconnect", onDisconnect);
    documentSync.start();
    return () => {
      documentSync.stop();
      socket.off("document.presence", onPresence);
      socket.off("disconnect", onDisconnect);
      awareness.destroy();
      doc.destroy();
      setCollaboration(null);
    };
  }, [socket, documentId]);

  return { collaboration, sync, editors };
}
