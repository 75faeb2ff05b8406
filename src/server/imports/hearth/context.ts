import type { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/server/db";
import type { RecordData, RecordType } from "@/server/exports/hearth-json/format";

/** The database, or the transaction one unit of the file is written in. */
export type Client = Db | Prisma.TransactionClient;

export const SOURCE = "hearth";

/** Tables a later unit of the file may refer to; a dry run remembers what it would have made of these only. */
const REFERRED_ACROSS_UNITS = new Set<string>(["group", "user", "folder", "meeting", "poll", "thread", "comment", "document", "document_version", "decision", "initiative", "stakeholder"]);

const PLANNED = "planned:";
const keyOf = (table: string, sourceId: string) => `${table}\u0000${sourceId}`;

/** In a dry run, the id a record would have had: never a real row, so queries with it find nothing. */
export function isPlanned(id: string): boolean {
  return id.startsWith(PLANNED);
}

/**
 * Which record of the file became which Hearth row, kept in the ImportedRecord table (so a
 * second import finds everything and a newer export adds only what is new). Lookups are cached
 * for one unit of the file (a thread and everything under it); a dry run writes nothing and
 * keeps what it would have made in `planned` instead.
 */
export class IdMap {
  private readonly known = new Map<string, string | null>();
  private client: Client;

  constructor(
    client: Client,
    private readonly origin: string,
    private readonly planned: Map<string, string> | null,
  ) {
    this.client = client;
  }

  /** The client later lookups and writes go through: each chunk of a unit has its own transaction. */
  use(client: Client): void {
    this.client = client;
  }

  private where(table: string, sourceId: string) {
    return { source_origin_table_sourceId: { source: SOURCE, origin: this.origin, table, sourceId } };
  }

  async get(table: RecordType, sourceId: string): Promise<string | null> {
    const key = keyOf(table, sourceId);
    const plannedId = this.planned?.get(key);
    if (plannedId) return plannedId;
    const known = this.known.get(key);
    if (known !== undefined) return known;
    const row = await this.client.importedRecord.findUnique({ where: this.where(table, sourceId), select: { targetId: true } });
    this.known.set(key, row?.targetId ?? null);
    return row?.targetId ?? null;
  }

  /** Looks up many records of one table at once, so a unit costs one query per table rather than one per line. */
  async prefetch(table: RecordType, sourceIds: readonly string[]): Promise<void> {
    const wanted = [...new Set(sourceIds)].filter((id) => !this.known.has(keyOf(table, id)));
    for (let start = 0; start < wanted.length; start += 500) {
      const chunk = wanted.slice(start, start + 500);
      const rows = await this.client.importedRecord.findMany({
        where: { source: SOURCE, origin: this.origin, table, sourceId: { in: chunk } },
        select: { sourceId: true, targetId: true },
      });
      const found = new Map(rows.map((row) => [row.sourceId, row.targetId]));
      for (const id of chunk) this.known.set(keyOf(table, id), found.get(id) ?? null);
    }
  }

  async set(table: RecordType, sourceId: string, targetId: string): Promise<void> {
    const key = keyOf(table, sourceId);
    this.known.set(key, targetId);
    if (this.planned) {
      if (REFERRED_ACROSS_UNITS.has(table)) this.planned.set(key, targetId);
      return;
    }
    await this.client.importedRecord.create({ data: { source: SOURCE, origin: this.origin, table, sourceId, targetId }, select: { targetId: true } });
  }

  /** Makes the row (or, in a dry run, pretends to) and remembers it. */
  async make(table: RecordType, sourceId: string, create: () => Promise<{ id: string }>): Promise<string> {
    const targetId = this.planned ? `${PLANNED}${table}:${sourceId}` : (await create()).id;
    await this.set(table, sourceId, targetId);
    return targetId;
  }
}

export type Outcome = { kind: "created" | "matched"; count?: string } | { kind: "skipped"; reason: string };
export const created = (count?: string): Outcome => ({ kind: "created", count });
export const matched = (count?: string): Outcome => ({ kind: "matched", count });
export const skipped = (reason: string): Outcome => ({ kind: "skipped", reason });

/** "Its thread (abc) is not in the file, or was not imported." */
export function missing(what: string, id: string): Outcome {
  return skipped(`Its ${what} (${id}) is not in the file, or was not imported.`);
}

/** Maps the record to the row Hearth already has for it (matched), or makes one (created). */
export async function matchOrMake(
  ctx: ImportContext,
  table: RecordType,
  sourceId: string,
  same: { id: string } | null,
  create: () => Promise<{ id: string }>,
): Promise<Outcome> {
  if (same) {
    await ctx.ids.set(table, sourceId, same.id);
    return matched();
  }
  await ctx.ids.make(table, sourceId, create);
  return created();
}

/**
 * A row that only links a person to a record (a thread's guest, a meeting's attendee, a poll's
 * voter): it has no id of its own, so it is matched when Hearth has the link already.
 */
export async function importLink(
  ctx: ImportContext,
  record: { table: RecordType; id: string },
  person: { id: string; what: string },
  link: { find(recordId: string, userId: string): Promise<unknown>; create(recordId: string, userId: string): Promise<unknown> },
): Promise<Outcome> {
  const recordId = await ctx.ids.get(record.table, record.id);
  if (!recordId) return missing(record.table, record.id);
  const userId = await ctx.ids.get("user", person.id);
  if (!userId) return missing(person.what, person.id);
  if (!isPlanned(recordId) && !isPlanned(userId) && (await link.find(recordId, userId))) return matched();
  if (!ctx.dryRun) await link.create(recordId, userId);
  return created();
}

export type ImportContext = {
  db: Client;
  dryRun: boolean;
  /** "hearth:<the exported group's id>": what the file's records are known by in ImportedRecord. */
  origin: string;
  ids: IdMap;
  adminUserId: string;
  /** Whether the bytes of this content are in storage (or, in a dry run, would be). */
  hasBytes(sha256: string): boolean;
  /** Runs once the unit's transaction has committed (at once in a dry run), e.g. to add a warning. */
  later(effect: () => void): void;
  /** Per unit: whether each poll (by its Hearth id) is anonymous. */
  pollAnonymity: Map<string, boolean>;
  /** Per unit: each document's title (by its Hearth id), which heads the Markdown of its versions. */
  documentTitles: Map<string, string>;
  /** Handles a dry run would have taken, so two groups are not promised the same one. */
  plannedHandles: Set<string>;
  warn(message: string): void;
  /** Notes an uploaded file whose bytes did not come with the file (listed once in the warnings). */
  fileMissing(kind: "resource" | "attachment", name: string): void;
  addGroup(group: { handle: string; name: string }): void;
};

export type Handler<T extends RecordType> = (ctx: ImportContext, data: RecordData<T>) => Promise<Outcome>;
