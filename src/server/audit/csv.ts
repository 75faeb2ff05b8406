import { Readable } from "node:stream";
import { requireAuditAccessByHandle } from "@/server/audit/access";
import { auditRowSelect, toAuditDto, type AuditRow } from "@/server/audit/dto";
import type { AuditEntryDto } from "@/server/audit/schemas";
import { newestFirst, olderThan } from "@/server/audit/list";
import type { Db } from "@/server/db";
import type { Download } from "@/server/exports/downloads";
import { paged } from "@/server/exports/streams";
import { csvHeader, csvRecord, type CsvColumns } from "@/server/exports/zip/csv";

const json = (values: Record<string, unknown>) => (Object.keys(values).length ? JSON.stringify(values) : "");

/** The columns of the download: the sentence to read, and the raw facts to sort and filter by. */
const COLUMNS: CsvColumns<AuditEntryDto> = [
  ["time (UTC)", (entry) => entry.createdAt],
  ["actor", (entry) => entry.actorName],
  ["action", (entry) => entry.action],
  ["what happened", (entry) => entry.sentence],
  ["subject type", (entry) => entry.subject.type],
  ["subject", (entry) => entry.subject.label],
  ["before", (entry) => json(entry.before)],
  ["after", (entry) => json(entry.after)],
];

/** Every entry of the group, newest first, as RFC 4180 lines; read a page at a time, so a long log never sits in memory. */
export async function* auditCsvLines(db: Db, groupId: string): AsyncGenerator<string> {
  yield csvHeader(COLUMNS);
  const rows = paged<AuditRow, { createdAt: Date; id: string }>((last, take) =>
    db.auditEntry.findMany({ where: { groupId, ...olderThan(last) }, orderBy: [...newestFirst], take, select: auditRowSelect }),
  );
  for await (const row of rows) yield csvRecord(COLUMNS, toAuditDto(row, null));
}

/** The group's audit log as a CSV download, for its admins; checked on every request. */
export async function startAuditCsv(db: Db, userId: string, handle: string, now = new Date()): Promise<Download> {
  const group = await requireAuditAccessByHandle(db, userId, handle);
  return {
    filename: `hearth-${group.handle}-audit-log-${now.toISOString().slice(0, 10)}.csv`,
    contentType: "text/csv; charset=utf-8",
    // Not object mode: the lines go out as bytes, which is what a web response body takes.
    body: Readable.from(auditCsvLines(db, group.id), { objectMode: false }),
  };
}
