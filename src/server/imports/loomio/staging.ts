import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import type { LoomioRecord } from "@/server/imports/loomio/fields";
import { makePrivateDir, makePrivateSqliteFile } from "@/server/private-files";

/** The record of a staged row: `json` is its whole line, `{"table": …, "record": {…}}`, kept as it was read. */
export function recordOf(row: StagedRow): LoomioRecord {
  return (JSON.parse(row.json) as { record: LoomioRecord }).record;
}

/** One record of the export as staged: where it was, what it hangs from, and its Hearth id once known. */
export type StagedRow = {
  seq: number;
  line: number;
  tbl: string;
  id: string;
  ref: string | null;
  unit: string | null;
  json: string;
  /** The Hearth id: set from ImportedRecord before planning (an earlier import) or once this run writes it. */
  target: string | null;
};

export type Membership = { id: string; role: "admin" | "member" | "guest" };

const SCHEMA = `
  CREATE TABLE rec (
    seq INTEGER PRIMARY KEY,
    line INTEGER NOT NULL,
    tbl TEXT NOT NULL,
    id TEXT NOT NULL,
    ref TEXT,
    unit TEXT,
    sort TEXT,
    flag INTEGER NOT NULL DEFAULT 0,
    json TEXT NOT NULL,
    target TEXT,
    done INTEGER NOT NULL DEFAULT 0,
    UNIQUE (tbl, id)
  );
  CREATE TABLE known (tbl TEXT NOT NULL, source_id TEXT NOT NULL, target TEXT NOT NULL, PRIMARY KEY (tbl, source_id)) WITHOUT ROWID;
  CREATE TABLE mem (user_id TEXT NOT NULL, group_id TEXT NOT NULL, id TEXT NOT NULL, role TEXT NOT NULL, PRIMARY KEY (user_id, group_id)) WITHOUT ROWID;
  CREATE TABLE email (email TEXT PRIMARY KEY, user_id TEXT NOT NULL) WITHOUT ROWID;
`;

const PREFIX = "loomio-import-";
const DAY_MS = 24 * 60 * 60 * 1000;

