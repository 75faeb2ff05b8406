import type { Db } from "@/server/db";
import { loadDocumentState } from "@/server/documents/persistence";
import { AppError } from "@/server/errors";
import { pagedById } from "@/server/exports/streams";
import { csvFile, type TableScope } from "@/server/exports/zip/csv";
import { groupHandle, person } from "@/server/exports/zip/selects";
import { suggestionsInState } from "@/server/suggestions/yjs";

const documentOf = { select: { id: true, title: true, group: groupHandle } } as const;

/** The groups' amendments; a poll of a group left out of the download is not named. */
async function* amendmentRows(db: Db, { groupIds }: TableScope) {
  const rows = pagedById({ document: { groupId: { in: groupIds } } }, (page) =>
    db.amendment.findMany({
      ...page,
      select: {
        id: true,
        document: documentOf,
        number: true,
        proposedBy: person,
        passage: true,
        replacement: true,
        status: true,
        result: true,
        competesWith: { select: { number: true } },
        poll: { select: { id: true, title: true, groupId: true } },
        decidedAt: true,
        createdAt: true,
      },
    }),
  );
  for await (const { poll, ...row } of rows) yield { ...row, poll: poll && groupIds.includes(poll.groupId) ? poll : null };
}

export const amendmentsCsv = csvFile(
  "amendments.csv",
  amendmentRows,
  [
    ["group", (a) => a.document.group.handle],
    ["document_id", (a) => a.document.id],
    ["document", (a) => a.document.title],
    ["amendment_id", (a) => a.id],
    ["number", (a) => a.number],
    ["proposed_by_id", (a) => a.proposedBy.id],
    ["proposed_by", (a) => a.proposedBy.name],
    ["passage", (a) => a.passage],
    ["replacement", (a) => a.replacement],
    ["alternative_to", (a) => a.competesWith?.number],
    ["status", (a) => a.status],
    ["result", (a) => a.result],
    ["poll_id", (a) => a.poll?.id],
    ["poll", (a) => a.poll?.title],
    ["decided_at", (a) => a.decidedAt],
    ["created_at", (a) => a.createdAt],
  ],
);

/**
 * Each document's suggestions with what the open ones change: the text is in the document, not
 * in the row, so each document's text is read once (a decided suggestion's text is in the text
 * now, or gone from it, and its columns are empty).
 */
async function* suggestionRows(db: Db, { groupIds }: TableScope) {
  const documents = pagedById({ groupId: { in: groupIds } }, (page) => db.document.findMany({ ...page, select: { id: true } }));
  for await (const { id: documentId } of documents) {
    const state = await loadDocumentState(db, documentId).catch((error: unknown) => {
      // Deleted while the download ran: left out, as in group.json.
      if (error instanceof AppError && error.code === "NOT_FOUND") return null;
      throw error;
    });
    if (!state) continue;
    const texts = suggestionsInState(state);
    const rows = pagedById({ documentId }, (page) =>
      db.suggestion.findMany({
        ...page,
        select: {
          id: true,
          document: documentOf,
          author: person,
          status: true,
          amendment: { select: { number: true } },
          createdAt: true,
          decidedAt: true,
          decidedBy: person,
          _count: { select: { replies: true } },
        },
      }),
    );
    for await (const row of rows) yield { ...row, text: row.status === "open" ? texts.get(row.id) : undefined };
  }
}

export const suggestionsCsv = csvFile("suggestions.csv", suggestionRows, [
  ["group", (s) => s.document.group.handle],
  ["document_id", (s) => s.document.id],
  ["document", (s) => s.document.title],
  ["suggestion_id", (s) => s.id],
  ["author_id", (s) => s.author.id],
  ["author", (s) => s.author.name],
  ["status", (s) => s.status],
  ["inserts", (s) => s.text?.inserted],
  ["deletes", (s) => s.text?.deleted],
  ["amendment", (s) => s.amendment?.number],
  ["created_at", (s) => s.createdAt],
  ["decided_at", (s) => s.decidedAt],
  ["decided_by", (s) => s.decidedBy?.name],
  ["replies", (s) => s._count.replies],
]);
