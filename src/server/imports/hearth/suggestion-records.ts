import * as Y from "yjs";
import { decodeDeleteSet, encodeDeleteSet } from "@/server/documents/authorship/delete-sets";
import { created, isPlanned, matched, missing, skipped, type Handler, type ImportContext } from "@/server/imports/hearth/context";
import { renamedSuggestionId, takenSuggestionIds } from "@/server/imports/hearth/suggestion-ids";

/** A link to a person that may be empty: null when the person is not in the file or was not imported. */
const personOrNull = async (ctx: ImportContext, id: string | null) => (id ? ctx.ids.get("user", id) : null);

/**
 * An amendment comes after its document and versions (skipped without the document or the person
 * who proposed it). Its poll, adopted version and the amendment it competes with are kept when
 * they came, and left out with a word when not. Its number is the document's: one this Hearth has
 * already given to another amendment of the document (added since an earlier import) is not taken twice.
 */
export const importAmendment: Handler<"amendment"> = async (ctx, d) => {
  if (await ctx.ids.get("amendment", d.id)) return matched();
  const documentId = await ctx.ids.get("document", d.documentId);
  if (!documentId) return missing("document", d.documentId);
  const proposedById = await ctx.ids.get("user", d.proposedById);
  if (!proposedById) return missing("proposer", d.proposedById);
  if (!isPlanned(documentId) && (await ctx.db.amendment.findUnique({ where: { documentId_number: { documentId, number: d.number } }, select: { id: true } }))) {
    return skipped(`The document already has an Amendment ${d.number} in this Hearth, made since an earlier import; this one was not brought in beside it.`);
  }
  const link = async (table: "poll" | "document_version" | "amendment", id: string | null, what: string) => {
    if (!id) return null;
    const found = await ctx.ids.get(table, id);
    if (!found) ctx.later(() => ctx.warn(`An amendment came without its ${what}, which is not in the file or was not imported.`));
    return found;
  };
  const pollId = await link("poll", d.pollId, "poll");
  let versionId = await link("document_version", d.versionId, "adopted version");
  // A version is made by one amendment; keep the first link if another amendment has it already.
  if (versionId && !isPlanned(versionId) && (await ctx.db.amendment.findUnique({ where: { versionId }, select: { id: true } }))) versionId = null;
  const competesWithId = await link("amendment", d.competesWithId, "rival amendment");
  await ctx.ids.make("amendment", d.id, () =>
    ctx.db.amendment.create({
      data: {
        documentId,
        number: d.number,
        proposedById,
        passage: d.passage,
        replacement: d.replacement,
        pollId,
        status: d.status,
        result: d.result,
        versionId,
        competesWithId,
        decidedAt: d.decidedAt,
        createdAt: d.createdAt,
      },
      select: { id: true },
    }),
  );
  return created();
};

/**
 * A suggestion comes after its document (whose text holds its marks) and amendments; it is skipped
 * without its document or its author. It keeps its id, the id of its marks, unless this Hearth has
 * a suggestion with that id already (see suggestion-ids.ts). Its replies come with it; on a later
 * import, replies written since are added (a reply is known by its author and time).
 */
