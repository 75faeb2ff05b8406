import type { Db } from "@/server/db";
import { requireDocumentAccess } from "@/server/documents/access";
import { applyServerUpdate } from "@/server/documents/live";
import { loadDocumentState } from "@/server/documents/persistence";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { logger } from "@/server/logger";
import {
  MAX_LISTED_SUGGESTIONS,
  type DecideByAuthorInput,
  type ReplySuggestionInput,
  type SuggestionDto,
} from "@/server/suggestions/schemas";
import { decisionUpdate, suggestionsInState } from "@/server/suggestions/yjs";
import { personSelect, toPerson } from "@/server/threads/dto";

const NOT_VISIBLE = "That suggestion does not exist, or you cannot see it.";

function publishChanged(publish: Publish, documentId: string) {
  publish({ name: "suggestion.changed", room: `document:${documentId}`, payload: { documentId } });
}

/** The suggestion and the caller's access to its document; outsiders learn nothing about either. */
async function requireSuggestion(db: Db, userId: string, id: string, need: "view" | "suggest" | "edit") {
  const suggestion = await db.suggestion.findUnique({
    where: { id },
    select: { id: true, documentId: true, status: true, amendment: { select: { number: true } } },
  });
  if (!suggestion) throw new AppError("NOT_FOUND", NOT_VISIBLE);
  const access = await requireDocumentAccess(db, userId, suggestion.documentId, need);
  return { suggestion, access };
}

