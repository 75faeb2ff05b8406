import { createReadStream } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import type { z } from "zod";
import { AppError } from "@/server/errors";
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  isRecordType,
  RECORD_SCHEMAS,
  zExportHeader,
  type ExportHeader,
  type RecordData,
  type RecordType,
} from "@/server/exports/hearth-json/format";
import type { SkippedRecord } from "@/server/imports/report";

/** A record of the file, checked against its schema, with the line it was on. */
export type ExportLine = { [T in RecordType]: { line: number; type: T; id: string; data: RecordData<T> } }[RecordType];

/**
 * The file's lines, read a chunk at a time: pulling from the stream only when the importer asks
 * for the next line is what keeps memory flat however large the file is.
 */
async function* textLines(filePath: string): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  let rest = "";
  for await (const chunk of createReadStream(filePath)) {
    const parts = (rest + decoder.write(chunk as Buffer)).split("\n");
    rest = parts.pop()!;
    for (const part of parts) yield part;
  }
  rest += decoder.end();
  if (rest) yield rest;
}

/** What the file calls a record: its own id, or for records without one, the ids that make it unique. */
function idOf(type: RecordType, data: Record<string, unknown>): string {
  if (typeof data.id === "string") return data.id;
  const parts: Partial<Record<RecordType, unknown[]>> = {
    thread_guest: [data.threadId, data.userId],
    thread_attachment: [data.threadId, data.fileId],
    meeting_attendee: [data.meetingId, data.userId],
    participation: [data.pollId, data.userId],
    outcome: [data.pollId],
    document_client: [data.documentId, data.clientId],
    document_delete_set: [data.documentId, data.userId],
  };
  return (parts[type] ?? []).map(String).join("/");
}

function issueText(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const field = issue.path.join(".");
  if (field && issue.code === "invalid_type" && issue.message.endsWith("received undefined")) return `${field} is missing`;
  return field ? `${field}: ${issue.message}` : issue.message;
}

type Sinks = { skip: (entry: SkippedRecord) => void; warn: (message: string) => void };

/**
 * Reads a Hearth export: `header()` first, then the records. Lines that are not JSON, not a
 * known record type or not valid for their type are reported as skipped with their line number
 * (a truncated file ends in such a line); fields this version does not know are ignored with a
 * warning, once per field.
 */
export function readExport(filePath: string, sinks: Sinks) {
  const source = textLines(filePath);
  let count = 0;
  const unknownFields = new Set<string>();

  const next = async (): Promise<string | null> => {
    const result = await source.next();
    if (result.done) return null;
    count += 1;
    return result.value;
  };

  function parse(text: string): ExportLine | null {
    const line = count;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      sinks.skip({ table: "?", id: "", line, reason: "This line is not valid JSON (the file may be cut short or damaged)." });
      return null;
    }
    const record = value as { type?: unknown; data?: unknown };
    if (typeof value !== "object" || value === null || typeof record.data !== "object" || record.data === null) {
      sinks.skip({ table: "?", id: "", line, reason: "This line is not a record: it needs a type and a data object." });
      return null;
    }
    const raw = record.data as Record<string, unknown>;
    if (!isRecordType(record.type)) {
      sinks.skip({ table: String(record.type), id: String(raw.id ?? ""), line, reason: `Hearth does not know records of type “${String(record.type)}”.` });
      return null;
    }
    const type = record.type;
    const schema = RECORD_SCHEMAS[type];
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      sinks.skip({ table: type, id: idOf(type, raw), line, reason: `The record is not valid: ${issueText(parsed.error)}.` });
      return null;
    }
    for (const key of Object.keys(raw)) {
      if (key in schema.shape || unknownFields.has(`${type}.${key}`)) continue;
      unknownFields.add(`${type}.${key}`);
      sinks.warn(`The file's ${type} records have a field “${key}” this version of Hearth does not know; it was ignored.`);
    }
    return { line, type, id: idOf(type, raw), data: parsed.data } as ExportLine;
  }

  return {
    get count() {
      return count;
    },

    /** The first line, which says what the file is; throws a BAD_REQUEST AppError when it is not a Hearth export this version reads. */
    async header(): Promise<ExportHeader> {
      let text: string | null;
      try {
        text = await next();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new AppError("NOT_FOUND", `There is no file at ${filePath}.`);
        throw error;
      }
      if (text === null || text.trim() === "") throw new AppError("BAD_REQUEST", "The file is empty: it is not a Hearth export.");
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw new AppError("BAD_REQUEST", "This is not a Hearth export: its first line is not JSON.");
      }
      const header = zExportHeader.safeParse(value);
      if (!header.success) {
        const format = (value as { format?: unknown } | null)?.format;
        throw new AppError(
          "BAD_REQUEST",
          format === EXPORT_FORMAT
            ? `The file's first line is not a valid Hearth export header (${issueText(header.error)}).`
            : `This is not a Hearth export: its first line should say "format": "${EXPORT_FORMAT}". (A Loomio export is imported with import:loomio.)`,
        );
      }
      if (header.data.version > EXPORT_VERSION) {
        throw new AppError(
          "BAD_REQUEST",
          `This export is version ${header.data.version} of Hearth's format, and this Hearth reads up to version ${EXPORT_VERSION}. Update Hearth, then import it.`,
        );
      }
      return header.data;
    },

    async *[Symbol.asyncIterator](): AsyncGenerator<ExportLine> {
      for (let text = await next(); text !== null; text = await next()) {
        if (text.trim() === "") continue;
        const line = parse(text);
        if (line) yield line;
      }
    },
  };
}
