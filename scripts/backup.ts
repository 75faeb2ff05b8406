import { readCommandLine, usageError } from "./cli-support";

/**
 * `npm run backup -- <file>`: a consistent backup of a running (or stopped) Hearth, configured as
 * the server is (DATABASE_URL, HEARTH_DATA_DIR): the database (SQLite's VACUUM INTO, or pg_dump)
 * and the data directory's secrets and uploaded files (local storage; an S3 bucket is backed up
 * on its own). The file holds secrets: it is written readable by its owner only.
 * Exit codes: 0 done, 1 failed, 2 usage mistake.
 */
const USAGE = "Usage: npm run backup -- <file>   (e.g. hearth-2026-12-04.tar.gz)";

const { positionals } = readCommandLine(USAGE, { allowPositionals: true, options: {} });
if (positionals.length !== 1) usageError(USAGE, "Give the file to write the backup to.");

const { existsSync } = await import("node:fs");
const { resolveDataLocation } = await import("@/server/config");
const { createBackup } = await import("@/server/backup/backup");
const file = positionals[0]!;
if (existsSync(file)) usageError(USAGE, `${file} already exists: choose a new file name, so no backup is overwritten.`);
try {
  const manifest = await createBackup(resolveDataLocation(), file);
  console.log(`Backed up the ${manifest.database === "sqlite" ? "SQLite" : "PostgreSQL"} database and ${manifest.files} files to ${file}.`);
  process.exit(0);
} catch (error) {
  console.error(`The backup failed: ${(error as Error).message}`);
  process.exit(1);
}
