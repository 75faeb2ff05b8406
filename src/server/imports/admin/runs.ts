import { groupImportEntries } from "@/server/audit/group-entries";
import { recordAudit } from "@/server/audit/record";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Importers, ImportProgress } from "@/server/imports/admin/importers";
import {
  zImportReportView,
  type ImportFormat,
  type ImportReportView,
  type ImportRunDto,
  type ImportRunSummary,
  type ImportStatus,
} from "@/server/imports/admin/schemas";
import { removeImportUpload } from "@/server/imports/admin/upload-file";
import { importedNothing, type ImportReport } from "@/server/imports/report";
import { logger } from "@/server/logger";

/** A run in one of these states has work going on in the server process that owns it. */
export const ACTIVE_STATUSES = ["uploaded", "checking", "importing"] as const satisfies readonly ImportStatus[];

/** linesRead is written at most this often, so a fast reader does not spend its time on progress rows. */
export const PROGRESS_INTERVAL_MS = 2000;

/** The report keeps this many skipped records and warnings; the page says how many more there were. */
export const REPORT_LIST_LIMIT = 200;

/**
 * The runs this process is working on, and the chain that makes claims one at a time. Kept on
 * globalThis because Next bundles the upload route and the tRPC handler apart, and both start runs.
 */
const holder = globalThis as unknown as {
  hearthImportJobs?: Set<string>;
  hearthImportClaims?: Promise<unknown>;
  hearthImportProgress?: Map<string, ImportProgress>;
};

function jobs(): Set<string> {
  return (holder.hearthImportJobs ??= new Set());
}

/** The latest progress of this process's runs, with its phase, which the row does not keep. */
function progressOf(): Map<string, ImportProgress> {
  return (holder.hearthImportProgress ??= new Map());
}

/**
 * Runs `work` alone among claims of this process: seeing that no run is active and starting one
 * (or finding abandoned runs) happen together, so two uploads or two confirmations cannot both
 * pass the check.
 */
export async function withClaimLock<T>(work: () => Promise<T>): Promise<T> {
  const current = (holder.hearthImportClaims ?? Promise.resolve()).then(work);
  holder.hearthImportClaims = current.catch(() => undefined);
  return current;
}

/** Marks the run as this process's, before (under the claim lock) its row says it is active. */
export function adoptRun(id: string): void {
  jobs().add(id);
}

export function releaseRun(id: string): void {
  jobs().delete(id);
  progressOf().delete(id);
}

const ABANDONED: Record<(typeof ACTIVE_STATUSES)[number], string> = {
  uploaded: "The upload did not finish: Hearth stopped while the file was arriving. Upload the file again.",
  checking: "Hearth restarted while checking this file, so the check did not finish and nothing was imported. Upload the file again.",
  importing:
    "Hearth restarted while importing this file. Groups imported before the restart stay as they are; " +
    "importing the same file again brings in only what is still missing.",
};

/**
 * A run left uploading, checking or importing by a server process that has since stopped would
 * block every later import: such runs are marked failed, with a sentence saying what happened,
 * and their files removed. Called (under the claim lock) whenever runs are read or started, so no
 * start-up step is needed and a restart is noticed the first time anyone looks.
 */
export async function failAbandonedRuns(db: Db): Promise<void> {
  const mine = [...jobs()];
  const abandoned = await db.importRun.findMany({
    where: { status: { in: [...ACTIVE_STATUSES] }, id: { notIn: mine } },
    select: { id: true, status: true, storedPath: true },
  });
  for (const run of abandoned) {
    const status = run.status as (typeof ACTIVE_STATUSES)[number];
    await db.importRun.updateMany({
      where: { id: run.id, status },
      data: { status: "failed", error: ABANDONED[status], finishedAt: new Date(), storedPath: null },
    });
    await removeImportUpload(run.storedPath);
  }
}

/** The report as stored and shown: every count, the first REPORT_LIST_LIMIT skipped records and warnings. */
export function toReportView(report: ImportReport): ImportReportView {
  return {
    dryRun: report.dryRun,
    linesRead: report.linesRead,
    created: report.created,
    matched: report.matched,
    skipped: report.skipped
      .slice(0, REPORT_LIST_LIMIT)
      .map(({ table, id, line, reason }) => ({ table, id: String(id), line: line ?? null, reason })),
    skippedTotal: report.skipped.length,
    ignored: report.ignored,
    warnings: report.warnings.slice(0, REPORT_LIST_LIMIT),
    warningsTotal: report.warnings.length,
    groups: report.groups,
  };
}

