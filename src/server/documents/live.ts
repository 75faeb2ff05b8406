import type { Db } from "@/server/db";
import { claimServerClients } from "@/server/documents/authorship/clients";
import { appendUpdate } from "@/server/documents/persistence";
import { maybeCheckpoint } from "@/server/documents/versions/checkpoints";
import { checkUpdate } from "@/server/documents/update-check";
import type { Publish } from "@/server/events";
import { logger } from "@/server/logger";
import { scheduleDocumentIndex } from "@/server/search/documents-index";

/**
 * Applies a change made by the server itself (a restored version, demo content) exactly like an
 * edit from a client: it is checked, its Yjs client claimed for `userId` (the person the server
 * acts for), stored, and then published to the document's room, where
 * the socket layer applies it to the open Y.Doc and every connected editor merges it.
 * Returns the stored update's id.
 */
export async function applyServerUpdate(
  db: Db,
  publish: Publish,
  documentId: string,
  update: Uint8Array,
  userId: string | null,
): Promise<number> {
  const checked = checkUpdate(update, Number.POSITIVE_INFINITY);
  if (!checked.ok) throw new Error(`applyServerUpdate: ${checked.reason}`);
  await claimServerClients(db, documentId, update, userId);
  const id = await appendUpdate(db, documentId, update, userId);
  publish({ name: "document.update", room: `document:${documentId}`, payload: { documentId, update } });
  afterUpdatePersisted(db, documentId, userId);
  return id;
}

/** Hooks that follow every stored update (automatic checkpoints, search); they never fail the edit itself. */
export function afterUpdatePersisted(db: Db, documentId: string, userId: string | null): void {
  maybeCheckpoint(db, documentId, userId).catch((error: unknown) =>
    logger.warn({ err: error, documentId }, "after-update hook failed"),
  );
  scheduleDocumentIndex(db, documentId);
}