/** Staging files of imports that were killed before they could remove them (a day old: no import runs that long). */
function removeAbandoned(parent: string): void {
  for (const entry of readdirSync(parent, { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith(PREFIX)) continue;
    const directory = path.join(parent, entry.name);
    try {
      if (Date.now() - statSync(directory).mtimeMs > DAY_MS) rmSync(directory, { recursive: true, force: true });
    } catch {
      // Another import removed it, or it is not ours to remove.
    }
  }
}

/** Which record a polymorphic reference (`Comment:12`) points at, as the table it is staged under. */
const POLYMORPHIC_TABLES: Record<string, string> = { Comment: "comments", Poll: "polls", Stance: "stances", Outcome: "outcomes" };

/**
 * The export staged in a private temporary SQLite file, so that memory stays flat whatever the
 * file's size: records are read back by indexed queries, unit by unit (a thread with everything
 * in it, a standalone poll), and the old-id → new-id map lives in the `target` column. Also holds
 * what this run has decided but a dry run never writes (emails, memberships), so later
 * decisions see earlier ones exactly as a real run would.
 */
export class Staging {
  readonly sql: Database.Database;
  private readonly directory: string;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly insertRow: Database.Statement;
  private readonly targetOf: Database.Statement;
  private readonly setTargetStatement: Database.Statement;

  constructor() {
    // Under the data directory when there is one: the system's temporary directory may be in memory.
    // mkdtemp makes the directory for the owner only: the staging file holds people's emails.
    const parent = process.env.HEARTH_DATA_DIR ? path.resolve(process.env.HEARTH_DATA_DIR, "tmp") : tmpdir();
    if (process.env.HEARTH_DATA_DIR) makePrivateDir(parent);
    removeAbandoned(parent);
    this.directory = mkdtempSync(path.join(parent, PREFIX));
    const file = path.join(this.directory, "staging.db");
    makePrivateSqliteFile(file);
    this.sql = new Database(file);
    this.sql.pragma("journal_mode = OFF");
    this.sql.pragma("synchronous = OFF");
    this.sql.pragma("cache_size = -16000");
    this.sql.exec(SCHEMA);
    this.insertRow = this.query(
      "INSERT OR IGNORE INTO rec (line, tbl, id, ref, unit, sort, flag, json) VALUES (@line, @tbl, @id, @ref, @unit, @sort, @flag, @json)",
    );
    this.targetOf = this.query("SELECT target FROM rec WHERE tbl = ? AND id = ?").pluck(true);
    this.setTargetStatement = this.query("UPDATE rec SET target = ? WHERE tbl = ? AND id = ?");
  }

  /** Each statement is prepared once: the same few run hundreds of thousands of times. */
  private query(source: string): Database.Statement {
    let statement = this.statements.get(source);
    if (!statement) {
      statement = this.sql.prepare(source);
      this.statements.set(source, statement);
    }
    return statement;
  }

  close(): void {
    this.sql.close();
    rmSync(this.directory, { recursive: true, force: true });
  }

  /** Stages one record; false when the table already has a record with this id. */
  insert(row: { line: number; tbl: string; id: string; ref: string | null; unit: string | null; sort: string | null; flag: number; json: string }): boolean {
    return this.insertRow.run(row).changes > 0;
  }

  firstLineOf(tbl: string, id: string): number | undefined {
    return this.query("SELECT line FROM rec WHERE tbl = ? AND id = ?").pluck(true).get(tbl, id) as number | undefined;
  }

  transaction<T>(work: () => T): T {
    return this.sql.transaction(work)();
  }

  /**
   * After reading: indexes, and each record's unit worked out from its parents, since children
   * may come before their parents in the file.
   */
  finishLoading(): void {
    this.sql.exec(`
      CREATE INDEX rec_unit ON rec (unit, tbl, sort, seq);
      CREATE INDEX rec_ref ON rec (tbl, ref, sort, seq);
      UPDATE rec SET unit = (SELECT p.unit FROM rec p WHERE p.tbl = 'polls' AND p.id = rec.ref)
        WHERE tbl IN ('poll_options', 'stances', 'outcomes');
      UPDATE rec SET unit = (SELECT s.unit FROM rec s WHERE s.tbl = 'stances' AND s.id = rec.ref) WHERE tbl = 'stance_choices';
      UPDATE rec SET unit = 'd:' || substr(ref, 12) WHERE tbl IN ('reactions', 'attachments', 'documents') AND ref LIKE 'Discussion:%';
    `);
    const byParent = this.query(
      "UPDATE rec SET unit = (SELECT o.unit FROM rec o WHERE o.tbl = ? AND o.id = substr(rec.ref, ?)) WHERE tbl IN ('reactions', 'attachments', 'documents') AND ref LIKE ?",
    );
    for (const [type, table] of Object.entries(POLYMORPHIC_TABLES)) byParent.run(table, type.length + 2, `${type}:%`);
  }

  /** Marks records an earlier import of the same origin brought in, with their Hearth ids. */
  addKnown(rows: { table: string; sourceId: string; targetId: string }[]): void {
    const insert = this.query("INSERT OR REPLACE INTO known (tbl, source_id, target) VALUES (?, ?, ?)");
    this.transaction(() => rows.forEach((row) => insert.run(row.table, row.sourceId, row.targetId)));
  }

  applyKnown(): void {
    this.sql.exec("UPDATE rec SET target = known.target FROM known WHERE known.tbl = rec.tbl AND known.source_id = rec.id; DELETE FROM known;");
  }

  target(tbl: string, id: unknown): string | null {
    if (id === null || id === undefined) return null;
    return (this.targetOf.get(tbl, String(id)) as string | null | undefined) ?? null;
  }

  setTargets(targets: readonly [tbl: string, id: string, target: string | null][]): void {
    if (targets.length) this.transaction(() => targets.forEach(([tbl, id, target]) => this.setTargetStatement.run(target, tbl, id)));
  }

  row(tbl: string, id: unknown): StagedRow | undefined {
    if (id === null || id === undefined) return undefined;
    return this.query("SELECT seq, line, tbl, id, ref, unit, json, target FROM rec WHERE tbl = ? AND id = ?").get(tbl, String(id)) as
      | StagedRow
      | undefined;
  }

  /** Whether the user record was deactivated in Loomio (staged as flag 1). */
  isDeactivated(userId: unknown): boolean {
    if (userId === null || userId === undefined) return false;
    return this.query("SELECT flag FROM rec WHERE tbl = 'users' AND id = ?").pluck(true).get(String(userId)) === 1;
  }

  /**
   * The rows of a table in file order, a page at a time: the caller may write to the staging
   * database between pages, which an open cursor would not allow.
   */
  *pages(tbl: string, size = 500): Generator<StagedRow[]> {
    const page = this.query(
      "SELECT seq, line, tbl, id, ref, unit, json, target FROM rec WHERE tbl = ? AND seq > ? AND done = 0 ORDER BY seq LIMIT ?",
    );
    let after = 0;
    for (;;) {
      const rows = page.all(tbl, after, size) as StagedRow[];
      if (rows.length === 0) return;
      yield rows;
      after = rows.at(-1)!.seq;
    }
  }

  /** Every row of one unit not yet dealt with, oldest first. */
  unitRows(unit: string): StagedRow[] {
    const rows: StagedRow[] = [];
    const query = this.query("SELECT seq, line, tbl, id, ref, unit, json, target FROM rec WHERE unit = ? AND done = 0 ORDER BY tbl, sort, seq");
    for (const row of query.iterate(unit) as IterableIterator<StagedRow>) rows.push(row);
    return rows;
  }

  /** Rows of a table hanging from one parent (e.g. a group's memberships), oldest first. */
  childRows(tbl: string, ref: string): StagedRow[] {
    return this.query("SELECT seq, line, tbl, id, ref, unit, json, target FROM rec WHERE tbl = ? AND ref = ? AND done = 0 ORDER BY sort, seq").all(tbl, ref) as StagedRow[];
  }

  markDone(rows: readonly StagedRow[]): void {
    const done = this.query("UPDATE rec SET done = 1 WHERE seq = ?");
    this.transaction(() => rows.forEach((row) => done.run(row.seq)));
  }

  /** Groups parents first; groups whose parent is not in the file are the roots (depth 0). */
  groupsInTreeOrder(): (StagedRow & { depth: number })[] {
    return this.query(
        `WITH RECURSIVE tree (seq, id, depth) AS (
           SELECT g.seq, g.id, 0 FROM rec g
             WHERE g.tbl = 'groups' AND (g.ref IS NULL OR NOT EXISTS (SELECT 1 FROM rec p WHERE p.tbl = 'groups' AND p.id = g.ref))
           UNION ALL
           SELECT c.seq, c.id, tree.depth + 1 FROM rec c JOIN tree ON c.tbl = 'groups' AND c.ref = tree.id WHERE tree.depth < 32
         )
         SELECT rec.seq, rec.line, rec.tbl, rec.id, rec.ref, rec.unit, rec.json, rec.target, tree.depth FROM tree JOIN rec ON rec.seq = tree.seq ORDER BY tree.depth, rec.seq`,
      )
      .all() as (StagedRow & { depth: number })[];
  }

  /** Records nothing dealt with: their parent was missing. Read with a cursor, as nothing is written meanwhile. */
  leftOver(): IterableIterator<StagedRow> {
    return this.query("SELECT seq, line, tbl, id, ref, unit, json, target FROM rec WHERE done = 0 ORDER BY seq").iterate() as IterableIterator<StagedRow>;
  }

  membership(userId: string, groupId: string): Membership | undefined {
    return this.query("SELECT id, role FROM mem WHERE user_id = ? AND group_id = ?").get(userId, groupId) as Membership | undefined;
  }

  setMemberships(rows: readonly { userId: string; groupId: string; id: string; role: string }[]): void {
    const upsert = this.query("INSERT OR REPLACE INTO mem (user_id, group_id, id, role) VALUES (?, ?, ?, ?)");
    this.transaction(() => rows.forEach((row) => upsert.run(row.userId, row.groupId, row.id, row.role)));
  }

  userByEmail(email: string): string | undefined {
    return this.query("SELECT user_id FROM email WHERE email = ?").pluck(true).get(email) as string | undefined;
  }

  addEmails(rows: readonly [email: string, userId: string][]): void {
    const insert = this.query("INSERT OR IGNORE INTO email (email, user_id) VALUES (?, ?)");
    this.transaction(() => rows.forEach(([email, userId]) => insert.run(email, userId)));
  }
}
