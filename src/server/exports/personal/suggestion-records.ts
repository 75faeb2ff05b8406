import type { Db } from "@/server/db";
import { loadDocumentState } from "@/server/documents/persistence";
import { AppError } from "@/server/errors";
import { visibleTitles } from "@/server/exports/personal/context";
import { pagesById } from "@/server/exports/streams";
import type { SuggestedText } from "@/server/suggestions/text";
import { suggestionsInState } from "@/server/suggestions/yjs";

const group = { select: { handle: true, name: true } } as const;

/** A reference to the document a record is in: its title only while the person may still see it. */
const ref = (id: string, titles: Map<string, string>) => ({ id, title: titles.get(id) ?? null });

/** The suggestions standing in each document's text now, by document; a document deleted meanwhile has none. */
async function standingIn(db: Db, documentIds: Iterable<string>): Promise<Map<string, Map<string, SuggestedText>>> {
  const standing = new Map<string, Map<string, SuggestedText>>();
  for (const documentId of new Set(documentIds)) {
    const state = await loadDocumentState(db, documentId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "NOT_FOUND") return null;
      throw error;
    });
    standing.set(documentId, state ? suggestionsInState(state) : new Map());
  }
  return standing;
}

/**
 * The suggestions the person made: where, their fate, and the amendment that put one to the vote.
 * The words an open one adds are theirs (`inserts`); the words it would take out are the group's
 * text, so they are not here.
 */
export async function* suggestionsMade(db: Db, userId: string) {
  const rows = pagesById({ authorId: userId }, (page) =>
    db.suggestion.findMany({
      ...page,
      select: { id: true, documentId: true, document: { select: { group } }, status: true, amendment: { select: { number: true } }, createdAt: true, decidedAt: true },
    }),
  );
  for await (const page of rows) {
    const documentIds = page.map(({ documentId }) => documentId);
    const [titles, standing] = await Promise.all([
      visibleTitles(db, userId, { documents: documentIds }),
      standingIn(db, page.filter(({ status }) => status === "open").map(({ documentId }) => documentId)),
    ]);
    for (const { documentId, document, amendment, ...suggestion } of page) {
      yield {
        ...suggestion,
        document: ref(documentId, titles.document),
        group: document.group,
        amendment: amendment?.number ?? null,
        inserts: standing.get(documentId)?.get(suggestion.id)?.inserted ?? null,
      };
    }
  }
}

/** The person's replies to suggestions, with the suggestion and its document (titled while they may see it). */
export async function* suggestionRepliesWritten(db: Db, userId: string) {
  const rows = pagesById({ authorId: userId }, (page) =>
    db.suggestionReply.findMany({
      ...page,
      select: { id: true, suggestionId: true, body: true, createdAt: true, suggestion: { select: { documentId: true, document: { select: { group } } } } },
    }),
  );
  for await (const page of rows) {
    const titles = await visibleTitles(db, userId, { documents: page.map(({ suggestion }) => suggestion.documentId) });
    for (const { suggestion, ...reply } of page) yield { ...reply, document: ref(suggestion.documentId, titles.document), group: suggestion.document.group };
  }
}

/**
 * The amendments the person proposed: the text they proposed is theirs; the passage it rewrites,
 * the poll and the result belong to the group and come only while they may still see the document.
 */
export async function* amendmentsProposed(db: Db, userId: string) {
  const rows = pagesById({ proposedById: userId }, (page) =>
    db.amendment.findMany({
      ...page,
      select: {
        id: true,
        documentId: true,
        document: { select: { group } },
        number: true,
        passage: true,
        replacement: true,
        status: true,
        result: true,
        pollId: true,
        competesWith: { select: { number: true } },
        decidedAt: true,
        createdAt: true,
      },
    }),
  );
  for await (const page of rows) {
    const titles = await visibleTitles(db, userId, { documents: page.map(({ documentId }) => documentId), polls: page.map(({ pollId }) => pollId) });
    for (const { documentId, document, passage, result, pollId, competesWith, ...amendment } of page) {
      const visible = titles.document.has(documentId);
      yield {
        ...amendment,
        document: ref(documentId, titles.document),
        group: document.group,
        alternativeTo: competesWith?.number ?? null,
        passage: visible ? passage : null,
        result: visible ? result : null,
        poll: pollId === null ? null : ref(pollId, titles.poll),
      };
    }
  }
}
