import { createWriteStream } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type { Db } from "@/server/db";
import { distinctGroupFiles } from "@/server/exports/zip/stored-files";
import { requireHash } from "@/server/files/content-hash";
import type { FileStorage } from "@/server/files/storage";
import { makePrivateDir, PRIVATE_FILE_MODE } from "@/server/private-files";

/**
 * Copies the content of every uploaded file of the groups into `dir` as `<sha256>`, the layout
 * the ZIP's `files/` folder has and import:hearth reads. One file at a time, streamed; identical
 * uploads are copied once. Answers how many were copied and the hashes storage could not give.
 */
export async function copyGroupFiles(db: Db, groupIds: string[], dir: string, storage: FileStorage): Promise<{ copied: number; missing: string[] }> {
  makePrivateDir(dir);
  const missing: string[] = [];
  let copied = 0;
  for await (const file of distinctGroupFiles(db, groupIds)) {
    const content = await storage.open(file.sha256).catch(() => null);
    if (!content) {
      missing.push(file.sha256);
      continue;
    }
    await pipeline(content, createWriteStream(path.join(dir, requireHash(file.sha256)), { mode: PRIVATE_FILE_MODE }));
    copied += 1;
  }
  return { copied, missing };
}
