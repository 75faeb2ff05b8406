import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { withContentLocks } from "@/server/files/content-hash";
import { getFileStorage, type FileStorage } from "@/server/files/storage";
import { IdMap, type Client, type ImportContext, type Outcome } from "@/server/imports/hearth/context";
import { FileSource } from "@/server/imports/hearth/files";
import { readExport, type ExportLine } from "@/server/imports/hearth/lines";
import { belongs, COUNTED_AS, data, handleLine, MAX_UNIT_LINES, type Unit } from "@/server/imports/hearth/units";
import { countInto, emptyReport, type ImportReport, type SkippedRecord } from "@/server/imports/report";

const MAX_SKIPPED_LISTED = 1_000;
const PROGRESS_EVERY = 500;

/** The sibling `files` folder of the export, as the ZIP download lays it out, when there is one. */
function defaultFilesDir(filePath: string): string | null {
  const dir = path.join(path.dirname(filePath), "files");
  return existsSync(dir) && statSync(dir).isDirectory() ? dir : null;
}

export type HearthImportOptions = {
  filePath: string;
  /** The account that becomes an admin of every imported group. */
  adminUserId: string;
  /** Reads everything and reports what a real run would do, writing nothing. */
  dryRun: boolean;
  /** A folder of `<sha256>` files holding the uploads' bytes; defaults to a `files` folder beside the export. */
  filesDir?: string;
  onProgress?: (progress: { phase: "reading" | "importing"; linesRead: number }) => void;
  storage?: FileStorage;
};

/**
 * Imports a Hearth export (docs/export-format.md) line by line. Idempotent: every record is noted
 * in ImportedRecord under origin "hearth:<the exported group's id>", so importing the same file
 * again changes nothing and a newer export adds only what is new. People are matched by email;
 * the others get accounts without a password, to claim through a link an admin sends.
 */
