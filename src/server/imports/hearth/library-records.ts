import { toMarkdown } from "@/server/documents/versions/markdown";
import { contentOf } from "@/server/documents/versions/state";
import type { FileMeta } from "@/server/exports/hearth-json/format";
import { created, isPlanned, matched, missing, skipped, type Handler, type ImportContext } from "@/server/imports/hearth/context";
import { withImportedSuggestionIds } from "@/server/imports/hearth/suggestion-ids";

export const importResource: Handler<"resource"> = async (ctx, d) => {
  if (await ctx.ids.get("resource", d.id)) return matched();
  const groupId = await ctx.ids.get("group", d.groupId);
  if (!groupId) return missing("group", d.groupId);
  const authorId = await ctx.ids.get("user", d.authorId);
  if (!authorId) return missing("author", d.authorId);
  const folderId = d.folderId ? await ctx.ids.get("folder", d.folderId) : null;
  const meetingId = d.meetingId ? await ctx.ids.get("meeting", d.meetingId) : null;
  const publishedById = d.publishedById ? await ctx.ids.get("user", d.publishedById) : null;
  await ctx.ids.make("resource", d.id, () =>
    ctx.db.resource.create({
      data: {
        groupId,
        folderId,
        meetingId,
        kind: d.kind,
        title: d.title,
        description: d.description,
        url: d.url,
        authorId,
        publishedAt: d.publishedAt,
        publishedById,
        createdAt: d.createdAt,
        updatedAt: d.updatedAt,
        tags: { create: [...new Set(d.tags)].map((name) => ({ name })) },
      },
      select: { id: true },
    }),
  );
  return created();
};

/** A StoredFile row for uploaded content; its bytes were put in storage before the unit's transaction, when the file had them. */
export function storedFile(ctx: ImportContext, file: FileMeta, uploadedById: string, createdAt: Date) {
  return ctx.db.storedFile.create({
    data: { sha256: file.sha256, size: file.size, contentType: file.contentType, originalName: file.name, uploadedById, createdAt },
    select: { id: true },
  });
}

/**
 * A version of a file resource. Without its bytes it still comes in (the library lists it), and
 * the import warns: importing again with the files restores them.
 */
export const importResourceVersion: Handler<"resource_version"> = async (ctx, d) => {
  if (await ctx.ids.get("resource_version", d.id)) return matched();
  const resourceId = await ctx.ids.get("resource", d.resourceId);
  if (!resourceId) return missing("resource", d.resourceId);
  const uploadedById = await ctx.ids.get("user", d.uploadedById);
  if (!uploadedById) return missing("uploader", d.uploadedById);
  if (!ctx.hasBytes(d.file.sha256)) ctx.later(() => ctx.fileMissing("resource", d.file.name));
  await ctx.ids.make("resource_version", d.id, async () => {
    const file = await storedFile(ctx, d.file, uploadedById, d.createdAt);
    const version = await ctx.db.resourceVersion.create({
      data: { resourceId, number: d.number, fileId: file.id, uploadedById, note: d.note, createdAt: d.createdAt },
      select: { id: true },
    });
    const resource = await ctx.db.resource.findUniqueOrThrow({ where: { id: resourceId }, select: { latestVersion: true, updatedAt: true } });
    if (resource.latestVersion < d.number) {
      // Setting updatedAt keeps the library's "last changed" as it was, not the time of the import.
      await ctx.db.resource.update({ where: { id: resourceId }, data: { latestVersion: d.number, updatedAt: resource.updatedAt }, select: { id: true } });
    }
    return version;
  });
  return created();
};

/** The Yjs state of a document or version, checked to open as a document; null when it does not. */
function stateOf(ctx: ImportContext, content: { yjs: string; markdown: string }, title: string, what: string): Uint8Array<ArrayBuffer> | null {
  const state = new Uint8Array(Buffer.from(content.yjs, "base64"));
  let markdown: string;
  try {
    markdown = toMarkdown(contentOf(state), title);
  } catch {
    return null;
  }
  if (markdown !== content.markdown) {
    ctx.later(() => ctx.warn(`${what} reads differently from the Markdown in the file; its saved editor state was kept as it is.`));
  }
  return state;
}

