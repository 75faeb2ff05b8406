import { readCommandLine, usageError } from "./cli-support";

/**
 * `npm run restore -- <file>`: puts a backup made by `npm run backup` back, into the data
 * directory and database the configuration names (HEARTH_DATA_DIR, DATABASE_URL), which must be
 * empty: it never overwrites. Start Hearth afterwards; newer migrations are applied at start.
 * Exit codes: 0 done, 1 failed, 2 usage mistake.
 */
const USAGE = "Usage: npm run restore -- <file>   (into an empty HEARTH_DATA_DIR and database)";

const { positionals } = readCommandLine(USAGE, { allowPositionals: true, options: {} });
if (positionals.length !== 1) usageError(USAGE, "Give the backup file to restore.");

const { existsSync } = await import("node:fs");
const { resolveDataLocation } = await import("@/server/config");
const { restoreBackup } = await import("@/server/backup/backup");
const file = positionals[0]!;
if (!existsSync(file)) usageError(USAGE, `There is no file ${file}.`);
try {
  const location = resolveDataLocation();
  const manifest = await restoreBackup(file, location);
  console.log(`Restored the backup of ${manifest.createdAt} (${manifest.files} files) into ${location.dataDir}. Start Hearth with npm start.`);
  process.exit(0);
} catch (error) {
  console.error(`The restore failed: ${(error as Error).message}`);
  process.exit(1);
}
