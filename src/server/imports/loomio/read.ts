import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import { AppError } from "@/server/errors";
import { countInto, type ImportReport } from "@/server/imports/report";
import { idOf, sortKey, type LoomioRecord } from "@/server/imports/loomio/fields";
import type { Staging } from "@/server/imports/loomio/staging";

type Keys = { ref: string | null; unit: string | null };

const polymorphic = (type: unknown, id: unknown) => (typeof type === "string" && idOf(id) ? `${type}:${idOf(id)}` : null);
const discussion = (id: unknown) => (idOf(id) ? `d:${idOf(id)}` : null);

/**
 * The tables Hearth imports, and what each record hangs from: `ref` is its parent, `unit` the
 * thread (d:<discussion id>) or standalone poll (p:<poll id>) it is written with. Units of
 * records whose parent is itself a child are worked out once everything is staged.
 */
const TABLES: Record<string, (record: LoomioRecord) => Keys> = {
  groups: (r) => ({ ref: idOf(r.parent_id), unit: null }),
  users: () => ({ ref: null, unit: null }),
  memberships: (r) => ({ ref: idOf(r.group_id), unit: null }),
  membership_requests: (r) => ({ ref: idOf(r.group_id), unit: null }),
  poll_templates: (r) => ({ ref: idOf(r.group_id), unit: null }),
  discussions: (r) => ({ ref: idOf(r.group_id), unit: discussion(r.id) }),
  discussion_readers: (r) => ({ ref: idOf(r.discussion_id), unit: discussion(r.discussion_id) }),
  comments: (r) => ({ ref: idOf(r.discussion_id), unit: discussion(r.discussion_id) }),
  polls: (r) => ({ ref: idOf(r.discussion_id), unit: idOf(r.discussion_id) ? discussion(r.discussion_id) : `p:${idOf(r.id)}` }),
  poll_options: (r) => ({ ref: idOf(r.poll_id), unit: null }),
  stances: (r) => ({ ref: idOf(r.poll_id), unit: null }),
  stance_choices: (r) => ({ ref: idOf(r.stance_id), unit: null }),
  outcomes: (r) => ({ ref: idOf(r.poll_id), unit: null }),
  reactions: (r) => ({ ref: polymorphic(r.reactable_type, r.reactable_id), unit: null }),
  attachments: (r) => ({ ref: polymorphic(r.record_type, r.record_id), unit: null }),
  documents: (r) => ({ ref: polymorphic(r.model_type, r.model_id), unit: null }),
};

/** Loomio tables Hearth has no use for (it orders by times, not events); other unknown tables get a warning. */
const UNUSED_TABLES = new Set([
  "events", "notifications", "discussion_templates", "tags", "taggings", "versions", "translations", "tasks", "tasks_users",
  "chatbots", "webhooks", "login_tokens", "omniauth_identities", "received_emails", "forward_email_rules", "blocked_domains",
  "topics", "topic_items", "topic_readers", "member_email_aliases", "subscriptions", "active_storage_blobs", "active_storage_attachments",
]);

/** Table names as Loomio's database has them; anything else (including "__proto__") is not a record. */
const TABLE_NAME = /^[a-z][a-z0-9_]{0,62}$/;

const PROGRESS_EVERY = 5_000;
const BATCH = 2_000;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

async function endsWithNewline(filePath: string, size: number): Promise<boolean> {
  if (size === 0) return true;
  const file = await open(filePath, "r");
  try {
    const { buffer } = await file.read(Buffer.alloc(1), 0, 1, size - 1);
    return buffer[0] === 0x0a;
  } finally {
    await file.close();
  }
}

/**
 * Reads the export line by line into the staging database, never holding the file. Lines that
 * are not `{"table", "record"}` objects, and records without an id, are skipped with their line
 * number; tables Hearth has no use for are counted by name. Throws when nothing can be read.
 */
export async function readExport(
  filePath: string,
  staging: Staging,
  report: ImportReport,
  onLines: (linesRead: number) => void,
): Promise<void> {
  const info = await stat(filePath).catch(() => null);
  if (!info?.isFile()) throw new AppError("BAD_REQUEST", `There is no file at ${filePath}.`);
  if (info.size === 0) throw new AppError("BAD_REQUEST", "The file is empty: it holds no Loomio records.");

  let lineNumber = 0;
  let readable = 0;
  let lastBadLine = 0;
  let pending: Parameters<Staging["insert"]>[0][] = [];
  const flush = () => {
    const rows = pending;
    pending = [];
    staging.transaction(() => {
      for (const row of rows) {
        if (!staging.insert(row)) {
          const first = staging.firstLineOf(row.tbl, row.id);
          report.skipped.push({ table: row.tbl, id: row.id, line: row.line, reason: `the same record is already on line ${first}` });
        }
      }
    });
  };

  const lines = createInterface({ input: createReadStream(filePath, { encoding: "utf8" }), crlfDelay: Infinity });
  for await (const line of lines) {
    lineNumber += 1;
    if (lineNumber % PROGRESS_EVERY === 0) onLines(lineNumber);
    if (!line.trim()) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      report.skipped.push({ table: "", id: "", line: lineNumber, reason: "this line is not valid JSON" });
      lastBadLine = lineNumber;
      continue;
    }
    if (!isObject(parsed) || typeof parsed.table !== "string" || !TABLE_NAME.test(parsed.table) || !isObject(parsed.record)) {
      report.skipped.push({ table: "", id: "", line: lineNumber, reason: 'this line is not a Loomio record ({"table": …, "record": {…}})' });
      continue;
    }
    readable += 1;
    const { table, record } = parsed;
    const keys = TABLES[table];
    if (!keys) {
      if (!Object.hasOwn(report.ignored, table) && !UNUSED_TABLES.has(table)) {
        report.warnings.push(`Line ${lineNumber}: the table “${table}” is not one Hearth knows, so its records are left out (counted under “ignored”).`);
      }
      countInto(report.ignored, table);
      continue;
    }
    const id = idOf(record.id);
    if (id === null) {
      report.skipped.push({ table, id: "", line: lineNumber, reason: "the record has no id" });
      continue;
    }
    const { ref, unit } = keys(record);
    const deactivated = table === "users" && record.deactivated_at !== null && record.deactivated_at !== undefined;
    pending.push({ line: lineNumber, tbl: table, id, ref, unit, sort: sortKey(record.created_at), flag: deactivated ? 1 : 0, json: line });
    if (pending.length >= BATCH) flush();
  }
  flush();
  report.linesRead = lineNumber;
  onLines(lineNumber);

  if (lastBadLine === lineNumber && !(await endsWithNewline(filePath, info.size))) {
    const last = report.skipped.findLast((skip) => skip.line === lastBadLine);
    if (last) last.reason = "the file ends in the middle of this line: it seems to have been cut off";
  }
  if (readable === 0) {
    throw new AppError("BAD_REQUEST", "No line of this file is a Loomio record: is it the JSON file from Loomio's “Export group data”?");
  }
  staging.finishLoading();
}
