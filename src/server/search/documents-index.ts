import type { Db } from "@/server/db";
import { loadDocumentState } from "@/server/documents/persistence";
import { blocksOf } from "@/server/documents/versions/content";
import { contentOf } from "@/server/documents/versions/state";
import { logger } from "@/server/logger";
import { Debouncer } from "@/server/search/debounce";
import { MAX_ENTRY_TEXT } from "@/server/search/schemas";

/** A document's words as search reads them: each block (heading, paragraph, item, table row) on a line. */
export function documentText(state: Uint8Array): string {
  return blocksOf(contentOf(state))
    .map((block) => block.text)
    .filter((text) => text.trim() !== "")
    .join("\n")
    .slice(0, MAX_ENTRY_TEXT);
}

/** Entries whose text Hearth takes from Yjs state rather than a trigger: a document's current text, a named version's. */
export type TextEntry = { type: "document" | "version"; subjectId: string };

/**
 * Takes the text of a document or named version into its entry, if the entry is marked stale
 * (the triggers mark it when it is made and on every stored update). The mark is cleared first, so
 * an update stored meanwhile marks it again for the next pass; a document's text is written only
 * over text older than itself, so two passes that overlap (two instances) keep the newer. Never
 * throws: a failure is logged, search keeps the older text, and the entry stays marked for the
 * search worker's next pass (text-worker.ts). Answers whether text was taken.
 */
export async function indexEntryText(db: Db, entry: TextEntry): Promise<boolean> {
  const where = { type: entry.type, subjectId: entry.subjectId };
  const { count } = await db.searchEntry.updateMany({ where: { ...where, textStale: true }, data: { textStale: false } }).catch((error: unknown) => {
    logger.warn({ err: error, ...entry }, "could not take a document's text for search");
    return { count: 0 };
  });
  if (count === 0) return false;
  try {
    if (entry.type === "version") {
      const version = await db.documentVersion.findUnique({ where: { id: entry.subjectId }, select: { state: true } });
      if (version) await db.searchEntry.updateMany({ where, data: { body: documentText(version.state) } });
      return version !== null;
    }
    // The time first: an update stored after it marks the entry again, so the time never runs ahead of the text.
    const document = await db.document.findUnique({ where: { id: entry.subjectId }, select: { updatedAt: true } });
    if (!document) return false;
    const text = documentText(await loadDocumentState(db, entry.subjectId));
    await db.searchEntry.updateMany({ where: { ...where, createdAt: { lte: document.updatedAt } }, data: { body: text, createdAt: document.updatedAt } });
    return true;
  } catch (error) {
    logger.warn({ err: error, ...entry }, "could not take a document's text for search");
    await db.searchEntry.updateMany({ where, data: { textStale: true } }).catch(() => undefined);
    return false;
  }
}

/** Entries taken per query by indexStaleText: a pass's memory stays small, however many are waiting. */
const STALE_BATCH = 20;

/**
 * Takes the text of every stale document and named version (left so by a restart before their
 * turn came, an import, or the migration that added documents to search), a batch at a time, one
 * entry at a time so that editing elsewhere is never held up long. Answers how many were taken.
 */
export async function indexStaleText(db: Db): Promise<number> {
  let taken = 0;
  let after = 0;
  for (;;) {
    const stale = await db.searchEntry.findMany({
      where: { textStale: true, id: { gt: after } },
      orderBy: { id: "asc" },
      take: STALE_BATCH,
      select: { id: true, type: true, subjectId: true },
    });
    for (const { type, subjectId } of stale) {
      if ((type === "document" || type === "version") && (await indexEntryText(db, { type, subjectId }))) taken += 1;
    }
    if (stale.length < STALE_BATCH) return taken;
    after = stale.at(-1)!.id;
  }
}

/**
 * How long a document must rest after its latest stored update before its text is taken, and the
 * longest it waits while people keep typing: search is a few seconds behind, never a keystroke.
 */
export const DOCUMENT_INDEX_QUIET_MS = 3_000;
export const DOCUMENT_INDEX_MAX_WAIT_MS = 30_000;

const documents = new Debouncer<Db>(DOCUMENT_INDEX_QUIET_MS, DOCUMENT_INDEX_MAX_WAIT_MS, async (documentId, db) => {
  await indexEntryText(db, { type: "document", subjectId: documentId });
});

/** After an update to the document is stored: its text is taken once the typing rests (documents/live.ts). */
export function scheduleDocumentIndex(db: Db, documentId: string): void {
  documents.schedule(documentId, db);
}

/** Takes the text of the document now if it was waiting (the last editor closed it). */
export function flushDocumentIndex(documentId: string): Promise<void> {
  return documents.flush(documentId);
}

/** Takes the text of every document waiting for it, e.g. before the server stops. */
export function flushDocumentIndexes(): Promise<void> {
  return documents.flushAll();
}
