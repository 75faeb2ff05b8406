import { formatFileSize } from "@/lib/file-size";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";

export const DEFAULT_UPLOAD_QUOTA_BYTES = 2 * 1024 * 1024 * 1024;

/**
 * UPLOAD_QUOTA_BYTES, the most one person's uploads may add up to; unset or blank means 2 GB.
 * A value that is not a positive whole number is a configuration mistake (config.ts checks it at start-up).
 */
export function uploadQuotaBytes(value = process.env.UPLOAD_QUOTA_BYTES): number {
  if (value === undefined || value.trim() === "") return DEFAULT_UPLOAD_QUOTA_BYTES;
  const bytes = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(bytes) || bytes < 1) {
    throw new Error(`UPLOAD_QUOTA_BYTES must be a whole number of bytes, e.g. 2147483648 for 2 GB (got "${value}")`);
  }
  return bytes;
}

/** What a person's uploads add up to: every stored file they uploaded, each counted, even when contents are shared. */
export async function uploadedBytes(db: Db, userId: string): Promise<number> {
  const { _sum } = await db.storedFile.aggregate({ where: { uploadedById: userId }, _sum: { size: true } });
  return _sum.size ?? 0;
}

export function quotaExceeded(quotaBytes: number, usedBytes: number): AppError {
  return new AppError(
    "BAD_REQUEST",
    `Your uploads would come to more than ${formatFileSize(quotaBytes)}, the most Hearth keeps for one person ` +
      `(you have ${formatFileSize(usedBytes)} stored). Files you uploaded but never attached are cleared after a day; ` +
      "for more room, ask the instance administrator.",
  );
}

/**
 * One chain of uploads per person, shared through globalThis as Next bundles route handlers
 * apart: checking the room left and recording the file happen together, so two uploads at once
 * cannot both fit into the same last gigabyte.
 */
const holder = globalThis as unknown as { hearthQuotaLocks?: Map<string, Promise<unknown>> };

export async function withUploaderLock<T>(userId: string, work: () => Promise<T>): Promise<T> {
  const locks = (holder.hearthQuotaLocks ??= new Map());
  const current = (locks.get(userId) ?? Promise.resolve()).then(work);
  const settled = current.catch(() => undefined);
  locks.set(userId, settled);
  try {
    return await current;
  } finally {
    if (locks.get(userId) === settled) locks.delete(userId);
  }
}