/** Open suggestions standing in the text, in text order, with who made them and the replies. */
export async function listSuggestions(db: Db, userId: string, documentId: string) {
  const access = await requireDocumentAccess(db, userId, documentId, "view");
  const present = suggestionsInState(await loadDocumentState(db, access.documentId));
  const ids = [...present.keys()].slice(0, MAX_LISTED_SUGGESTIONS);
  const rows = await db.suggestion.findMany({
    where: { documentId: access.documentId, status: "open", id: { in: ids } },
    select: {
      id: true,
      createdAt: true,
      author: { select: personSelect },
      replies: {
        select: { id: true, body: true, createdAt: true, author: { select: personSelect } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
    },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items: SuggestionDto[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (!row) continue;
    items.push({
      id,
      author: toPerson(row.author),
      createdAt: row.createdAt,
      ...present.get(id)!,
      replies: row.replies.map((reply) => ({ id: reply.id, body: reply.body, createdAt: reply.createdAt, author: toPerson(reply.author) })),
    });
  }
  return { items, canDecide: access.canEdit, canSuggest: access.canSuggest };
}

/**
 * Accepts or rejects suggestions of one document as one change. The rows are claimed first (a
 * conditional update, so of two people deciding at once one wins and the other is told); then
 * the server makes the change on the stored text and it reaches every open editor like an edit.
 * If the change cannot be made, the claim is released.
 */
async function decide(db: Db, publish: Publish, userId: string, documentId: string, ids: string[], accept: boolean) {
  const status = accept ? "accepted" : "rejected";
  const decidedAt = new Date();
  // Suggestions put to a vote are decided by it (amendments/resolve.ts), never by hand.
  await db.suggestion.updateMany({
    where: { documentId, id: { in: ids }, status: "open", amendmentId: null },
    data: { status, decidedById: userId, decidedAt },
  });
  const claimed = (
    await db.suggestion.findMany({ where: { documentId, id: { in: ids }, status, decidedById: userId, decidedAt }, select: { id: true } })
  ).map(({ id }) => id);
  if (claimed.length === 0) throw new AppError("CONFLICT", "Someone has already decided on that suggestion.");
  try {
    const update = decisionUpdate(await loadDocumentState(db, documentId), claimed, accept);
    if (update) await applyServerUpdate(db, publish, documentId, update, userId);
  } catch (error) {
    logger.warn({ err: error, documentId }, "suggestion decision not applied");
    await db.suggestion.updateMany({
      where: { id: { in: claimed }, decidedById: userId, decidedAt },
      data: { status: "open", decidedById: null, decidedAt: null },
    });
    throw new AppError("CONFLICT", "That suggestion could not be applied. Please try again.");
  }
  publishChanged(publish, documentId);
  return { decided: claimed, status } as const;
}

/** Accepts (or rejects) one suggestion: only the group's editors and admins may. */
export async function decideSuggestion(db: Db, publish: Publish, userId: string, id: string, accept: boolean) {
  const { suggestion, access } = await requireSuggestion(db, userId, id, "edit");
  if (suggestion.status !== "open") throw new AppError("CONFLICT", `That suggestion was already ${suggestion.status}.`);
  if (suggestion.amendment) {
    throw new AppError("CONFLICT", `That suggestion is part of Amendment ${suggestion.amendment.number}: the group's vote on it decides it, not a single person.`);
  }
  return decide(db, publish, userId, access.documentId, [suggestion.id], accept);
}

/** Accepts (or rejects) every open suggestion one person made in a document, as one change. */
export async function decideByAuthor(db: Db, publish: Publish, userId: string, input: DecideByAuthorInput) {
  const access = await requireDocumentAccess(db, userId, input.documentId, "edit");
  const rows = await db.suggestion.findMany({
    where: { documentId: access.documentId, authorId: input.authorId, status: "open", amendmentId: null },
    select: { id: true },
  });
  if (rows.length === 0) throw new AppError("NOT_FOUND", "That person has no open suggestions in this document outside amendments.");
  return decide(db, publish, userId, access.documentId, rows.map(({ id }) => id), input.accept);
}

/** A reply to a suggestion, like a comment: anyone who may suggest in the document may reply. */
export async function replyToSuggestion(db: Db, publish: Publish, userId: string, input: ReplySuggestionInput) {
  const { suggestion, access } = await requireSuggestion(db, userId, input.id, "suggest");
  if (suggestion.status !== "open") throw new AppError("CONFLICT", `That suggestion was already ${suggestion.status}.`);
  const reply = await db.suggestionReply.create({ data: { suggestionId: suggestion.id, authorId: userId, body: input.body }, select: { id: true } });
  publishChanged(publish, access.documentId);
  return reply;
}

/**
 * Records the suggestions an update from `userId` names for the first time, with them as author.
 * Called after the update is stored; ids already recorded keep their author.
 */
export async function recordSuggestions(db: Db, publish: Publish, documentId: string, userId: string, ids: readonly string[]) {
  if (ids.length === 0) return;
  const known = new Set(
    (await db.suggestion.findMany({ where: { id: { in: [...ids] } }, select: { id: true } })).map(({ id }) => id),
  );
  const fresh = ids.filter((id) => !known.has(id));
  if (fresh.length === 0) return;
  try {
    await db.suggestion.createMany({ data: fresh.map((id) => ({ id, documentId, authorId: userId })) });
  } catch (error) {
    // Two updates naming the same new id at once: the first one's author stands.
    logger.info({ err: error, documentId }, "suggestion already recorded");
  }
  publishChanged(publish, documentId);
}

/** Whether any of the ids belongs to a suggestion by someone else (or in another document). */
export async function suggestionsOfOthers(db: Db, documentId: string, userId: string, ids: readonly string[]): Promise<boolean> {
  if (ids.length === 0) return false;
  const foreign = await db.suggestion.count({
    where: { id: { in: [...ids] }, OR: [{ documentId: { not: documentId } }, { authorId: { not: userId } }] },
  });
  return foreign > 0;
}

/**
 * The open suggestions of everyone but one person in a document: what their suggest-only seat may
 * not change. (Their own, and ids not recorded yet because their update is still being stored, they may.)
 */
export async function openSuggestionIdsOfOthers(db: Db, documentId: string, userId: string): Promise<Set<string>> {
  const rows = await db.suggestion.findMany({
    where: { documentId, authorId: { not: userId }, status: "open" },
    select: { id: true },
  });
  return new Set(rows.map(({ id }) => id));
}
