import type { Db } from "@/server/db";
import { requireDocumentAccess } from "@/server/documents/access";
import type { SetDocumentModeInput, SetGuestsMaySuggestInput } from "@/server/documents/schemas";
import type { Publish } from "@/server/events";

function publishSettings(publish: Publish, documentId: string) {
  publish({ name: "document.settings", room: `document:${documentId}`, payload: { documentId } });
}

/**
 * Puts a document in editing or suggesting mode. In suggesting mode every editor's typing becomes
 * suggestions too (their editor follows the mode); editors may accept suggestions anyway, so the
 * server enforces suggest-only seats for guests, not for editors.
 */
export async function setDocumentMode(db: Db, publish: Publish, userId: string, input: SetDocumentModeInput) {
  const access = await requireDocumentAccess(db, userId, input.id, "edit");
  await db.document.update({ where: { id: access.documentId }, data: { mode: input.mode }, select: { id: true } });
  publishSettings(publish, access.documentId);
  return { id: access.documentId, mode: input.mode };
}

/** Whether guests invited to read this document may suggest changes (never edit). Takes effect on their next change. */
export async function setGuestsMaySuggest(db: Db, publish: Publish, userId: string, input: SetGuestsMaySuggestInput) {
  const access = await requireDocumentAccess(db, userId, input.id, "edit");
  await db.document.update({ where: { id: access.documentId }, data: { guestsMaySuggest: input.allowed }, select: { id: true } });
  publishSettings(publish, access.documentId);
  return { id: access.documentId, guestsMaySuggest: input.allowed };
}
