import { openConfiguredDb, readCommandLine, usageError, withDb } from "./cli-support";

/**
 * `npm run export -- --group <handle> --out <file> [--files <folder>]`: writes a group and its
 * subgroups in Hearth's export format (docs/export-format.md), with the server's configuration.
 * `--files` also copies the uploaded files there as `<sha256>`; a `files` folder beside the
 * export is where import:hearth looks for them. Exit codes: 0 done, 1 failed (unknown group,
 * unwritable file…), 2 usage mistake.
 */
const USAGE = "Usage: npm run export -- --group <handle> --out <file> [--files <folder>]";

const { values } = readCommandLine(USAGE, { options: { group: { type: "string" }, out: { type: "string" }, files: { type: "string" } } });
if (!values.group) usageError(USAGE, "Give --group <handle>: the group to export (its subgroups come with it).");
if (!values.out) usageError(USAGE, "Give --out <file>: where to write the export.");

const { createWriteStream } = await import("node:fs");
const { rename, rm } = await import("node:fs/promises");
const { finished } = await import("node:stream/promises");
const { writeGroupExport } = await import("@/server/exports/hearth-json/write");
const { copyGroupFiles } = await import("@/server/exports/hearth-json/files");
const { descendantIds } = await import("@/server/groups/ancestry");
const { getFileStorage } = await import("@/server/files/storage");
const { PRIVATE_FILE_MODE } = await import("@/server/private-files");

const handle = values.group.trim().toLowerCase();
const outPath = values.out;
// Written beside the target and renamed at the end, so a failed export never leaves a file that looks complete.
const partial = `${outPath}.partial`;
await withDb(openConfiguredDb, "The export failed", async (db) => {
  try {
    const group = await db.group.findUnique({ where: { handle }, select: { id: true, name: true } });
    if (!group) throw new Error(`No group has the handle “${handle}”. The handle is the last part of the group's address, /groups/<handle>.`);
    const out = createWriteStream(partial, { mode: PRIVATE_FILE_MODE });
    const { lines } = await writeGroupExport(db, group.id, out);
    out.end();
    await finished(out);
    await rename(partial, outPath);
    console.log(`Exported “${group.name}” to ${outPath} (${lines} lines).`);
    if (values.files) {
      const { copied, missing } = await copyGroupFiles(db, [group.id, ...(await descendantIds(db, group.id))], values.files, getFileStorage());
      console.log(`Copied ${copied} uploaded file${copied === 1 ? "" : "s"} to ${values.files}.`);
      if (missing.length > 0) console.error(`Storage could not give the content of ${missing.length} file(s): ${missing.join(", ")}`);
    }
    return 0;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
});
