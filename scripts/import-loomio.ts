import path from "node:path";
import { readImportArgs, runImport } from "./cli-support";

/**
 * `npm run import:loomio -- <export.json> --admin <email> [--dry-run] [--json]`: imports a Loomio
 * group export into the database the server uses (DATABASE_URL, or hearth.db in HEARTH_DATA_DIR),
 * and may run while the server does. Exit codes: 0 when something was imported or found already
 * there, 1 when nothing could be imported, 2 for a wrong command line.
 */
const USAGE = `Usage: npm run import:loomio -- <export.json> --admin <email> [--dry-run] [--json]

  <export.json>    the file from Loomio's "Export group data" (JSON, one record per line)
  --admin <email>  an existing Hearth account; it becomes an admin of every imported group
  --dry-run        report what would be imported, and change nothing
  --json           print the report as one JSON object`;

const args = readImportArgs(USAGE, {});
const file = path.resolve(args.file);

await runImport({
  ...args,
  file,
  async openDb() {
    const { createDb } = await import("@/server/db");
    const { migrateDatabase } = await import("@/server/db/migrate");
    // The server's own default, without resolveConfig's side effects (it creates the auth secret).
    const databaseUrl = process.env.DATABASE_URL || `file:${path.join(process.env.HEARTH_DATA_DIR || "./data", "hearth.db")}`;
    await migrateDatabase(databaseUrl);
    return createDb(databaseUrl);
  },
  async run(db, adminUserId) {
    const { importLoomio } = await import("@/server/imports/loomio/import");
    const showProgress = !args.json && process.stderr.isTTY;
    const report = await importLoomio(db, {
      filePath: file,
      adminUserId,
      dryRun: args.dryRun,
      onProgress: ({ phase, linesRead }) => {
        if (showProgress) process.stderr.write(`\r${phase === "reading" ? "Reading" : "Importing"}: ${linesRead.toLocaleString("en-GB")}   `);
      },
    });
    if (showProgress) process.stderr.write("\n");
    return report;
  },
});
