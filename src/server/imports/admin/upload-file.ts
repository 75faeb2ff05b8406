import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { formatFileSize } from "@/lib/file-size";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { makePrivateDir, PRIVATE_FILE_MODE } from "@/server/private-files";

/** The largest export the admin page takes; the CLI (npm run import:loomio) reads any size. */
export const IMPORT_MAX_BYTES = 1024 ** 3;

/** Where uploaded exports wait for their check and import: inside the data directory, for Hearth's account only. */
export function importUploadsDir(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env.HEARTH_DATA_DIR ?? "./data", "imports");
}

/** Fails the stream once more than `maxBytes` have passed, so an oversize file stops while it arrives. */
class SizeLimit extends Transform {
  bytes = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null, data?: Buffer) => void) {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      return callback(
        new AppError(
          "BAD_REQUEST",
          `That file is larger than ${formatFileSize(this.maxBytes)}, the most the import page takes. ` +
            "Import it from the server's command line instead (npm run import:loomio), which reads files of any size.",
        ),
      );
    }
    callback(null, chunk);
  }
}

/**
 * Streams an uploaded export to a new private file, never holding it in memory. A refusal (too
 * large, cut off, empty) removes the partial file; the rest of the upload is read and dropped, so
 * the browser, still sending, receives the answer.
 */
export async function writeImportUpload(dir: string, name: string, stream: Readable, maxBytes = IMPORT_MAX_BYTES): Promise<{ path: string; size: number }> {
  makePrivateDir(dir);
  const file = path.join(dir, `${name}.upload`);
  const limit = new SizeLimit(maxBytes);
  stream.on("error", (error) => limit.destroy(error));
  limit.on("error", () => {
    stream.unpipe(limit);
    stream.resume();
  });
  try {
    await pipeline(stream.pipe(limit), createWriteStream(file, { flags: "wx", mode: PRIVATE_FILE_MODE }));
  } catch (error) {
    await rm(file, { force: true });
    if (error instanceof AppError) throw error;
    throw new AppError("BAD_REQUEST", "The upload was cut off. Please try again.");
  }
  if (limit.bytes === 0) {
    await rm(file, { force: true });
    throw new AppError("BAD_REQUEST", "That file is empty. Choose the export file itself.");
  }
  return { path: file, size: limit.bytes };
}

/** Removes an uploaded export once its run has ended; a file already gone is fine. */
export async function removeImportUpload(file: string | null): Promise<void> {
  if (!file) return;
  try {
    await rm(file, { force: true });
  } catch (error) {
    logger.warn({ err: error, file }, "could not remove an uploaded import file");
  }
}
