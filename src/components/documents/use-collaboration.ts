"use client";

import { useEffect, useRef, useState } from "react";
import { IndexeddbPersistence } from "y-indexeddb";
import { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { DocumentSync, type SyncState } from "@/lib/documents/document-sync";
import { localCopyName } from "@/lib/documents/local-copy";
import { useRealtime } from "@/lib/realtime/socket-provider";
import type { DomainEvents } from "@/server/events";

export type PresentEditor = DomainEvents["document.presence"]["editors"][number];
export type Collaboration = { doc: Y.Doc; awareness: Awareness };

/** How long the first sync waits for this device's copy; a browser without working IndexedDB never answers. */
const LOCAL_COPY_WAIT_MS = 1000;

/**
 * The shared Y.Doc of a document, kept in step with its live room for as long as the page is
 * open, with the sync state (saved, offline…) and who else has it open. The doc and awareness
 * are made in the effect, so each mount gets its own and nothing outlives it; `collaboration`
 * is null until the first sync has brought the stored text.
 *
 * People who may edit also keep a copy on this device (`keepLocally`), loaded before the first
 * sync: edits made offline then survive a closed tab and reach the server with the next sync,
 * as if the tab had stayed open. `keptOnDevice` says whether that copy is working.
 */
export function useCollaboration(
  documentId: string,
  { userId, keepLocally, maySuggest }: { userId: string; keepLocally: boolean; maySuggest: boolean },
) {
  const { socket } = useRealtime();
  const [collaboration, setCollaboration] = useState<Collaboration | null>(null);
  const [sync, setSync] = useState<SyncState>({ status: "connecting", canEdit: false, error: null, notice: null });
  const [editors, setEditors] = useState<PresentEditor[]>([]);
  const [keptOnDevice, setKeptOnDevice] = useState(false);
  const syncRef = useRef<DocumentSync | null>(null);
  const maySuggestRef = useRef(maySuggest);

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
    documentSync.maySuggest = maySuggestRef.current;
    syncRef.current = documentSync;
    const onPresence = (presence: DomainEvents["document.presence"]) => {
      if (presence.documentId === documentId) setEditors(presence.editors);
    };
    const onDisconnect = () => setEditors([]);
    socket.on("document.presence", onPresence);
    socket.on("disconnect", onDisconnect);
    let stopped = false;
    const local = keepLocally && typeof indexedDB !== "undefined" ? new IndexeddbPersistence(localCopyName(userId, documentId), doc) : null;
    const loaded = local
      ? local.whenSynced.then(() => {
          if (!stopped) setKeptOnDevice(true);
        })
      : Promise.resolve();
    // Whatever the copy holds is in the doc before sync step 1, so the server's step 1 asks for it.
    void Promise.race([loaded, new Promise((resolve) => setTimeout(resolve, LOCAL_COPY_WAIT_MS))]).then(() => {
      if (!stopped) documentSync.start();
    });
    return () => {
      stopped = true;
      documentSync.stop();
      socket.off("document.presence", onPresence);
      socket.off("disconnect", onDisconnect);
      awareness.destroy();
      // Destroying the doc closes the local copy too (y-indexeddb listens for it).
      doc.destroy();
      setCollaboration(null);
      setKeptOnDevice(false);
      syncRef.current = null;
    };
  }, [socket, documentId, userId, keepLocally]);

  useEffect(() => {
    maySuggestRef.current = maySuggest;
    if (syncRef.current) syncRef.current.maySuggest = maySuggest;
  }, [maySuggest]);

  return { collaboration, sync, editors, keptOnDevice };
}
