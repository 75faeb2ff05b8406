import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { emptyReport, type ImportReport } from "@/server/imports/report";
import type { Run } from "@/server/imports/loomio/draft";
import { idOf, text } from "@/server/imports/loomio/fields";
import { importGroups } from "@/server/imports/loomio/groups";
import { readExport } from "@/server/imports/loomio/read";
import { recordOf, Staging, type StagedRow } from "@/server/imports/loomio/staging";
import { importStandalonePolls, importThreads } from "@/server/imports/loomio/threads";
import { importUsers } from "@/server/imports/loomio/users";

export type LoomioImportOptions = {
  filePath: string;
  /** Becomes an admin of every imported group, so the person importing can see what arrived. */
  adminUserId: string;
  /** Decide everything exactly as a real run would, and write nothing. */
  dryRun: boolean;
  /**
   * Told as the file is read (lines so far) and as records are imported (records dealt with so
   * far, out of about as many as there were lines), every few thousand and at each phase.
   */
  onProgress?: (progress: { phase: "reading" | "importing"; linesRead: number }) => void;
};

const PROGRESS_EVERY = 2_000;

/**
 * Imports a Loomio group export (JSON Lines, see docs and src/server/imports/loomio/read.ts).
 * The file is staged in a temporary SQLite database, then written unit by unit: people, the
 * groups with their memberships, each thread with everything in it, each standalone poll.
 * Records an earlier import of the same export brought in are matched, not written again.
 * Throws BAD_REQUEST only when nothing at all can be read; anything else ends up in the report.
 */
export async function importLoomio(db: Db, options: LoomioImportOptions): Promise<ImportReport> {
  const report = emptyReport("loomio", options.dryRun);
  const admin = await db.user.findUnique({ where: { id: options.adminUserId }, select: { id: true } });
  if (!admin) throw new AppError("BAD_REQUEST", "The account that should become admin of the imported groups does not exist.");
  const staging = new Staging();
  try {
    await readExport(options.filePath, staging, report, (linesRead) => options.onProgress?.({ phase: "reading", linesRead }));
    let handled = 0;
    let told = 0;
    const progress = (records: number) => {
      handled += records;
      if (handled - told >= PROGRESS_EVERY) {
        told = handled;
        options.onProgress?.({ phase: "importing", linesRead: handled });
      }
    };
    options.onProgress?.({ phase: "importing", linesRead: 0 });
    const origin = originOf(staging, report);
    if (origin) {
      const run: Run = { db, staging, report, dryRun: options.dryRun, origin, adminUserId: admin.id, progress, notes: {} };
      await loadEarlierImport(run);
      await importUsers(run);
      await importGroups(run);
      await importThreads(run);
      await importStandalonePolls(run);
      report.warnings.push(...summaries(run.notes));
    }
    reportLeftovers(staging, report);
    options.onProgress?.({ phase: "importing", linesRead: report.linesRead });
    return report;
  } finally {
    staging.close();
  }
}

const plural = (count: number, one: string, many: string) => `${count.toLocaleString("en-GB")} ${count === 1 ? one : many}`;

function summaries(notes: Record<string, number>): string[] {
  const lines: string[] = [];
  if (notes.anonymousPolls) {
    lines.push(`${plural(notes.anonymousPolls, "anonymous poll", "anonymous polls")}: Loomio's export does not say who voted in them, so Hearth shows their votes and results but not who took part.`);
  }
  if (notes.readersWhoNeverOpened) {
    lines.push(`${plural(notes.readersWhoNeverOpened, "reader record", "reader records")} of people who never opened their discussion were left out: Hearth shows those discussions as unread to them.`);
  }
  return lines;
}

/**
 * The export is named by its top group's key (Loomio's stable public id), so a newer export of
 * the same group finds what the earlier one brought in.
 */
function originOf(staging: Staging, report: ImportReport): string | null {
  const roots = staging.groupsInTreeOrder().filter((group) => group.depth === 0);
  if (roots.length === 0) return null;
  if (roots.length > 1) {
    report.warnings.push(`The file holds ${roots.length} separate top-level groups; each is imported as its own group, and they are remembered together as one export.`);
  }
  const root = roots[0]!;
  const record = recordOf(root);
  return `loomio:${text(record.key).trim() || root.id}`;
}

async function loadEarlierImport(run: Run): Promise<void> {
  const where = { source: "loomio", origin: run.origin };
  let after: { table: string; sourceId: string } | null = null;
  for (;;) {
    const rows: { table: string; sourceId: string; targetId: string }[] = await run.db.importedRecord.findMany({
      where: after ? { ...where, OR: [{ table: { gt: after.table } }, { table: after.table, sourceId: { gt: after.sourceId } }] } : where,
      select: { table: true, sourceId: true, targetId: true },
      orderBy: [{ table: "asc" }, { sourceId: "asc" }],
      take: 5_000,
    });
    if (rows.length === 0) break;
    run.staging.addKnown(rows);
    after = rows.at(-1)!;
  }
  run.staging.applyKnown();
}

const PARENTS: Record<string, { table: string; name: string }> = {
  memberships: { table: "groups", name: "group" },
  membership_requests: { table: "groups", name: "group" },
  poll_templates: { table: "groups", name: "group" },
  discussions: { table: "groups", name: "group" },
  comments: { table: "discussions", name: "discussion" },
  discussion_readers: { table: "discussions", name: "discussion" },
  polls: { table: "discussions", name: "discussion" },
  poll_options: { table: "polls", name: "poll" },
  stances: { table: "polls", name: "poll" },
  outcomes: { table: "polls", name: "poll" },
  stance_choices: { table: "stances", name: "vote (stance)" },
};

const POLYMORPHIC = new Set(["Discussion", "Comment", "Poll", "Stance", "Outcome"]);

/** Why a record nothing dealt with was left out: what it hangs from is missing. */
function leftoverReason(row: StagedRow): string {
  if (row.tbl === "users") return "the file has no group to bring people into";
  if (row.tbl === "groups") return "its parent groups refer to each other in a loop";
  const parent = PARENTS[row.tbl];
  if (parent) return `its ${parent.name} (id ${row.ref ?? "none"}) is not in the file`;
  const [type = "", id = ""] = (row.ref ?? "").split(":");
  if (!POLYMORPHIC.has(type)) return `Hearth imports ${row.tbl} of discussions and comments only, not of a ${type.toLowerCase() || "missing record"}`;
  return `the ${type.toLowerCase()} it belongs to (id ${idOf(id) ?? "none"}) is not in the file`;
}

function reportLeftovers(staging: Staging, report: ImportReport): void {
  for (const row of staging.leftOver()) {
    // A choice goes with its vote, which is reported already when it is in the file.
    if (row.tbl === "stance_choices" && staging.row("stances", row.ref)) continue;
    report.skipped.push({ table: row.tbl, id: row.id, line: row.line, reason: leftoverReason(row) });
  }
}
