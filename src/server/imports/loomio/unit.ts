import type { LoomioRecord } from "@/server/imports/loomio/fields";
import { recordOf, type StagedRow } from "@/server/imports/loomio/staging";

/** The staged rows of one unit (a thread with everything in it, or a standalone poll), found by table and parent. */
export class UnitRows {
  private readonly byTable = new Map<string, StagedRow[]>();
  private readonly byParent = new Map<string, StagedRow[]>();
  private readonly parsed = new Map<number, LoomioRecord>();

  constructor(readonly all: readonly StagedRow[]) {
    for (const row of all) {
      push(this.byTable, row.tbl, row);
      if (row.ref !== null) push(this.byParent, `${row.tbl} ${row.ref}`, row);
    }
  }

  table(tbl: string): StagedRow[] {
    return this.byTable.get(tbl) ?? [];
  }

  children(tbl: string, ref: string): StagedRow[] {
    return this.byParent.get(`${tbl} ${ref}`) ?? [];
  }

  record(row: StagedRow): LoomioRecord {
    let record = this.parsed.get(row.seq);
    if (!record) {
      record = recordOf(row);
      this.parsed.set(row.seq, record);
    }
    return record;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
