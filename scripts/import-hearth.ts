import { openConfiguredDb, readImportArgs, runImport } from "./cli-support";

/**
 * `npm run import:hearth -- <export.json> --admin <email> [--dry-run] [--json] [--files <dir>]`:
 * brings a Hearth export (docs/export-format.md) into this instance, with the server's
 * configuration (DATABASE_URL, HEARTH_DATA_DIR, S3_*). Exit codes: 0 when anything was imported
 * or found already there, 1 when nothing was (or the file or account is wrong), 2 for a usage
 * mistake. With --json, standard output is the report object and nothing else.
 */
const USAGE = "Usage: npm run import:hearth -- <export.json> --admin <email> [--dry-run] [--json] [--files <folder>]";

const args = readImportArgs(USAGE, { files: { type: "string" } });

await runImport({
  ...args,
  openDb: openConfiguredDb,
  async run(db, adminUserId) {
    const { importHearth } = await import("@/server/imports/hearth/import");
    return importHearth(db, { filePath: args.file, adminUserId, dryRun: args.dryRun, filesDir: args.values.files });
  },
});
