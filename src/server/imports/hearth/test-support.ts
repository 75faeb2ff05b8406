import { createWriteStream, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { finished } from "node:stream/promises";
import { createCaller } from "@/server/api/root";
import { createDb, type Db } from "@/server/db";
import { migrateDatabase } from "@/server/db/migrate";
import { writeGroupExport } from "@/server/exports/hearth-json/write";

/** A second, empty Hearth database beside the test's own: the instance an export is imported into. */
export async function freshDatabase(): Promise<{ db: Db; url: string; dir: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), "hearth-import-target-"));
  const url = `file:${path.join(dir, "hearth.db")}`;
  await migrateDatabase(url);
  return { db: createDb(url), url, dir };
}

/** A tRPC caller on any database, acting as the given person. */
export function callerOn(db: Db, userId: string) {
  return createCaller({ db, userId, publish: () => undefined });
}

/** Exports the group to a file in a new temporary folder, as the CLI does, and answers its path. */
export async function exportToFile(db: Db, groupId: string, name = "group.json"): Promise<string> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "hearth-export-")), name);
  const out = createWriteStream(file);
  await writeGroupExport(db, groupId, out);
  out.end();
  await finished(out);
  return file;
}
