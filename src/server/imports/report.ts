/**
 * What an import did (or, in a dry run, would do). The same shape for every importer, printed by
 * the CLIs with --json and shown on the admin import page.
 */
export type SkippedRecord = {
  table: string;
  id: string;
  /** The line of the file the record was on, when it came from one. */
  line?: number;
  reason: string;
};

export type ImportReport = {
  format: "loomio" | "hearth";
  dryRun: boolean;
  linesRead: number;
  /** Rows Hearth made, by kind: users, groups, memberships, threads, comments, reactions, polls, votes, outcomes, … */
  created: Record<string, number>;
  /** Records that were already in Hearth: people found by email, and records an earlier import brought in. */
  matched: Record<string, number>;
  skipped: SkippedRecord[];
  /** Tables of the file Hearth has no use for (e.g. notifications), with how many rows each had. */
  ignored: Record<string, number>;
  warnings: string[];
  /** The groups the file holds, as they are (or would be) in Hearth. */
  groups: { handle: string; name: string }[];
};

export function emptyReport(format: ImportReport["format"], dryRun: boolean): ImportReport {
  return { format, dryRun, linesRead: 0, created: {}, matched: {}, skipped: [], ignored: {}, warnings: [], groups: [] };
}

export function countInto(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}

/** True when the run brought nothing in and found nothing already there: the CLI then exits non-zero. */
export function importedNothing(report: ImportReport): boolean {
  const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);
  return total(report.created) === 0 && total(report.matched) === 0;
}
