import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Digest } from "@/server/files/content-hash";
import { PRIVATE_DIR_MODE } from "@/server/private-files";

/**
 * Writes a stream to a new file in `dir` while hashing it, so neither driver ever holds an
 * upload in memory. On failure the file is removed and the stream's error rethrown.
 */
export async function stageOnDisk(dir: string, stream: Readable): Promise<{ temp: string; sha256: string; size: number }> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const temp = path.join(dir, randomUUID());
  const digest = new Digest();
  const writer = createWriteStream(temp, { flags: "wx", mode: 0o600 });
  try {
    await pipeline(stream, digest, writer);
  } catch (error) {
    // Opening the file is asynchronous: when the upload fails first, the file appears after the
    // failure, so it is removed only once the writer has closed.
    if (!writer.closed) await new Promise<void>((resolve) => writer.once("close", () => resolve()));
    await rm(temp, { force: true });
    throw error;
  }
  return { temp, sha256: digest.hash.digest("hex"), size: digest.bytes };
}
