import type { Db } from "@/server/db";
import type { FileStorage } from "@/server/files/storage";
import { paged } from "@/server/exports/streams";
import { groupFilesWhere } from "@/server/exports/zip/group-tables";
import type { ZipWriter } from "@/server/exports/zip/zip-writer";

/**
 * Every uploaded file of the groups, once per content: rows come in hash order, so a repeat
 * follows its first and is skipped: the ZIP and the Hearth export both keep a file under its hash.
 */
export async function* distinctGroupFiles(db: Db, groupIds: string[]): AsyncGenerator<{ sha256: string; createdAt: Date }> {
  let previous: string | undefined;
  const files = paged((last: { id: string; sha256: string } | undefined, take) =>
    db.storedFile.findMany({
      where: {
        ...groupFilesWhere(groupIds),
        ...(last && { OR: [{ sha256: { gt: last.sha256 } }, { sha256: last.sha256, id: { gt: last.id } }] }),
      },
      orderBy: [{ sha256: "asc" }, { id: "asc" }],
      take,
      select: { id: true, sha256: true, createdAt: true },
    }),
  );
  for await (const { sha256, createdAt } of files) {
    if (sha256 === previous) continue;
    previous = sha256;
    yield { sha256, createdAt };
  }
}

/**
 * Every uploaded file of the groups as `files/<sha256>`, read from the storage driver one at a
 * time and stored without compression (most uploads are compressed already); identical uploads
 * are stored once. Answers the hashes whose content the storage could not give, so the download
 * can say so instead of failing.
 */
export async function addStoredFiles(zip: ZipWriter, db: Db, storage: FileStorage, groupIds: string[]): Promise<string[]> {
  const missing: string[] = [];
  for await (const file of distinctGroupFiles(db, groupIds)) {
    zip.signal.throwIfAborted();
    const stream = await storage.open(file.sha256).catch(() => null);
    if (!stream) missing.push(file.sha256);
    else await zip.addStream(`files/${file.sha256}`, stream, { compress: false, mtime: file.createdAt });
  }
  return missing;
}
