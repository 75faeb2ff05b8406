import type { Database, Statement } from "better-sqlite3";

/** Distinct SQL texts kept prepared; Prisma writes a few hundred, so the least recently used go beyond this. */
export const MAX_PREPARED_STATEMENTS = 1000;

/**
 * What Prisma's SQLite adapter asks of a prepared statement: `prepare("BEGIN").run()`, and for
 * queries `prepare(sql).bind(args)` then `reader`, `columns()`, `run()` or `raw().all()`. better-sqlite3 binds parameters to a
 * statement for good, so a kept statement is handed out behind this, which passes the parameters
 * to each call instead.
 */
function reusable(statement: Statement) {
  return {
    get reader() {
      return statement.reader;
    },
    columns: () => statement.columns(),
    run: () => statement.run(),
    bind: (args: unknown[]) => ({
      reader: statement.reader,
      columns: () => statement.columns(),
      run: () => statement.run(args),
      raw: () => ({ all: () => statement.raw(true).all(args) }),
    }),
  };
}

/**
 * Keeps the statements of a connection prepared, by SQL text. Prisma's adapter prepares every
 * query anew: parsing and planning the same SQL again took about a tenth of a tRPC read's time.
 * Statements run to completion synchronously, so one kept statement is never used by two queries
 * at once; SQLite prepares a statement again by itself after a migration changes the schema.
 */
export function keepStatementsPrepared(database: Database, limit = MAX_PREPARED_STATEMENTS): void {
  const prepare = database.prepare.bind(database);
  const statements = new Map<string, Statement>();
  const cached = (sql: string) => {
    let statement = statements.get(sql);
    if (statement) {
      // Most recently used last: the first entry is the one to drop.
      statements.delete(sql);
    } else {
      statement = prepare(sql);
      if (statements.size >= limit) statements.delete(statements.keys().next().value!);
    }
    statements.set(sql, statement);
    return reusable(statement);
  };
  Object.defineProperty(database, "prepare", { value: cached, configurable: true });
}
