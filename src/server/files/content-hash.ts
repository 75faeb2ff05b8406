import { createHash } from "node:crypto";
import { Transform } from "node:stream";

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Stored content is named by its hash; anything else as a name is a bug, and could escape the storage root. */
export function requireHash(sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new Error(`Not a SHA-256 hash: ${sha256}`);
  return sha256;
}

/**
 * Hashes and counts what passes through, unchanged. (The count is not called `size`: the AWS
 * SDK's upload helper takes a stream's `size` for its length, which is unknown until the end.)
 */
export class Digest extends Transform {
  readonly hash = createHash("sha256");
  bytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: () => void) {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    this.push(chunk);
    callback();
  }
}

/**
 * One chain of work per content hash, shared through globalThis because Next bundles route
 * handlers apart from serve.ts (where the orphan sweep runs). Putting content in place and
 * recording its row, and deciding that content is unused and removing it, each run under the
 * lock, so a new upload of the same bytes can never lose them to a removal already under way.
 */
const holder = globalThis as unknown as { hearthContentLocks?: Map<string, Promise<unknown>> };

async function withContentLock<T>(sha256: string, work: () => Promise<T>): Promise<T> {
  const locks = (holder.hearthContentLocks ??= new Map());
  const previous = locks.get(sha256) ?? Promise.resolve();
  const current = previous.then(work);
  const settled = current.catch(() => undefined);
  locks.set(sha256, settled);
  try {
    return await current;
  } finally {
    if (locks.get(sha256) === settled) locks.delete(sha256);
  }
}

/** Runs `work` holding the lock of every hash given, taken in sorted order so two callers never wait on each other. */
export function withContentLocks<T>(hashes: readonly string[], work: () => Promise<T>): Promise<T> {
  return [...new Set(hashes)]
    .sort()
    .reduceRight<() => Promise<T>>((inner, sha256) => () => withContentLock(sha256, inner), work)();
}