export async function importHearth(db: Db, options: HearthImportOptions): Promise<ImportReport> {
  const { dryRun } = options;
  const admin = await db.user.findUnique({ where: { id: options.adminUserId }, select: { id: true } });
  if (!admin) throw new AppError("NOT_FOUND", "The account meant to become admin of the imported groups does not exist.");

  const report = emptyReport("hearth", dryRun);
  let skippedNotListed = 0;
  const skip = (entry: SkippedRecord): SkippedRecord => {
    if (report.skipped.length < MAX_SKIPPED_LISTED) report.skipped.push(entry);
    else skippedNotListed += 1;
    return entry;
  };
  const warned = new Set<string>();
  const warn = (message: string) => {
    if (warned.has(message)) return;
    warned.add(message);
    report.warnings.push(message);
  };
  /** Uploads that came without their bytes, by kind: how many, and the first few names for the warning. */
  const missingFiles = { resource: { count: 0, names: [] as string[] }, attachment: { count: 0, names: [] as string[] } };

  const storage = options.storage ?? getFileStorage();
  const files = new FileSource(options.filesDir ?? defaultFilesDir(options.filePath), storage, warn);
  const planned = dryRun ? new Map<string, string>() : null;
  const plannedHandles = new Set<string>();
  const lines = readExport(options.filePath, { skip, warn });
  const header = await lines.header();
  const origin = `hearth:${header.group.id}`;

  const newUnit = (root: ExportLine): Unit => ({
    root,
    lines: [root],
    polls: new Set(root.type === "poll" ? [data(root).id as string] : []),
    ids: new IdMap(db, origin, planned),
    pollAnonymity: new Map(),
    documentTitles: new Map(),
    state: "open",
    skipEntry: null,
    dropped: 0,
  });

  const contextFor = (client: Client, unit: Unit, effects: (() => void)[]): ImportContext => ({
    db: client,
    dryRun,
    origin,
    ids: unit.ids,
    adminUserId: admin.id,
    hasBytes: (sha256) => files.has(sha256),
    later: (effect) => effects.push(effect),
    pollAnonymity: unit.pollAnonymity,
    documentTitles: unit.documentTitles,
    plannedHandles,
    warn,
    fileMissing: (kind, name) => {
      missingFiles[kind].count += 1;
      if (missingFiles[kind].names.length < 5) missingFiles[kind].names.push(name);
    },
    addGroup: (group) => report.groups.push(group),
  });

  /** Writes the unit's pending lines in one transaction (in a dry run, decides what it would write). */
  const writeChunk = async (unit: Unit): Promise<void> => {
    const chunk = unit.lines;
    unit.lines = [];
    if (unit.state !== "open") {
      unit.dropped += chunk.length;
      return;
    }
    const uploads = chunk.flatMap((line) => (line.type === "resource_version" || line.type === "thread_attachment" ? [line.data.file] : []));
    const staged = await files.prepare(uploads, dryRun);
    const effects: (() => void)[] = [];
    const outcomes: [ExportLine, Outcome][] = [];
    const work = async (client: Client) => {
      unit.ids.use(client);
      const ctx = contextFor(client, unit, effects);
      for (const type of new Set(chunk.map((line) => line.type))) {
        await unit.ids.prefetch(type, chunk.filter((line) => line.type === type && "id" in line.data).map((line) => data(line).id as string));
      }
      for (const line of chunk) {
        if (unit.state !== "open") {
          unit.dropped += 1;
          continue;
        }
        const outcome = await handleLine(ctx, line);
        outcomes.push([line, outcome]);
        if (outcome.kind === "skipped" && line === unit.root) unit.state = "skipped";
      }
    };
    try {
      if (dryRun) await work(db);
      else {
        await withContentLocks(
          staged.map(({ sha256 }) => sha256),
          async () => {
            for (const content of staged) await content.keep();
            await db.$transaction(work, { maxWait: 30_000, timeout: 300_000 });
          },
        );
      }
    } catch (error) {
      unit.state = "failed";
      const first = chunk[0]!;
      // The first line of the chunk carries the entry; the dropped count is of the lines after it.
      unit.dropped += chunk.length - 1;
      const message = error instanceof Error ? error.message.split("\n").at(-1)?.trim() || error.name : String(error);
      unit.skipEntry ??= skip({ table: first.type, id: first.id, line: first.line, reason: `Could not be written (${message}); nothing of it was kept. Importing again retries it.` });
      return;
    } finally {
      for (const content of staged) await content.discard();
    }
    for (const [line, outcome] of outcomes) {
      if (outcome.kind === "skipped") {
        const entry = skip({ table: line.type, id: line.id, line: line.line, reason: outcome.reason });
        if (line === unit.root) unit.skipEntry = entry;
      } else {
        countInto(outcome.kind === "created" ? report.created : report.matched, outcome.count ?? COUNTED_AS[line.type]);
      }
    }
    for (const effect of effects) effect();
  };

  const finish = async (unit: Unit): Promise<void> => {
    await writeChunk(unit);
    if (unit.dropped > 0 && unit.skipEntry) {
      unit.skipEntry.reason += ` The ${unit.dropped} record${unit.dropped === 1 ? "" : "s"} under it ${unit.dropped === 1 ? "was" : "were"} not imported either.`;
    }
  };

  let unit: Unit | null = null;
  for await (const line of lines) {
    if (line.type === "user") {
      // People are written just before the first line that refers to them, often inside a thread.
      await finish(newUnit(line));
    } else if (unit && belongs(unit, line)) {
      unit.lines.push(line);
      if (line.type === "poll") unit.polls.add(data(line).id as string);
      if (unit.lines.length >= MAX_UNIT_LINES) await writeChunk(unit);
    } else {
      if (unit) await finish(unit);
      unit = newUnit(line);
    }
    if (lines.count % PROGRESS_EVERY === 0) options.onProgress?.({ phase: dryRun ? "reading" : "importing", linesRead: lines.count });
  }
  if (unit) await finish(unit);

  report.linesRead = lines.count;
  options.onProgress?.({ phase: dryRun ? "reading" : "importing", linesRead: lines.count });
  const { resource, attachment } = missingFiles;
  if (resource.count > 0) {
    warn(
      `${plural(resource.count, "library file")} came without ${resource.count === 1 ? "its" : "their"} content (${sample(resource)}): ` +
        "the library lists them, but they cannot be opened until you import again with the files (the export's files folder).",
    );
  }
  if (attachment.count > 0) {
    warn(
      `${plural(attachment.count, "thread attachment")} came without ${attachment.count === 1 ? "its" : "their"} content (${sample(attachment)}): ` +
        "their threads show “attachment not migrated” until an admin uploads them.",
    );
  }
  // Lines that could not be read are reported as they are read, the others when their unit is written: in file order for people.
  report.skipped.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (skippedNotListed > 0) warn(`${skippedNotListed} more records were skipped than the ${MAX_SKIPPED_LISTED} listed.`);
  return report;
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
const sample = ({ count, names }: { count: number; names: string[] }) => (count > names.length ? `${names.join(", ")} and ${count - names.length} more` : names.join(", "));
