import type { Database } from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { keepStatementsPrepared } from "@/server/db/statement-cache";
import { takeTurnsWithTransactions } from "@/server/db/transaction-turns";
import { foldCaseInLike } from "@/server/db/unicode-like";

/**
 * Prisma's SQLite adapter, with LIKE (Prisma's contains, startsWith, endsWith) ignoring case in
 * every language, statements kept prepared, and queries kept out of other requests' transactions.
 *
 * The journal stays a rollback journal, not a write-ahead log: in WAL mode every open connection
 * holds a shared lock on the file, and Prisma's schema engine migrates under
 * `locking_mode=EXCLUSIVE`, so the command-line import (which migrates first) would wait 5 s and
 * fail while the server runs.
 */
export class HearthSqliteAdapter extends PrismaBetterSqlite3 {
  override async connect() {
    const adapter = await super.connect();
    // The adapter keeps its better-sqlite3 connection as `client` (not in its types).
    const database = (adapter as unknown as { client: Database }).client;
    foldCaseInLike(database);
    keepStatementsPrepared(database);
    beginTransactionsImmediately(database);
    return takeTurnsWithTransactions(adapter);
  }
}

/**
 * Transactions take the file's write lock when they begin. With several processes on one file
 * (HEARTH_PROCESSES), two deferred transactions that both read and then write would deadlock,
 * and SQLite answers one of them SQLITE_BUSY at once instead of waiting its busy timeout.
 */
function beginTransactionsImmediately(database: Database): void {
  const prepare = database.prepare.bind(database);
  Object.defineProperty(database, "prepare", { value: (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql), configurable: true });
}
