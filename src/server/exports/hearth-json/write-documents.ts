import type { Db } from "@/server/db";
import { loadDocumentState } from "@/server/documents/persistence";
import { toMarkdown } from "@/server/documents/versions/markdown";
import { contentOf } from "@/server/documents/versions/state";
import { AppError } from "@/server/errors";
import type { ExportRecord } from "@/server/exports/hearth-json/format";
import type { LineWriter } from "@/server/exports/hearth-json/line-writer";
import { writeDocumentSuggestions } from "@/server/exports/hearth-json/write-suggestions";
import { pagesById } from "@/server/exports/streams";

/** Document states can be large; a few at a time. */
const DOCUMENT_PAGE = 20;

/** The Yjs state (what restores the document exactly) and its Markdown (what a person reads). */
function contentRecord(state: Uint8Array, title: string) {
  return { yjs: Buffer.from(state).toString("base64"), markdown: toMarkdown(contentOf(state), title) };
}

/** Each document with its current text (its open suggestions in it), followed by its versions, amendments and suggestions. */
export async function writeDocuments(db: Db, w: LineWriter, groupId: string): Promise<void> {
  const batches = pagesById(
    { groupId },
    (page) =>
      db.document.findMany({
        ...page,
        select: {
          id: true,
          groupId: true,
          title: true,
          createdById: true,
          adoptedVersionId: true,
          mode: true,
          guestsMaySuggest: true,
          createdAt: true,
          updatedAt: true,
          guests: { select: { userId: true }, orderBy: { userId: "asc" } },
        },
      }),
    DOCUMENT_PAGE,
  );
  for await (const page of batches) {
    for (const { guests, adoptedVersionId, ...document } of page) {
      const guestIds = guests.map(({ userId }) => userId);
      const state = await loadDocumentState(db, document.id).catch((error: unknown) => {
        // Deleted while the export ran: it is left out, as if the export had started a moment later.
        if (error instanceof AppError && error.code === "NOT_FOUND") return null;
        throw error;
      });
      if (!state) continue;
      await w.records([{ type: "document", data: { ...document, guestIds, content: contentRecord(state, document.title) } }], [document.createdById, ...guestIds]);
      const versions = pagesById(
        { documentId: document.id },
        (page) =>
          db.documentVersion.findMany({
            ...page,
            select: {
              id: true,
              documentId: true,
              kind: true,
              name: true,
              createdById: true,
              pollId: true,
              adoptedAt: true,
              createdAt: true,
              state: true,
              authors: {
                select: { userId: true, wordsAdded: true, wordsRemoved: true, suggestionsAccepted: true },
                orderBy: { userId: "asc" },
              },
            },
          }),
        DOCUMENT_PAGE,
      );
      for await (const rows of versions) {
        await w.records(
          rows.map(({ state: versionState, authors, ...version }): ExportRecord => ({
            type: "document_version",
            data: {
              ...version,
              authorIds: authors.map(({ userId }) => userId),
              contributions: authors,
              adopted: version.id === adoptedVersionId,
              content: contentRecord(versionState, document.title),
            },
          })),
          rows.flatMap(({ createdById, authors }) => [createdById, ...authors.map(({ userId }) => userId)]),
        );
      }
      await writeDocumentSuggestions(db, w, document);
    }
  }
}