export const importSuggestion: Handler<"suggestion"> = async (ctx, d) => {
  let suggestionId = await ctx.ids.get("suggestion", d.id);
  const outcome = suggestionId ? matched() : null;
  if (!suggestionId) {
    const documentId = await ctx.ids.get("document", d.documentId);
    if (!documentId) return missing("document", d.documentId);
    const authorId = await ctx.ids.get("user", d.authorId);
    if (!authorId) return missing("author", d.authorId);
    const amendmentId = d.amendmentId ? await ctx.ids.get("amendment", d.amendmentId) : null;
    if (d.amendmentId && !amendmentId) {
      ctx.later(() => ctx.warn("A suggestion was part of an amendment that is not in the file or was not imported; it comes on its own."));
    }
    const decidedById = await personOrNull(ctx, d.decidedById);
    const id = ctx.dryRun || !(await takenSuggestionIds(ctx, [d.id])).has(d.id) ? d.id : renamedSuggestionId(ctx.origin, d.id);
    suggestionId = await ctx.ids.make("suggestion", d.id, () =>
      ctx.db.suggestion.create({
        data: { id, documentId, authorId, status: d.status, decidedById, decidedAt: d.decidedAt, amendmentId, createdAt: d.createdAt },
        select: { id: true },
      }),
    );
  }
  if (!ctx.dryRun && !isPlanned(suggestionId)) {
    const given = await ctx.db.suggestionReply.findMany({ where: { suggestionId }, select: { authorId: true, createdAt: true } });
    const known = new Set(given.map(({ authorId, createdAt }) => `${authorId} ${createdAt.getTime()}`));
    const replies: { suggestionId: string; authorId: string; body: string; createdAt: Date }[] = [];
    for (const reply of d.replies) {
      const authorId = await ctx.ids.get("user", reply.authorId);
      if (!authorId) {
        ctx.later(() => ctx.warn("A reply to a suggestion was left out: its author is not in the file or was not imported."));
        continue;
      }
      const key = `${authorId} ${reply.createdAt.getTime()}`;
      if (known.has(key)) continue;
      known.add(key);
      replies.push({ suggestionId, authorId, body: reply.body, createdAt: reply.createdAt });
    }
    if (replies.length > 0) await ctx.db.suggestionReply.createMany({ data: replies });
  }
  return outcome ?? created();
};

/** Who wrote as a Yjs client of a document: skipped without the document or the person; one this Hearth has is kept as it is. */
export const importDocumentClient: Handler<"document_client"> = async (ctx, d) => {
  const documentId = await ctx.ids.get("document", d.documentId);
  if (!documentId) return missing("document", d.documentId);
  const userId = await ctx.ids.get("user", d.userId);
  if (!userId) return missing("person", d.userId);
  const clientId = BigInt(d.clientId);
  if (!isPlanned(documentId) && (await ctx.db.documentClient.findUnique({ where: { documentId_clientId: { documentId, clientId } }, select: { userId: true } }))) {
    return matched();
  }
  if (!ctx.dryRun) await ctx.db.documentClient.create({ data: { documentId, clientId, userId, createdAt: d.createdAt }, select: { clientId: true } });
  return created();
};

/**
 * What one person deleted in a document: skipped without the document or the person, or when it
 * is not a delete set. One this Hearth has already is merged with it (deletions only ever add up).
 */
export const importDocumentDeleteSet: Handler<"document_delete_set"> = async (ctx, d) => {
  const documentId = await ctx.ids.get("document", d.documentId);
  if (!documentId) return missing("document", d.documentId);
  const userId = await ctx.ids.get("user", d.userId);
  if (!userId) return missing("person", d.userId);
  let deleteSet: ReturnType<typeof decodeDeleteSet>;
  try {
    deleteSet = decodeDeleteSet(new Uint8Array(Buffer.from(d.deleteSet, "base64")));
  } catch {
    return skipped("Its record of what the person deleted is damaged: Hearth cannot read it.");
  }
  const stored = isPlanned(documentId)
    ? null
    : await ctx.db.documentDeleteSet.findUnique({ where: { documentId_userId: { documentId, userId } }, select: { deleteSet: true } });
  if (ctx.dryRun) return stored ? matched() : created();
  if (stored) {
    const merged = encodeDeleteSet(Y.mergeDeleteSets([decodeDeleteSet(stored.deleteSet), deleteSet]));
    if (Buffer.compare(Buffer.from(merged), Buffer.from(stored.deleteSet)) !== 0) {
      await ctx.db.documentDeleteSet.update({ where: { documentId_userId: { documentId, userId } }, data: { deleteSet: merged }, select: { userId: true } });
    }
    return matched();
  }
  await ctx.db.documentDeleteSet.create({ data: { documentId, userId, deleteSet: encodeDeleteSet(deleteSet), updatedAt: d.updatedAt }, select: { userId: true } });
  return created();
};
