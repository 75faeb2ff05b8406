import { parseArgs } from "node:util";

/**
 * `npm run import:hearth -- <export.json> --admin <email> [--dry-run] [--json] [--files <dir>]`:
 * brings a Hearth export (docs/export-format.md) into this instance, with the server's
 * configuration (DATABASE_URL, HEARTH_DATA_DIR, S3_*). Exit codes: 0 when anything was imported
 * or found already there, 1 when nothing was (or the file or account is wrong), 2 for a usage
 * mistake. With --json, standard output is the report object and nothing else.
 */
const USAGE = "Usage: npm run import:hearth -- <export.json> --admin <email> [--dry-run] [--json] [--files <folder>]";

function usage(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function readArgs() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        admin: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        files: { type: "string" },
      },
    });
  } catch (error) {
    usage((error as Error).message);
  }
}

const args = readArgs();
const [filePath, ...extra] = args.positionals;
if (!filePath) usage("Name the export file to import.");
if (extra.length > 0) usage(`Import one file at a time (also given: ${extra.join(", ")}).`);
if (!args.values.admin) usage("Give --admin <email>: the Hearth account that becomes an admin of the imported groups.");
const json = args.values.json;
// Logs go to standard output, which --json keeps for the report alone.
if (json) process.env.LOG_LEVEL = "silent";

const { exportToProcessEnv, resolveConfig } = await import("@/server/config");
const { getDb } = await import("@/server/db");
const { AppError } = await import("@/server/errors");
const { importHearth } = await import("@/server/imports/hearth/import");
const { importedNothing } = await import("@/server/imports/report");
type Report = Awaited<ReturnType<typeof importHearth>>;

function summary(report: Report): string {
  const counts = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([kind, n]) => `${kind} ${n}`)
      .join(", ") || "nothing";
  const lines = [
    report.dryRun ? "Dry run: nothing was written. An import would do this:" : "Imported:",
    `  lines read: ${report.linesRead}`,
    `  ${report.dryRun ? "would create" : "created"}: ${counts(report.created)}`,
    `  already there: ${counts(report.matched)}`,
  ];
  if (report.groups.length > 0) lines.push(`  groups: ${report.groups.map((group) => `${group.name} (/groups/${group.handle})`).join(", ")}`);
  if (report.skipped.length > 0) {
    lines.push(`  skipped ${report.skipped.length}:`);
    for (const entry of report.skipped) lines.push(`    line ${entry.line ?? "?"}: ${entry.table} ${entry.id}: ${entry.reason}`);
  }
  if (report.warnings.length > 0) {
    lines.push("  warnings:");
    for (const warning of report.warnings) lines.push(`    - ${warning}`);
  }
  return lines.join("\n");
}

try {
  exportToProcessEnv(resolveConfig());
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const db = getDb();
let exitCode = 0;
try {
  const email = args.values.admin!.trim().toLowerCase();
  const admin = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!admin) throw new AppError("NOT_FOUND", `No Hearth account has the email ${email}. Create it (or sign up) first, then import again.`);
  const report = await importHearth(db, { filePath, adminUserId: admin.id, dryRun: args.values["dry-run"], filesDir: args.values.files });
  console.log(json ? JSON.stringify(report, null, 2) : summary(report));
  if (importedNothing(report)) {
    console.error("Nothing was imported: no record of the file could be brought in (see the skipped records above).");
    exitCode = 1;
  }
} catch (error) {
  console.error(error instanceof AppError ? error.message : `The import failed: ${(error as Error).message}`);
  exitCode = 1;
} finally {
  await db.$disconnect();
}
process.exit(exitCode);
