import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

/**
 * Where uploaded bytes live. Content-addressed: a file is stored under its SHA-256, so identical
 * uploads share one copy and a StoredFile row points at it by hash. Drivers other than local disk
 * (S3) implement the same three calls.
 */
export interface FileStorage {
  /** Reads the stream to its end; if it fails, nothing is left behind. */
  put(stream: Readable): Promise<{ sha256: string; size: number }>;
  open(sha256: string): Readable;
  remove(sha256: string): Promise<void>;
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

const SHA256_HEX = /^[0-9a-f]{64}$/;

function requireHash(sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new Error(`Not a SHA-256 hash: ${sha256}`);
  return sha256;
}

/** Hashes and counts what passes through, unchanged. */
class Digest extends Transform {
  readonly hash = createHash("sha256");
  size = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: () => void) {
    this.hash.update(chunk);
    this.size += chunk.length;
    this.push(chunk);
    callback();
  }
}

/**
 * Files under `<root>/<first two hex chars>/<sha256>`. Uploads are written to `<root>/tmp` first
 * (the same file system, so the final rename is atomic) and only moved into place once complete.
 */
export function localDiskStorage(root: string): FileStorage {
  const tmpDir = path.join(root, "tmp");
  const pathOf = (sha256: string) => path.join(root, requireHash(sha256).slice(0, 2), sha256);

  return {
    async put(stream) {
      await mkdir(tmpDir, { recursive: true });
      const temp = path.join(tmpDir, randomUUID());
      const digest = new Digest();
      try {
        await pipeline(stream, digest, createWriteStream(temp, { flags: "wx", mode: 0o600 }));
        const sha256 = digest.hash.digest("hex");
        const target = pathOf(sha256);
        const existing = await stat(target).catch(() => null);
        if (existing) {
          await rm(temp, { force: true });
        } else {
          await mkdir(path.dirname(target), { recursive: true });
          await rename(temp, target);
        }
        return { sha256, size: digest.size };
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },
    open(sha256) {
      return createReadStream(pathOf(sha256));
    },
    async remove(sha256) {
      await rm(pathOf(sha256), { force: true });
    },
  };
}

/** The storage the running app uses: local disk under the data directory server.ts exported. */
export function getFileStorage(): FileStorage {
  return localDiskStorage(path.resolve(process.env.HEARTH_DATA_DIR ?? "./data", "uploads"));
}
