import { createWriteStream } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type { Db } from "@/server/db";
import { paged } from "@/server/exports/streams";
import { groupFilesWhere } from "@/server/exports/zip/group-tables";
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
  let previous: string | undefined;
  const files = paged((last: { id: string; sha256: string } | undefined, take) =>
    db.storedFile.findMany({
      where: {
        ...groupFilesWhere(groupIds),
        ...(last && { OR: [{ sha256: { gt: last.sha256 } }, { sha256: last.sha256, id: { gt: last.id } }] }),
      },
      orderBy: [{ sha256: "asc" }, { id: "asc" }],
      take,
      select: { id: true, sha256: true },
    }),
  );
  for await (const file of files) {
    if (file.sha256 === previous) continue;
    previous = file.sha256;
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
