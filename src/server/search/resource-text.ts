import type { Readable } from "node:stream";
import type { Db } from "@/server/db";
import { getFileStorage, type FileStorage } from "@/server/files/storage";
import { logger } from "@/server/logger";
import { hasReadableText, type FileTextLimits } from "@/server/search/file-text";
import { FILE_TEXT_LIMITS, readFileTextInWorker } from "@/server/search/file-text-reader";

/** Versions read per query: a pass's memory stays small, however many are waiting. */
const BATCH = 10;

type Pending = { id: string; sha256: string; size: number | bigint; contentType: string };

/** The whole stream, refused beyond `maxBytes` (the stored size said otherwise). */
async function readAll(stream: Readable, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > maxBytes) {
      stream.destroy();
      throw new Error(`the stored file is larger than ${maxBytes} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, length);
}

/**
 * Takes the text of each resource's newest file that has not been read yet (search/file-text.ts,
 * on a worker thread: file-text-reader.ts), one file at a time, and stores it on the version,
 * where the resource's search entry picks it up (a trigger). A file that has no readable text, is
 * too large, damaged, too slow or too memory-hungry to read is stored as having none: the
 * resource is still found by its title, description and tags, and the failure is logged. Answers
 * how many versions were read.
 */
export async function extractPendingFileTexts(db: Db, storage: FileStorage = getFileStorage(), limits: FileTextLimits = FILE_TEXT_LIMITS): Promise<number> {
  let read = 0;
  for (;;) {
    const pending = await db.$queryRaw<Pending[]>`
      SELECT v."id", f."sha256", f."size", f."contentType"
      FROM "ResourceVersion" v
      JOIN "Resource" r ON r."id" = v."resourceId" AND r."latestVersion" = v."number"
      JOIN "StoredFile" f ON f."id" = v."fileId"
      WHERE v."extractedText" IS NULL
      ORDER BY v."id"
      LIMIT ${BATCH}`;
    for (const version of pending) {
      const text = await fileText(storage, version, limits);
      await db.resourceVersion.updateMany({ where: { id: version.id, extractedText: null }, data: { extractedText: text } });
      read += 1;
    }
    if (pending.length < BATCH) return read;
  }
}

async function fileText(storage: FileStorage, version: Pending, limits: FileTextLimits): Promise<string> {
  const size = Number(version.size);
  if (!hasReadableText(version.contentType)) return "";
  if (size > limits.maxFileBytes) {
    logger.info({ versionId: version.id, size }, "a resource's file is too large to read for search; it is found by its title");
    return "";
  }
  try {
    const bytes = await readAll(await storage.open(version.sha256), limits.maxFileBytes);
    return await readFileTextInWorker(bytes, version.contentType, limits);
  } catch (error) {
    logger.warn({ err: error, versionId: version.id }, "could not read a resource's file for search; it is found by its title");
    return "";
  }
}
