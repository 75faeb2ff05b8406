import * as Y from "yjs";
import type { Db } from "@/server/db";
import type { DbClient } from "@/server/groups/ancestry";

/** Yjs does not export the class's type: which ranges of which clients' items are deleted. */
export type DeleteSet = ReturnType<typeof Y.createDeleteSet>;

/** Stored updates in the order they were stored, with who sent each (null: nobody in particular). */
export type StoredUpdate = { data: Uint8Array; userId: string | null };

/** A delete set as bytes, in Yjs' own snapshot encoding (a delete set with an empty state vector). */
export function encodeDeleteSet(deleteSet: DeleteSet): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Y.encodeSnapshot(Y.createSnapshot(deleteSet, new Map())));
}

export function decodeDeleteSet(bytes: Uint8Array): DeleteSet {
  return Y.decodeSnapshot(bytes).ds;
}

/**
 * Applies stored updates to `doc` one transaction each and credits each person with what their
 * update newly deleted. An update's own delete set is not enough: a sync message carries the
 * whole document's deletions, most of them long made by others, and Yjs records in the
 * transaction only the items that this update took out of the text.
 */
export function applyCrediting(doc: Y.Doc, updates: readonly StoredUpdate[]): Map<string, DeleteSet> {
  const credited = new Map<string, DeleteSet[]>();
  for (const { data, userId } of updates) {
    doc.transact((transaction) => {
      Y.applyUpdate(doc, data);
      if (userId && transaction.deleteSet.clients.size) {
        const sets = credited.get(userId) ?? [];
        sets.push(transaction.deleteSet);
        credited.set(userId, sets);
      }
    });
  }
  return new Map([...credited].map(([userId, sets]) => [userId, Y.mergeDeleteSets(sets)]));
}

/**
 * Folds deletions credited at a compaction into each person's stored delete set, inside the
 * compaction's transaction. Merging is a union, so two compactions folding the same updates at
 * once store the same result.
 */
export async function storeCredited(tx: DbClient, documentId: string, credited: Map<string, DeleteSet>): Promise<void> {
  if (credited.size === 0) return;
  const userIds = [...credited.keys()];
  const stored = await tx.documentDeleteSet.findMany({
    where: { documentId, userId: { in: userIds } },
    select: { userId: true, deleteSet: true },
  });
  const merged = userIds.map((userId) => {
    const before = stored.find((row) => row.userId === userId);
    const sets = before ? [decodeDeleteSet(before.deleteSet), credited.get(userId)!] : [credited.get(userId)!];
    return { documentId, userId, deleteSet: encodeDeleteSet(Y.mergeDeleteSets(sets)) };
  });
  await tx.documentDeleteSet.deleteMany({ where: { documentId, userId: { in: userIds } } });
  await tx.documentDeleteSet.createMany({ data: merged });
}

/**
 * Everyone's deletions in a document so far: what compactions stored, and what the updates not
 * yet compacted add (replayed over the snapshot, as a compaction would).
 */
export async function deleteSetsOf(db: Db, documentId: string): Promise<Map<string, DeleteSet>> {
  const { stored, snapshot, updates } = await db.$transaction(async (tx) => {
    const document = await tx.document.findUniqueOrThrow({ where: { id: documentId }, select: { snapshot: true, snapshotUpdateId: true } });
    const [stored, updates] = await Promise.all([
      tx.documentDeleteSet.findMany({ where: { documentId }, select: { userId: true, deleteSet: true } }),
      tx.documentUpdate.findMany({
        where: { documentId, id: { gt: document.snapshotUpdateId } },
        orderBy: { id: "asc" },
        select: { data: true, userId: true },
      }),
    ]);
    return { stored, snapshot: document.snapshot, updates };
  });
  const doc = new Y.Doc();
  try {
    if (snapshot) Y.applyUpdate(doc, snapshot);
    const pending = updates.length ? applyCrediting(doc, updates) : new Map<string, DeleteSet>();
    const all = new Map<string, DeleteSet[]>();
    for (const { userId, deleteSet } of stored) all.set(userId, [decodeDeleteSet(deleteSet)]);
    for (const [userId, deleteSet] of pending) all.set(userId, [...(all.get(userId) ?? []), deleteSet]);
    return new Map([...all].map(([userId, sets]) => [userId, Y.mergeDeleteSets(sets)]));
  } finally {
    doc.destroy();
  }
}
