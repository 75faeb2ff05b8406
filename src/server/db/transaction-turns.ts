import type { SqlDriverAdapter, Transaction } from "@prisma/driver-adapter-utils";

/**
 * Keeps queries outside a transaction out of the one that is open. better-sqlite3 is a single
 * connection: while an interactive transaction is open (BEGIN sent, its callback awaiting
 * something), Prisma's adapter runs every other request's queries on that same connection, so
 * they became part of the transaction — committed with it, or silently undone when it rolled back
 * (an acknowledged write lost). Here a query outside waits until no transaction is open, and
 * transactions take turns as before. A free connection costs nothing: the query runs at once.
 */
export function takeTurnsWithTransactions(adapter: SqlDriverAdapter): SqlDriverAdapter {
  let open = false;
  let waiting: (() => void)[] = [];
  const untilClosed = () => new Promise<void>((resolve) => waiting.push(resolve));
  const close = () => {
    open = false;
    const woken = waiting;
    waiting = [];
    for (const wake of woken) wake();
  };
  // The check and the query's start are in one synchronous step: nothing can BEGIN between them.
  const outside =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      while (open) await untilClosed();
      return run(...args);
    };

  const startTransaction = adapter.startTransaction.bind(adapter);
  const queryRaw = adapter.queryRaw.bind(adapter);
  const executeRaw = adapter.executeRaw.bind(adapter);
  const executeScript = adapter.executeScript.bind(adapter);
  adapter.queryRaw = outside(queryRaw);
  adapter.executeRaw = outside(executeRaw);
  adapter.executeScript = outside(executeScript);
  adapter.startTransaction = async (isolationLevel) => {
    while (open) await untilClosed();
    open = true;
    let transaction: Transaction;
    try {
      transaction = await startTransaction(isolationLevel);
    } catch (error) {
      close();
      throw error;
    }
    const commit = transaction.commit.bind(transaction);
    const rollback = transaction.rollback.bind(transaction);
    transaction.commit = () => commit().finally(close);
    transaction.rollback = () => rollback().finally(close);
    return transaction;
  };
  return adapter;
}
