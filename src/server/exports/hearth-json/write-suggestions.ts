import type { Db } from "@/server/db";
import { deleteSetsOf, encodeDeleteSet } from "@/server/documents/authorship/delete-sets";
import type { ExportRecord } from "@/server/exports/hearth-json/format";
import type { LineWriter } from "@/server/exports/hearth-json/line-writer";
import { pages, pagesById } from "@/server/exports/streams";

/** Suggestions carry their replies: a page of them at a time. */
const PAGE = 100;

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

/**
 * What a document's text says about who suggested and wrote what, after its versions: its
 * amendments (an alternative after the amendment it competes with), its suggestions with their
 * replies, the Yjs client ids of its editors and each person's deletions. A poll of another group
 * (which the file may hold later, or not at all) is not referred to.
 */
export async function writeDocumentSuggestions(db: Db, w: LineWriter, document: { id: string; groupId: string }): Promise<void> {
  const amendmentSelect = {
    id: true,
    documentId: true,
    number: true,
    proposedById: true,
    passage: true,
    replacement: true,
    pollId: true,
    poll: { select: { groupId: true } },
    status: true,
    result: true,
    versionId: true,
    competesWithId: true,
    decidedAt: true,
    createdAt: true,
  } as const;
  // Alternatives are never alternatives to alternatives: originals first, then alternatives, each by number.
  for (const competing of [false, true]) {
    const amendments = await db.amendment.findMany({
      where: { documentId: document.id, competesWithId: competing ? { not: null } : null },
      select: amendmentSelect,
      orderBy: { number: "asc" },
    });
    await w.records(
      amendments.map(({ poll, ...amendment }): ExportRecord => ({
        type: "amendment",
        data: { ...amendment, pollId: poll?.groupId === document.groupId ? amendment.pollId : null },
      })),
      amendments.map(({ proposedById }) => proposedById),
    );
  }

  const suggestions = pagesById(
    { documentId: document.id },
    (page) =>
      db.suggestion.findMany({
        ...page,
        select: {
          id: true,
          documentId: true,
          authorId: true,
          status: true,
          decidedById: true,
          decidedAt: true,
          amendmentId: true,
          createdAt: true,
          replies: { select: { id: true, authorId: true, body: true, createdAt: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
        },
      }),
    PAGE,
  );
  for await (const page of suggestions) {
    await w.records(
      page.map((data): ExportRecord => ({ type: "suggestion", data })),
      page.flatMap(({ authorId, decidedById, replies }) => [authorId, decidedById, ...replies.map((reply) => reply.authorId)]),
    );
  }

  const clients = pages(
    (last: { clientId: bigint } | undefined, take) =>
      db.documentClient.findMany({
        where: { documentId: document.id, ...(last ? { clientId: { gt: last.clientId } } : {}) },
        select: { documentId: true, clientId: true, userId: true, createdAt: true },
        orderBy: { clientId: "asc" },
        take,
      }),
  );
  for await (const page of clients) {
    await w.records(
      page.map(({ clientId, ...client }): ExportRecord => ({ type: "document_client", data: { ...client, clientId: Number(clientId) } })),
      page.map(({ userId }) => userId),
    );
  }

  // Deletions not yet folded into the stored sets (updates since the last compaction) come too, as
  // the file's state holds those updates; a person with only such deletions is dated by the export.
  const deleteSets = await deleteSetsOf(db, document.id);
  const updatedAt = new Map(
    (await db.documentDeleteSet.findMany({ where: { documentId: document.id }, select: { userId: true, updatedAt: true } })).map(({ userId, updatedAt }) => [userId, updatedAt]),
  );
  const people = [...deleteSets.keys()].sort();
  await w.records(
    people.map((userId): ExportRecord => ({
      type: "document_delete_set",
      data: { documentId: document.id, userId, deleteSet: toBase64(encodeDeleteSet(deleteSets.get(userId)!)), updatedAt: updatedAt.get(userId) ?? new Date() },
    })),
    people,
  );
}
