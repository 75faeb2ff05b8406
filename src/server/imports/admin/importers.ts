import type { Db } from "@/server/db";
import type { ImportFormat } from "@/server/imports/admin/schemas";
import type { ImportReport } from "@/server/imports/report";

export type ImportProgress = { phase: "reading" | "importing"; linesRead: number };

/** What the admin page needs of an import engine: the CLI's entry point, reporting progress as it reads. */
export type Importer = (
  db: Db,
  options: { filePath: string; adminUserId: string; dryRun: boolean; onProgress?: (progress: ImportProgress) => void },
) => Promise<ImportReport>;

export type Importers = Record<ImportFormat, Importer>;

/**
 * The engines behind each format. They are loaded when a run starts, so the many requests that
 * only read a run's status (the page asks every second) never load an engine.
 */
export const IMPORTERS: Importers = {
  loomio: async (db, options) => (await import("@/server/imports/loomio/import")).importLoomio(db, options),
  hearth: async (db, options) => (await import("@/server/imports/hearth/import")).importHearth(db, options),
};
