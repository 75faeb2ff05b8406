import type { Db } from "@/server/db";
import { writeChunk } from "@/server/exports/streams";
import { csvCell } from "@/server/polls/export";

export type CsvValue = string | number | boolean | Date | null | undefined;

/**
 * One cell as RFC 4180 text. Text goes through the poll export's csvCell (quoting, and a leading
 * ' on anything a spreadsheet would run as a formula); numbers are data, never formulas, so a
 * negative score stays a number. Times are ISO 8601 in UTC.
 */
export function toCsvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (value instanceof Date) return value.toISOString();
  return csvCell(value);
}

/** One record, ended by CRLF as RFC 4180 asks. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(toCsvCell).join(",")}\r\n`;
}

/** A CSV file's columns, each with how to read it from a row. */
export type CsvColumns<T> = readonly (readonly [header: string, value: (row: T) => CsvValue])[];

export const csvHeader = <T>(columns: CsvColumns<T>) => csvRow(columns.map(([header]) => header));
export const csvRecord = <T>(columns: CsvColumns<T>, row: T) => csvRow(columns.map(([, value]) => value(row)));

/** What every table of a group export reads: the groups in the download, and the time it started. */
export type TableScope = { groupIds: string[]; now: Date };

/** One CSV file of the ZIP: its name, and how to write it row by row. */
export type CsvFile = {
  file: string;
  write(db: Db, scope: TableScope, out: NodeJS.WritableStream, signal?: AbortSignal): Promise<void>;
};

/** A CSV file from its columns and its rows, read page by page. */
export function csvFile<T>(file: string, rows: (db: Db, scope: TableScope) => AsyncIterable<T>, columns: CsvColumns<T>): CsvFile {
  return {
    file,
    async write(db, scope, out, signal) {
      await writeChunk(out, csvHeader(columns), signal);
      for await (const row of rows(db, scope)) await writeChunk(out, csvRecord(columns, row), signal);
    },
  };
}