export const runSummarySelect = {
  id: true,
  format: true,
  fileName: true,
  fileSize: true,
  status: true,
  linesRead: true,
  error: true,
  createdAt: true,
  finishedAt: true,
} as const;

type RunSummaryRow = Omit<ImportRunSummary, "format"> & { format: string };

export function toRunSummary(row: RunSummaryRow): ImportRunSummary {
  return { ...row, format: row.format === "hearth" ? "hearth" : "loomio" };
}

export function toRunDto(row: RunSummaryRow & { report: string | null }): ImportRunDto {
  const { report, ...summary } = row;
  // A run at work in this process: its latest progress, fresher than the row's.
  const progress = ACTIVE_STATUSES.some((status) => status === row.status) ? progressOf().get(row.id) : undefined;
  return {
    ...toRunSummary(summary),
    linesRead: progress?.linesRead ?? summary.linesRead,
    phase: progress?.phase ?? null,
    report: report ? parseReport(report) : null,
  };
}

function parseReport(stored: string): ImportReportView | null {
  try {
    const parsed = zImportReportView.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The error of a failed run as the page shows it: our own sentences as they are, anything else said plainly. */
function failureMessage(error: unknown, dryRun: boolean): string {
  if (error instanceof AppError) return error.message;
  const detail = error instanceof Error && error.message ? ` (${error.message.slice(0, 500)})` : "";
  return dryRun
    ? `Checking the file stopped on an unexpected error${detail}. Nothing was imported.`
    : `The import stopped on an unexpected error${detail}. Groups imported before it stay as they are; importing the same file again brings in only what is still missing.`;
}

const NOTHING_TO_IMPORT =
  "Hearth found nothing it could import in this file. The skipped records below say why; check that it is the right export.";

/** linesRead as the engine reports it, written at most every PROGRESS_INTERVAL_MS and never over a later state; the phase kept in memory. */
function progressWriter(db: Db, id: string, status: ImportStatus) {
  let last = 0;
  return (progress: ImportProgress) => {
    progressOf().set(id, progress);
    const { linesRead } = progress;
    const now = Date.now();
    if (now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    db.importRun.updateMany({ where: { id, status }, data: { linesRead } }).catch((error: unknown) => {
      logger.warn({ err: error, importRunId: id }, "could not record import progress");
    });
  };
}

export type ClaimedRun = { id: string; format: ImportFormat; storedPath: string; startedById: string };

/**
 * The dry run (checking → checked) or the import (importing → imported) of a claimed run, in the
 * background of the server process. Whatever happens the run ends in a state the page can show;
 * the upload is removed once nothing more will read it, before the run says it has ended, and only
 * then does the run stop being this process's (so failAbandonedRuns never takes a run still at work).
 */
export async function runImport(db: Db, run: ClaimedRun, dryRun: boolean, importers: Importers): Promise<void> {
  const from: ImportStatus = dryRun ? "checking" : "importing";
  try {
    const report = await importers[run.format](db, {
      filePath: run.storedPath,
      adminUserId: run.startedById,
      dryRun,
      onProgress: progressWriter(db, run.id, from),
    });
    const view = JSON.stringify(toReportView(report));
    if (dryRun && importedNothing(report)) {
      await removeImportUpload(run.storedPath);
      await db.importRun.updateMany({
        where: { id: run.id, status: from },
        data: { status: "failed", error: NOTHING_TO_IMPORT, report: view, linesRead: report.linesRead, finishedAt: new Date(), storedPath: null },
      });
      return;
    }
    if (!dryRun) await removeImportUpload(run.storedPath);
    await db.$transaction(async (tx) => {
      const { count } = await tx.importRun.updateMany({
        where: { id: run.id, status: from },
        data: dryRun
          ? { status: "checked", report: view, linesRead: report.linesRead }
          : { status: "imported", report: view, linesRead: report.linesRead, finishedAt: new Date(), storedPath: null },
      });
      // The groups' data went in piece by piece; the log says so once the run is marked done.
      if (count && !dryRun) await recordAudit(tx, await groupImportEntries(tx, { actorId: run.startedById, report }));
    });
  } catch (error) {
    if (!(error instanceof AppError)) logger.error({ err: error, importRunId: run.id, dryRun }, "import run failed");
    await removeImportUpload(run.storedPath);
    await db.importRun
      .updateMany({
        where: { id: run.id, status: from },
        data: { status: "failed", error: failureMessage(error, dryRun), finishedAt: new Date(), storedPath: null },
      })
      .catch((updateError: unknown) => logger.error({ err: updateError, importRunId: run.id }, "could not record a failed import"));
  } finally {
    releaseRun(run.id);
  }
}
