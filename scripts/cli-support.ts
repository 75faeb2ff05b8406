import { parseArgs, type ParseArgsConfig } from "node:util";
import type { Db } from "@/server/db";
import type { ImportReport } from "@/server/imports/report";

/**
 * What the export and import commands share: reading the command line, opening the database and
 * finding the --admin account, and printing an import's report. Server modules are loaded only
 * when needed, so a usage mistake answers at once and --json can silence the logs before the
 * logger starts.
 */

/** A wrong command line: says what is wrong, shows the usage, and exits with 2. */
export function usageError(usage: string, message: string): never {
  console.error(message ? `${message}\n\n${usage}` : usage);
  process.exit(2);
}

export function readCommandLine<T extends ParseArgsConfig>(usage: string, config: T) {
  try {
    return parseArgs(config);
  } catch (error) {
    usageError(usage, (error as Error).message);
  }
}

/** The database the server uses, configured as the server is (DATABASE_URL, HEARTH_DATA_DIR, S3_*); exits with 1 when the configuration is wrong. */
export async function openConfiguredDb(): Promise<Db> {
  const { exportToProcessEnv, resolveConfig } = await import("@/server/config");
  const { getDb } = await import("@/server/db");
  try {
    exportToProcessEnv(resolveConfig());
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  return getDb();
}

/** Runs `work` with the database, closes it, and exits with the code `work` returns (1 when it throws, with its message after `failure`). */
export async function withDb(openDb: () => Promise<Db>, failure: string, work: (db: Db) => Promise<number>): Promise<never> {
  const { AppError } = await import("@/server/errors");
  const db = await openDb();
  let exitCode: number;
  try {
    exitCode = await work(db);
  } catch (error) {
    console.error(error instanceof AppError ? error.message : `${failure}: ${(error as Error).message}`);
    exitCode = 1;
  } finally {
    await db.$disconnect();
  }
  process.exit(exitCode);
}

/** The arguments every import takes: `<export.json> --admin <email> [--dry-run] [--json]`, and the command's own `more`. */
export function readImportArgs<const O extends NonNullable<ParseArgsConfig["options"]>>(usage: string, more: O) {
  const { values, positionals } = readCommandLine(usage, {
    allowPositionals: true,
    strict: true,
    options: {
      admin: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h" },
      ...more,
    },
  });
  const common = values as { admin?: string; "dry-run": boolean; json: boolean; help?: boolean };
  if (common.help) usageError(usage, "");
  if (positionals.length !== 1) usageError(usage, positionals.length ? "Give one export file, not several." : "Give the export file to import.");
  const adminEmail = common.admin?.trim().toLowerCase();
  if (!adminEmail) usageError(usage, "Give --admin <email>: the Hearth account that becomes admin of the imported groups.");
  // Logs go to standard output, which --json keeps for the report alone.
  if (common.json) process.env.LOG_LEVEL = "silent";
  return { file: positionals[0]!, adminEmail, dryRun: common["dry-run"], json: common.json, values: values as { [K in keyof O]?: O[K]["type"] extends "boolean" ? boolean : string } };
}

type ImportCommand = {
  file: string;
  adminEmail: string;
  json: boolean;
  openDb: () => Promise<Db>;
  /** Imports the file for the admin's account. */
  run: (db: Db, adminUserId: string) => Promise<ImportReport>;
};

/**
 * Imports the file and prints the report (with --json, standard output is the report object and
 * nothing else). Exits with 0 when anything was imported or found already there, 1 when nothing
 * was, or the file or account is wrong.
 */
export function runImport({ file, adminEmail, json, openDb, run }: ImportCommand): Promise<never> {
  return withDb(openDb, "The import failed", async (db) => {
    const { AppError } = await import("@/server/errors");
    const { importedNothing } = await import("@/server/imports/report");
    const admin = await db.user.findUnique({ where: { email: adminEmail }, select: { id: true } });
    if (!admin) throw new AppError("NOT_FOUND", `No Hearth account has the email ${adminEmail}. Give the email of an existing account for --admin.`);
    const report = await run(db, admin.id);
    if (!report.dryRun) await recordCommandLineImport(db, admin.id, report);
    console.log(json ? JSON.stringify(report) : humanReport(report, file));
    if (!importedNothing(report)) return 0;
    console.error("Nothing was imported: no record of the file could be brought in (see the skipped records above).");
    return 1;
  });
}

/** The audit log of each group the import brought in says so, as an import from the admin page does. */
async function recordCommandLineImport(db: Db, adminUserId: string, report: ImportReport): Promise<void> {
  const { groupImportEntries } = await import("@/server/audit/group-entries");
  const { recordAudit } = await import("@/server/audit/record");
  await recordAudit(db, await groupImportEntries(db, { actorId: adminUserId, report, via: "command line" }));
}

const SKIPS_SHOWN = 200;

function counts(record: Record<string, number>): string {
  const entries = Object.entries(record).filter(([, count]) => count > 0);
  return entries.length ? entries.map(([kind, count]) => `${count.toLocaleString("en-GB")} ${kind}`).join(", ") : "nothing";
}

export function humanReport(report: ImportReport, file: string): string {
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
