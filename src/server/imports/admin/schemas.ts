import { z } from "zod";

export const IMPORT_FORMATS = ["loomio", "hearth"] as const;
export const zImportFormat = z.enum(IMPORT_FORMATS, { error: "Choose the kind of export: loomio or hearth." });
export type ImportFormat = z.infer<typeof zImportFormat>;

export const zImportStatus = z.enum(["uploaded", "checking", "checked", "importing", "imported", "failed"]);
export type ImportStatus = z.infer<typeof zImportStatus>;

export const zImportRunIdInput = z.object({ id: z.string().min(1).max(64) });

const zCounts = z.record(z.string(), z.number().int());

/** The stored report as the page shows it: long lists cut to their start, with the full count beside them. */
export const zImportReportView = z.object({
  dryRun: z.boolean(),
  linesRead: z.number().int(),
  created: zCounts,
  matched: zCounts,
  skipped: z.array(z.object({ table: z.string(), id: z.string(), line: z.number().int().nullable(), reason: z.string() })),
  skippedTotal: z.number().int(),
  ignored: zCounts,
  warnings: z.array(z.string()),
  warningsTotal: z.number().int(),
  groups: z.array(z.object({ handle: z.string(), name: z.string() })),
});
export type ImportReportView = z.infer<typeof zImportReportView>;

export const zImportRunSummary = z.object({
  id: z.string(),
  format: zImportFormat,
  fileName: z.string(),
  fileSize: z.number().int(),
  status: zImportStatus,
  linesRead: z.number().int(),
  error: z.string().nullable(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
});
export type ImportRunSummary = z.infer<typeof zImportRunSummary>;

export const zImportRun = zImportRunSummary.extend({
  /**
   * While checking or importing: reading the file's lines, or going through its records (when
   * linesRead counts records, from 0 again); null otherwise.
   */
  phase: z.enum(["reading", "importing"]).nullable(),
  /** The dry run's report while checked; the real run's once imported; null before the check ends. */
  report: zImportReportView.nullable(),
});
export type ImportRunDto = z.infer<typeof zImportRun>;

export const zImportRunList = z.object({ items: z.array(zImportRunSummary) });

export const zRestoreAttachmentInput = z.object({
  /** The missing attachment ("attachment not migrated") to replace. */
  id: z.string().min(1).max(64),
  /** A file the caller uploaded through POST /api/uploads. */
  fileId: z.string().min(1).max(64),
});
export type RestoreAttachmentInput = z.infer<typeof zRestoreAttachmentInput>;
