import type { Readable } from "node:stream";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { getSiteActor } from "@/server/groups/site-actor";
import { IMPORTERS, type Importers } from "@/server/imports/admin/importers";
import {
  ACTIVE_STATUSES,
  adoptRun,
  failAbandonedRuns,
  releaseRun,
  runImport,
  runSummarySelect,
  toRunDto,
  toRunSummary,
  withClaimLock,
} from "@/server/imports/admin/runs";
import type { ImportFormat, ImportRunDto, ImportRunSummary } from "@/server/imports/admin/schemas";
import { IMPORT_MAX_BYTES, importUploadsDir, removeImportUpload, writeImportUpload } from "@/server/imports/admin/upload-file";
import { canOnSite } from "@/server/policy";

/** How many of the caller's runs the page lists, newest first. */
export const IMPORT_LIST_SIZE = 20;

const runSelect = { ...runSummarySelect, report: true } as const;

const BUSY = "Another import is being uploaded, checked or run. Wait for it to finish, then try again.";
const NOT_FOUND = "That import does not exist, or it was discarded.";

/** Refuses everyone but the instance administrator, before any file is read. */
export async function requireImportRights(db: Db, userId: string): Promise<void> {
  if (!canOnSite(await getSiteActor(db, userId), "import.run")) {
    throw new AppError("FORBIDDEN", "Only the instance administrator can import data.");
  }
}

/** The name as the person's computer called it, without any folder part or control characters. */
function cleanFileName(name: string): string {
  const base = (name.split(/[/\\]/).pop() ?? "").replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return base.slice(0, 255) || "export.json";
}

type Dependencies = { importers?: Importers; dir?: string; maxBytes?: number };

/**
 * Takes an uploaded export: claims the one slot for a running import (refusing while another run
 * is uploading, checking or importing), streams the file to a private file in the data directory,
 * then starts the dry run in the background and answers at once. A refused or cut-off upload
 * leaves no run and no file behind.
 */
export async function startImport(
  db: Db,
  userId: string,
  format: ImportFormat,
  upload: { filename: string; stream: Readable },
  { importers = IMPORTERS, dir = importUploadsDir(), maxBytes = IMPORT_MAX_BYTES }: Dependencies = {},
): Promise<ImportRunDto> {
  let runId: string;
  try {
    await requireImportRights(db, userId);
    runId = await withClaimLock(async () => {
      await failAbandonedRuns(db);
      const busy = await db.importRun.count({ where: { status: { in: [...ACTIVE_STATUSES] } } });
      if (busy > 0) throw new AppError("CONFLICT", BUSY);
      const run = await db.importRun.create({
        data: { format, startedById: userId, fileName: cleanFileName(upload.filename), fileSize: 0, status: "uploaded" },
        select: { id: true },
      });
      adoptRun(run.id);
      return run.id;
    });
  } catch (error) {
    upload.stream.resume();
    throw error;
  }

  let stored: { path: string; size: number } | null = null;
  try {
    stored = await writeImportUpload(dir, runId, upload.stream, maxBytes);
    const run = await db.importRun.update({
      where: { id: runId },
      data: { status: "checking", storedPath: stored.path, fileSize: stored.size },
      select: runSelect,
    });
    void runImport(db, { id: runId, format, storedPath: stored.path, startedById: userId }, true, importers);
    return toRunDto(run);
  } catch (error) {
    await removeImportUpload(stored?.path ?? null);
    await db.importRun.deleteMany({ where: { id: runId } });
    releaseRun(runId);
    throw error;
  }
}

/** The caller's runs, newest first; a run a stopped server left behind is marked failed first. */
export async function listImportRuns(db: Db, userId: string): Promise<{ items: ImportRunSummary[] }> {
  await requireImportRights(db, userId);
  await withClaimLock(() => failAbandonedRuns(db));
  const rows = await db.importRun.findMany({
    where: { startedById: userId },
    select: runSummarySelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: IMPORT_LIST_SIZE,
  });
  return { items: rows.map(toRunSummary) };
}

/** One of the caller's runs with its report: what the page polls while the run is at work. */
export async function getImportRun(db: Db, userId: string, id: string): Promise<ImportRunDto> {
  await requireImportRights(db, userId);
  await withClaimLock(() => failAbandonedRuns(db));
  const run = await db.importRun.findFirst({ where: { id, startedById: userId }, select: runSelect });
  if (!run) throw new AppError("NOT_FOUND", NOT_FOUND);
  return toRunDto(run);
}

/** Why a run could not be confirmed, as a sentence for the page. */
async function refusalToConfirm(db: Db, userId: string, id: string): Promise<AppError> {
  const run = await db.importRun.findFirst({ where: { id, startedById: userId }, select: { status: true } });
  switch (run?.status) {
    case undefined:
      return new AppError("NOT_FOUND", NOT_FOUND);
    case "uploaded":
    case "checking":
      return new AppError("CONFLICT", "This file is still being checked. Import it once the check has finished.");
    case "importing":
      return new AppError("CONFLICT", "This import has already started.");
    case "imported":
      return new AppError("CONFLICT", "This file has already been imported.");
    default:
      return new AppError("CONFLICT", "This import failed, so it cannot be run. Upload the file again.");
  }
}

/**
 * Runs the import the caller checked. The run is claimed first (checked → importing, a
 * conditional update), so a double click or a replayed request starts one import and the other
 * is told it has already started; then the import runs in the background.
 */
export async function confirmImport(db: Db, userId: string, id: string, importers: Importers = IMPORTERS): Promise<ImportRunDto> {
  await requireImportRights(db, userId);
  const run = await withClaimLock(async () => {
    await failAbandonedRuns(db);
    const others = await db.importRun.count({ where: { status: { in: [...ACTIVE_STATUSES] }, NOT: { id } } });
    if (others > 0) throw new AppError("CONFLICT", BUSY);
    const { count } = await db.importRun.updateMany({
      where: { id, startedById: userId, status: "checked", storedPath: { not: null } },
      data: { status: "importing", linesRead: 0 },
    });
    if (count === 0) throw await refusalToConfirm(db, userId, id);
    adoptRun(id);
    return db.importRun.findUniqueOrThrow({ where: { id }, select: { ...runSelect, storedPath: true, startedById: true } });
  });
  const { storedPath, startedById, ...row } = run;
  const dto = toRunDto(row);
  void runImport(db, { id, format: dto.format, storedPath: storedPath!, startedById }, false, importers);
  return dto;
}

/**
 * Removes a run that is not at work, and its uploaded file: a checked file the caller decided not
 * to import, or a failed or finished run they no longer want listed. What was imported stays.
 */
export async function discardImport(db: Db, userId: string, id: string): Promise<{ id: string }> {
  await requireImportRights(db, userId);
  const storedPath = await withClaimLock(async () => {
    await failAbandonedRuns(db);
    const run = await db.importRun.findFirst({ where: { id, startedById: userId }, select: { status: true, storedPath: true } });
    if (!run) throw new AppError("NOT_FOUND", NOT_FOUND);
    if ((ACTIVE_STATUSES as readonly string[]).includes(run.status)) {
      throw new AppError("CONFLICT", "This import is still at work. Wait for it to finish, then discard it.");
    }
    await db.importRun.deleteMany({ where: { id, status: run.status } });
    return run.storedPath;
  });
  await removeImportUpload(storedPath);
  return { id };
}
