import type { Db } from "@/server/db";
import { contributionsSince } from "@/server/documents/authorship/contributions";
import { loadDocumentState } from "@/server/documents/persistence";
import { logger } from "@/server/logger";

/** How long a document is edited before the history gets an automatic checkpoint. */
export const CHECKPOINT_INTERVAL_MS = 10 * 60 * 1000;

type Kind = "auto" | "named" | "restore";

/**
 * Freezes a document state as a version. Its authors are everyone whose edits were stored since
 * the version before (plus `alsoAuthor`, whose edit may already be compacted away), and anyone
 * the contribution count credits with words or accepted suggestions since then; each with that count.
 */
export async function recordVersion(
  db: Db,
  args: { documentId: string; kind: Kind; name: string | null; state: Uint8Array; createdById: string | null; alsoAuthor?: string },
): Promise<{ id: string }> {
  const previous = await db.documentVersion.findFirst({
    where: { documentId: args.documentId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { createdAt: true, state: true },
  });
  const [editors, contributions] = await Promise.all([
    db.documentUpdate.findMany({
      where: { documentId: args.documentId, userId: { not: null }, ...(previous && { createdAt: { gte: previous.createdAt } }) },
      distinct: ["userId"],
      select: { userId: true },
    }),
    contributionsSince(db, args.documentId, previous, args.state),
  ]);
  const authorIds = new Set(editors.map(({ userId }) => userId!));
  if (args.alsoAuthor) authorIds.add(args.alsoAuthor);
  for (const [userId, counted] of contributions) {
    if (counted.wordsAdded || counted.wordsRemoved || counted.suggestionsAccepted) authorIds.add(userId);
  }
  const zero = { wordsAdded: 0, wordsRemoved: 0, suggestionsAccepted: 0 };
  return db.documentVersion.create({
    data: {
      documentId: args.documentId,
      kind: args.kind,
      name: args.name,
      state: new Uint8Array(args.state),
      createdById: args.createdById,
      authors: { create: [...authorIds].map((userId) => ({ userId, ...(contributions.get(userId) ?? zero) })) },
    },
    select: { id: true },
  });
}

/**
 * When the document's latest version was made (its creation when it has none), and whether it
 * was edited after that. One indexed query.
 */
async function sinceLatestVersion(db: Db, documentId: string): Promise<{ since: Date; edited: boolean } | null> {
  const document = await db.document.findUnique({
    where: { id: documentId },
    select: {
      createdAt: true,
      updatedAt: true,
      versions: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1, select: { createdAt: true } },
    },
  });
  if (!document) return null;
  const since = document.versions[0]?.createdAt ?? document.createdAt;
  return { since, edited: document.updatedAt > since };
}

/** True when the document was edited after its latest version (or after it was created, when it has none). */
export async function hasUnversionedEdits(db: Db, documentId: string): Promise<boolean> {
  return (await sinceLatestVersion(db, documentId))?.edited ?? false;
}

/** Documents whose versions are being written right now, and by how many callers. */
const busy = new Map<string, number>();

async function whileBusy<T>(documentId: string, work: () => Promise<T>): Promise<T> {
  busy.set(documentId, (busy.get(documentId) ?? 0) + 1);
  try {
    return await work();
  } finally {
    const left = (busy.get(documentId) ?? 1) - 1;
    if (left > 0) busy.set(documentId, left);
    else busy.delete(documentId);
  }
}

/**
 * Runs `work` while automatic checkpoints of the document are held off, so a restore's own
 * versions are not doubled by a checkpoint its update triggers.
 */
export function holdingCheckpoints<T>(documentId: string, work: () => Promise<T>): Promise<T> {
  return whileBusy(documentId, work);
}

/**
 * The earliest time each document can be due for a checkpoint, so that updates typed in between
 * cost no query at all. A version made meanwhile only moves the real time later, never earlier.
 */
const notBefore = new Map<string, number>();

/**
 * Called after every stored update: makes an automatic checkpoint once the latest version is ten
 * minutes old and there were edits since. Free while a checkpoint cannot be due, one query when it
 * may be; never throws, since a missed checkpoint must not fail an edit.
 */
export async function maybeCheckpoint(db: Db, documentId: string, userId: string | null, now = new Date()): Promise<{ id: string } | null> {
  if (busy.has(documentId) || (notBefore.get(documentId) ?? 0) > now.getTime()) return null;
  return whileBusy(documentId, async () => {
    try {
      const facts = await sinceLatestVersion(db, documentId);
      if (!facts) return null;
      const due = facts.since.getTime() + CHECKPOINT_INTERVAL_MS;
      if (now.getTime() < due) {
        notBefore.set(documentId, due);
        return null;
      }
      if (!facts.edited) return null;
      const state = await loadDocumentState(db, documentId);
      return await recordVersion(db, { documentId, kind: "auto", name: null, state, createdById: null, alsoAuthor: userId ?? undefined });
    } catch (error) {
      logger.warn({ err: error, documentId }, "automatic checkpoint failed");
      return null;
    }
  });
}
