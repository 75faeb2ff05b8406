import { once } from "node:events";
import { createReadStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { requireHash, withContentLocks } from "@/server/files/content-hash";
import { s3ConfigFromEnv, s3Storage } from "@/server/files/s3-storage";
import { stageOnDisk } from "@/server/files/staging";
import { PRIVATE_DIR_MODE } from "@/server/private-files";

/** Bytes `start` to `end` of a file, both included, as in an HTTP Range header. */
export type ByteRange = { start: number; end: number };

/** Content that has been received and hashed but is not yet stored under its hash. */
export type StagedContent = {
  sha256: string;
  size: number;
  /** Puts the content in place under its hash (a no-op when identical content is there already). */
  keep(): Promise<void>;
  /** Throws the staged copy away; safe to call after keep, and more than once. */
  discard(): Promise<void>;
};

/**
 * Where uploaded bytes live. Content-addressed: a file is stored under its SHA-256, so identical
 * uploads share one copy and a StoredFile row points at it by hash. Two drivers: local disk
 * (below) and S3 (s3-storage.ts); getFileStorage picks one from the configuration.
 */
export interface FileStorage {
  /**
   * Reads the stream to its end into a staging area while hashing it, never holding it in memory.
   * If the stream fails, nothing is left behind and the promise rejects with the stream's error.
   */
  stage(stream: Readable): Promise<StagedContent>;
  /** The stored content, or a part of it; rejects when there is no such content. */
  open(sha256: string, range?: ByteRange): Promise<Readable>;
  /** Removes stored content; removing content that is not there is not an error. */
  remove(sha256: string): Promise<void>;
}

/**
 * Stores a stream under its hash and answers the hash and size. Uploads that also record a
 * StoredFile row use storage.stage and keep the content under withContentLocks themselves.
 */
export async function storeContent(storage: FileStorage, stream: Readable): Promise<{ sha256: string; size: number }> {
  const staged = await storage.stage(stream);
  try {
    await withContentLocks([staged.sha256], () => staged.keep());
  } finally {
    await staged.discard();
  }
  return { sha256: staged.sha256, size: staged.size };
}

export const DEFAULT_UPLOAD_MAX_BYTES = 50 * 1024 * 1024;

/**
 * UPLOAD_MAX_BYTES as a whole number of bytes; unset or blank means 50 MB. A value that is not a
 * positive whole number is a configuration mistake and says so (config.ts checks it at start-up).
 */
export function uploadMaxBytes(value = process.env.UPLOAD_MAX_BYTES): number {
  if (value === undefined || value.trim() === "") return DEFAULT_UPLOAD_MAX_BYTES;
  const bytes = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(bytes) || bytes < 1) {
    throw new Error(`UPLOAD_MAX_BYTES must be a whole number of bytes, e.g. 52428800 for 50 MB (got "${value}")`);
  }
  return bytes;
}

/**
 * Files under `<root>/<first two hex chars>/<sha256>`. Uploads are written to `<root>/tmp` first
 * (the same file system, so the final rename is atomic) and only moved into place once complete.
 */
export function localDiskStorage(root: string): FileStorage {
  const tmpDir = path.join(root, "tmp");
  const pathOf = (sha256: string) => path.join(root, requireHash(sha256).slice(0, 2), sha256);

  return {
    async stage(stream) {
      const { temp, sha256, size } = await stageOnDisk(tmpDir, stream);
      return {
        sha256,
        size,
        discard: () => rm(temp, { force: true }),
        async keep() {
          const target = pathOf(sha256);
          if (await stat(target).catch(() => null)) return;
          await mkdir(path.dirname(target), { recursive: true, mode: PRIVATE_DIR_MODE });
          await rename(temp, target);
        },
      };
    },
    async open(sha256, range) {
      const stream = createReadStream(pathOf(sha256), range);
      await once(stream, "ready");
      return stream;
    },
    async remove(sha256) {
      await rm(pathOf(sha256), { force: true });
    },
  };
}

const holder = globalThis as unknown as { hearthS3Storage?: { configKey: string; storage: FileStorage } };

/**
 * The storage the running app uses: an S3 bucket when S3_BUCKET is set, otherwise local disk
 * under the data directory serve.ts exported. The S3 client (and its connection pool) is made
 * once per configuration.
 */
export function getFileStorage(env: Record<string, string | undefined> = process.env): FileStorage {
  const s3 = s3ConfigFromEnv(env);
  const uploads = path.resolve(env.HEARTH_DATA_DIR ?? "./data", "uploads");
  if (!s3) return localDiskStorage(uploads);
  const stagingDir = path.join(uploads, "tmp");
  const configKey = JSON.stringify({ s3, stagingDir });
  if (holder.hearthS3Storage?.configKey !== configKey) holder.hearthS3Storage = { configKey, storage: s3Storage(s3, stagingDir) };
  return holder.hearthS3Storage.storage;
}
