import { runJobTurn, type JobSchedule } from "@/server/cluster/job-lock";
import type { Db } from "@/server/db";
import { withContentLocks } from "@/server/files/content-hash";
import { getFileStorage, type FileStorage } from "@/server/files/storage";
import { logger } from "@/server/logger";

/** A StoredFile nothing refers to: no thread attachment and no resource version. */
const UNUSED = { attachments: { none: {} }, resourceVersions: { none: {} } } as const;

/** Uploads that were never attached to anything are kept this long, for a form still being filled in. */
export const ORPHAN_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * Removes the StoredFile rows among `fileIds` that nothing refers to any more, then the stored
 * content of those that were the last row with their hash. Rows still in use are left alone, so
 * callers may pass every file a deleted resource had. Call after the transaction that removed
 * the references has committed. A failure to remove content is logged, never thrown: the rows
 * are gone either way, and leftover bytes harm nobody.
 */
export async function deleteStoredFilesIfUnused(db: Db, fileIds: readonly string[], storage: FileStorage = getFileStorage()): Promise<number> {
  if (fileIds.length === 0) return 0;
  // Serializable, so a reference added while this runs either is seen or makes this transaction fail.
  const deleted = await db.$transaction(
    async (tx) => {
      const unused = await tx.storedFile.findMany({ where: { id: { in: [...fileIds] }, ...UNUSED }, select: { id: true, sha256: true } });
      if (unused.length === 0) return [];
      const { count } = await tx.storedFile.deleteMany({ where: { id: { in: unused.map((file) => file.id) }, ...UNUSED } });
      if (count !== unused.length) throw new Error("stored files gained a reference while being deleted");
      return unused;
    },
    { isolationLevel: "Serializable" },
  );
  if (deleted.length > 0) await removeContentNoLongerUsed(db, deleted.map((file) => file.sha256), storage);
  return deleted.length;
}

/** The single-file form of deleteStoredFilesIfUnused, e.g. after a thread attachment or resource version is removed. */
export async function deleteStoredFileIfUnused(db: Db, fileId: string, storage?: FileStorage): Promise<boolean> {
  return (await deleteStoredFilesIfUnused(db, [fileId], storage)) === 1;
}

/**
 * Removes the content of each hash no StoredFile row uses. Runs under the content locks, so an
 * upload of identical bytes either recorded its row before this looks (and the content stays), or
 * puts the content back in place after this removed it.
 */
async function removeContentNoLongerUsed(db: Db, hashes: string[], storage: FileStorage): Promise<void> {
  await withContentLocks(hashes, async () => {
    const stillUsed = await db.storedFile.findMany({ where: { sha256: { in: hashes } }, select: { sha256: true }, distinct: ["sha256"] });
    const used = new Set(stillUsed.map((file) => file.sha256));
    const unused = [...new Set(hashes)].filter((sha256) => !used.has(sha256));
    const results = await Promise.allSettled(unused.map((sha256) => storage.remove(sha256)));
    results.forEach((result, index) => {
      if (result.status === "rejected") logger.error({ err: result.reason, sha256: unused[index] }, "could not remove stored content; it is left in storage");
    });
  });
}

/**
 * Deletes uploads older than ORPHAN_AGE_MS that were never attached to anything (a form that
 * was abandoned after its files were uploaded), with their content when no other row shares it.
 */
export async function sweepOrphanedFiles(db: Db, now = new Date(), storage: FileStorage = getFileStorage()): Promise<number> {
  const orphans = await db.storedFile.findMany({
    where: { createdAt: { lt: new Date(now.getTime() - ORPHAN_AGE_MS) }, ...UNUSED },
    select: { id: true },
    take: 1000,
  });
  return deleteStoredFilesIfUnused(
    db,
    orphans.map((file) => file.id),
    storage,
  );
}

/**
 * Sweeps once at start-up and then daily, each sweep on one instance at a time (cluster/job-lock.ts);
 * answers a function that stops it. Failures are logged and retried next time.
 */
export function startOrphanSweep(db: Db, { redis, intervalMs = ORPHAN_AGE_MS }: JobSchedule): () => void {
  const sweep = () =>
    runJobTurn("orphan-sweep", redis, () => sweepOrphanedFiles(db)).then(
      (turn) => turn.ran && turn.result > 0 && logger.info({ count: turn.result }, "removed uploads that were never attached"),
      (error: unknown) => logger.error({ err: error }, "orphaned upload sweep failed"),
    );
  void sweep();
  const timer = setInterval(() => void sweep(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