export const importDocument: Handler<"document"> = async (ctx, d) => {
  if (await ctx.ids.get("document", d.id)) return matched();
  const groupId = await ctx.ids.get("group", d.groupId);
  if (!groupId) return missing("group", d.groupId);
  const createdById = await ctx.ids.get("user", d.createdById);
  if (!createdById) return missing("creator", d.createdById);
  const state = stateOf(ctx, d.content, d.title, `The document “${d.title}”`);
  if (!state) return skipped("Its content is not a document Hearth can open.");
  const snapshot = await withImportedSuggestionIds(ctx, state);
  const guestIds: string[] = [];
  for (const guestId of new Set(d.guestIds)) {
    const userId = await ctx.ids.get("user", guestId);
    if (userId) guestIds.push(userId);
  }
  const documentId = await ctx.ids.make("document", d.id, () =>
    ctx.db.document.create({
      data: {
        groupId,
        title: d.title,
        createdById,
        snapshot,
        mode: d.mode,
        guestsMaySuggest: d.guestsMaySuggest,
        createdAt: d.createdAt,
        updatedAt: d.updatedAt,
        guests: { create: guestIds.map((userId) => ({ userId })) },
      },
      select: { id: true },
    }),
  );
  ctx.documentTitles.set(documentId, d.title);
  return created();
};

export const importDocumentVersion: Handler<"document_version"> = async (ctx, d) => {
  if (await ctx.ids.get("document_version", d.id)) return matched();
  const documentId = await ctx.ids.get("document", d.documentId);
  if (!documentId) return missing("document", d.documentId);
  const title = d.name ?? "version";
  const read = stateOf(ctx, d.content, await documentTitle(ctx, documentId, title), `A version of a document (${d.id})`);
  if (!read) return skipped("Its content is not a document Hearth can open.");
  const state = await withImportedSuggestionIds(ctx, read);
  const createdById = d.createdById ? await ctx.ids.get("user", d.createdById) : null;
  // Each author with what they wrote since the version before, where the file counted it.
  const counted = new Map(d.contributions.map(({ userId, ...counts }) => [userId, counts]));
  const authors = new Map<string, { wordsAdded: number | null; wordsRemoved: number | null; suggestionsAccepted: number | null }>();
  for (const authorId of new Set([...d.authorIds, ...counted.keys()])) {
    const userId = await ctx.ids.get("user", authorId);
    if (userId && !authors.has(userId)) authors.set(userId, counted.get(authorId) ?? { wordsAdded: null, wordsRemoved: null, suggestionsAccepted: null });
  }
  let pollId = d.pollId ? await ctx.ids.get("poll", d.pollId) : null;
  // A proposal adopts one version only; keep the first link if another version already has it.
  if (pollId && !isPlanned(pollId) && (await ctx.db.documentVersion.findUnique({ where: { pollId }, select: { id: true } }))) pollId = null;
  await ctx.ids.make("document_version", d.id, async () => {
    const version = await ctx.db.documentVersion.create({
      data: {
        documentId,
        kind: d.kind,
        name: d.name,
        state,
        createdById,
        pollId,
        adoptedAt: d.adoptedAt,
        createdAt: d.createdAt,
        authors: { create: [...authors].map(([userId, counts]) => ({ userId, ...counts })) },
      },
      select: { id: true },
    });
    if (d.adopted) {
      const { updatedAt } = await ctx.db.document.findUniqueOrThrow({ where: { id: documentId }, select: { updatedAt: true } });
      await ctx.db.document.update({ where: { id: documentId }, data: { adoptedVersionId: version.id, updatedAt }, select: { id: true } });
    }
    return version;
  });
  return created();
};

/** The document's title, which heads the Markdown of each of its versions. */
async function documentTitle(ctx: ImportContext, documentId: string, fallback: string): Promise<string> {
  const known = ctx.documentTitles.get(documentId);
  if (known !== undefined || isPlanned(documentId)) return known ?? fallback;
  const document = await ctx.db.document.findUnique({ where: { id: documentId }, select: { title: true } });
  return document?.title ?? fallback;
}
