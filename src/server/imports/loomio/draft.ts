import { randomBytes } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/server/db";
import { countInto, type ImportReport, type SkippedRecord } from "@/server/imports/report";
import type { Membership, StagedRow, Staging } from "@/server/imports/loomio/staging";

/** Everything one import run shares. */
export type Run = {
  db: Db;
  staging: Staging;
  report: ImportReport;
  dryRun: boolean;
  /** "loomio:" + the key of the file's top group: ImportedRecord rows of this export. */
  origin: string;
  adminUserId: string;
  /** Told how many staged records were dealt with. */
  progress: (records: number) => void;
  /** Things that happen many times over, summed up as one warning at the end (see import.ts). */
  notes: Record<string, number>;
};

type Op = (db: Prisma.TransactionClient) => Prisma.PrismaPromise<unknown>;

/** Rows per createMany: Prisma compiles a plan for every createMany, in memory that grows with its size. */
const BATCH = 200;

/** A Hearth id like Prisma's cuids: a time prefix, then randomness. */
export function newId(): string {
  return `c${Date.now().toString(36)}${randomBytes(8).toString("hex")}`;
}

/**
 * What one unit of the import (the users of a page, the groups, a thread with everything in it,
 * a standalone poll) decides: the counts, the rows to write, and the ids they get. Planning fills
 * a draft the same way in a dry run and a real one; commit writes it in one transaction (or, in
 * a dry run, writes nothing) and only then lets the rest of the run see its ids and counts.
 */
export class Draft {
  readonly created: Record<string, number> = {};
  readonly matched: Record<string, number> = {};
  readonly skipped: SkippedRecord[] = [];
  readonly warnings: string[] = [];
  private readonly notes: Record<string, number> = {};
  private readonly ops: Op[] = [];
  private readonly targets: [string, string, string | null][] = [];
  private readonly records: { table: string; sourceId: string; targetId: string }[] = [];
  private readonly memberships = new Map<string, { userId: string; groupId: string } & Membership>();
  private readonly emails: [string, string][] = [];
  private readonly handled: StagedRow[] = [];

  constructor(readonly run: Run) {}

  create(kind: string, by = 1): void {
    countInto(this.created, kind, by);
  }

  match(kind: string, by = 1): void {
    countInto(this.matched, kind, by);
  }

  warn(message: string): void {
    this.warnings.push(message);
  }

  /** Counts something reported once for the whole run rather than record by record. */
  note(kind: string, by = 1): void {
    countInto(this.notes, kind, by);
  }

  /** The record is dealt with: imported, matched or skipped. */
  done(row: StagedRow): void {
    this.handled.push(row);
  }

  /** True when an earlier import brought the record in: it then counts as matched (as `kind`) and is dealt with. */
  importedBefore(row: StagedRow, kind: string): boolean {
    if (!row.target) return false;
    this.match(kind);
    this.done(row);
    return true;
  }

  skip(row: StagedRow, reason: string): void {
    this.skipped.push({ table: row.tbl, id: row.id, line: row.line, reason });
    this.done(row);
  }

  /**
   * The record is (or already was, for records matched some other way) this Hearth row. `remember`
   * writes the ImportedRecord that lets the next import of the same export find it.
   */
  map(row: StagedRow, targetId: string, remember = true): void {
    this.targets.push([row.tbl, row.id, targetId]);
    if (remember) this.records.push({ table: row.tbl, sourceId: row.id, targetId });
    this.done(row);
  }

  write(op: Op): void {
    this.ops.push(op);
  }

  /** createMany in batches, so no statement outgrows SQLite's limit on parameters. */
  writeMany<T>(rows: readonly T[], op: (batch: T[]) => Op): void {
    for (let start = 0; start < rows.length; start += BATCH) this.ops.push(op(rows.slice(start, start + BATCH)));
  }

  /** A person's membership of a group as this run stands: planned here, or known to the staging database. */
  membership(userId: string, groupId: string): Membership | undefined {
    return this.memberships.get(`${userId} ${groupId}`) ?? this.run.staging.membership(userId, groupId);
  }

  setMembership(userId: string, groupId: string, membership: Membership): void {
    this.memberships.set(`${userId} ${groupId}`, { userId, groupId, ...membership });
  }

  addEmail(email: string, userId: string): void {
    this.emails.push([email, userId]);
  }

  /**
   * Writes the draft in one transaction (nothing in a dry run), then records what it decided.
   * When the write fails, nothing of the unit is in Hearth: `head` is reported as skipped with
   * the reason, and the unit's records count as dealt with.
   */
  async commit(head: StagedRow | null): Promise<boolean> {
    const { run } = this;
    if (!run.dryRun && (this.ops.length || this.records.length)) {
      const records = this.records.map((record) => ({ source: "loomio", origin: run.origin, ...record }));
      for (let start = 0; start < records.length; start += BATCH) {
        const batch = records.slice(start, start + BATCH);
        this.ops.push((db) => db.importedRecord.createMany({ data: batch }));
      }
      try {
        await retryWhenBusy(() =>
          run.db.$transaction(
            async (tx) => {
              for (const op of this.ops) await op(tx);
            },
            { maxWait: 10_000, timeout: 120_000 },
          ),
        );
      } catch (error) {
        const reason = `could not be written, so nothing in it was imported: ${error instanceof Error ? error.message.split("\n").at(-1) : String(error)}`;
        if (head) run.report.skipped.push({ table: head.tbl, id: head.id, line: head.line, reason });
        else run.report.warnings.push(`Some records ${reason}`);
        run.staging.markDone(this.handled);
        run.progress(this.handled.length);
        return false;
      }
    }
    for (const [kind, count] of Object.entries(this.created)) countInto(run.report.created, kind, count);
    for (const [kind, count] of Object.entries(this.matched)) countInto(run.report.matched, kind, count);
    run.report.skipped.push(...this.skipped);
    run.report.warnings.push(...this.warnings);
    for (const [kind, count] of Object.entries(this.notes)) countInto(run.notes, kind, count);
    run.staging.setTargets(this.targets);
    run.staging.setMemberships([...this.memberships.values()]);
    run.staging.addEmails(this.emails);
    run.staging.markDone(this.handled);
    run.progress(this.handled.length);
    return true;
  }
}

function isBusy(error: unknown): boolean {
  return error instanceof Error && /SQLITE_BUSY|database is locked/i.test(`${error.message} ${String(error.cause ?? "")}`);
}

/** The server may be writing at the same moment: a locked database is waited for, a few times. */
async function retryWhenBusy<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= 5 || !isBusy(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}
