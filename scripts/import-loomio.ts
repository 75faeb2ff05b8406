import path from "node:path";
import { parseArgs } from "node:util";
import { createDb } from "@/server/db";
import { migrateDatabase } from "@/server/db/migrate";
import { AppError } from "@/server/errors";
import { importLoomio } from "@/server/imports/loomio/import";
import { importedNothing, type ImportReport } from "@/server/imports/report";

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

const SKIPS_SHOWN = 200;

class UsageError extends Error {}

function parseCommandLine(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { admin: { type: "string" }, "dry-run": { type: "boolean" }, json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) throw new UsageError("");
  if (positionals.length !== 1) throw new UsageError(positionals.length ? "Give one export file, not several." : "Give the export file to import.");
  if (!values.admin?.trim()) throw new UsageError("Give --admin <email>: the Hearth account that becomes admin of the imported groups.");
  return { file: path.resolve(positionals[0]!), adminEmail: values.admin.trim().toLowerCase(), dryRun: values["dry-run"] ?? false, json: values.json ?? false };
}

function counts(record: Record<string, number>): string {
  const entries = Object.entries(record).filter(([, count]) => count > 0);
  return entries.length ? entries.map(([kind, count]) => `${count.toLocaleString("en-GB")} ${kind}`).join(", ") : "nothing";
}

function humanReport(report: ImportReport, file: string): string {
  const lines = [
    `${report.dryRun ? "Dry run of the import of" : "Imported"} ${file} (${report.linesRead.toLocaleString("en-GB")} lines)${report.dryRun ? ": nothing was changed." : ""}`,
    `${report.dryRun ? "Would create" : "Created"}: ${counts(report.created)}`,
    `Already in Hearth (already imported, or people found by email): ${counts(report.matched)}`,
  ];
  if (report.groups.length) lines.push(`Groups: ${report.groups.map((group) => `${group.name} (/groups/${group.handle})`).join(", ")}`);
  if (Object.keys(report.ignored).length) lines.push(`Ignored tables: ${counts(report.ignored)}`);
  if (report.skipped.length) {
    lines.push(`Skipped ${report.skipped.length.toLocaleString("en-GB")} record${report.skipped.length === 1 ? "" : "s"}:`);
    for (const skip of report.skipped.slice(0, SKIPS_SHOWN)) {
      const what = skip.table ? `${skip.table}${skip.id ? ` ${skip.id}` : ""}: ` : "";
      lines.push(`  ${skip.line === undefined ? "" : `line ${skip.line}, `}${what}${skip.reason}`);
    }
    if (report.skipped.length > SKIPS_SHOWN) lines.push(`  … and ${(report.skipped.length - SKIPS_SHOWN).toLocaleString("en-GB")} more (--json lists them all)`);
  }
  if (report.warnings.length) lines.push("Warnings:", ...report.warnings.map((warning) => `  - ${warning}`));
  return lines.join("\n");
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseCommandLine(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message ? `${error.message}\n\n${USAGE}` : USAGE);
    return 2;
  }
  // The server's own default, without resolveConfig's side effects (it creates the auth secret).
  const databaseUrl = process.env.DATABASE_URL || `file:${path.join(process.env.HEARTH_DATA_DIR || "./data", "hearth.db")}`;
  await migrateDatabase(databaseUrl);
  const db = createDb(databaseUrl);
  try {
    const admin = await db.user.findUnique({ where: { email: args.adminEmail }, select: { id: true } });
    if (!admin) {
      console.error(`No Hearth account has the email ${args.adminEmail}. Give the email of an existing account for --admin.`);
      return 1;
    }
    const showProgress = !args.json && process.stderr.isTTY;
    const report = await importLoomio(db, {
      filePath: args.file,
      adminUserId: admin.id,
      dryRun: args.dryRun,
      onProgress: ({ phase, linesRead }) => {
        if (showProgress) process.stderr.write(`\r${phase === "reading" ? "Reading" : "Importing"}: ${linesRead.toLocaleString("en-GB")}   `);
      },
    });
    if (showProgress) process.stderr.write("\n");
    console.log(args.json ? JSON.stringify(report) : humanReport(report, args.file));
    if (importedNothing(report)) {
      console.error("Nothing could be imported from this file: see the skipped records above.");
      return 1;
    }
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    console.error(error.message);
    return 1;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
