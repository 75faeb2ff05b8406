import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll } from "vitest";
import { PrismaClient } from "@/generated/prisma/client.ts";
import { PrismaClient as PostgresPrismaClient } from "@/generated/prisma-postgres/client.ts";
import { createCaller } from "@/server/api/root";
import { createRequestMemo } from "@/server/api/request-memo";
import type { Context } from "@/server/api/trpc";
import { requireEnv } from "@/server/config";
import type { Db } from "@/server/db";
import { providerOf } from "@/server/db/database-provider";
import { HearthSqliteAdapter } from "@/server/db/sqlite-adapter";

const LOG_QUERIES = [{ emit: "event", level: "query" }] as const;

/** A second client on the test file's database that reports every SQL statement it sends. */
function countingClient(onStatement: (sql: string) => void): Db {
  const url = requireEnv("DATABASE_URL");
  const client =
    providerOf(url) === "postgresql"
      ? (new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [...LOG_QUERIES] }) as unknown as PrismaClient<"query">)
      : new PrismaClient({ adapter: new HearthSqliteAdapter({ url }), log: [...LOG_QUERIES] });
  client.$on("query", (event) => onStatement(event.query));
  return client as unknown as Db;
}

/**
 * Counts the SQL statements a call sends, as the database sees them: one Prisma call with
 * relations is several statements (SQLite loads each relation with its own). Call at the top of a
 * test file (it closes its client after the file); `statements(run)` answers the SQL `run` sent,
 * so a failing count shows which statements there were.
 *
 * `caller(userId)` makes calls as one request does: they share one context, and so one
 * request memo (api/trpc.ts), as the calls of one page render or one HTTP batch do.
 */
export function sqlCounter() {
  let client: Db | undefined;
  let seen: string[] = [];
  afterAll(async () => {
    await client?.$disconnect();
    client = undefined;
  });
  const db = () => (client ??= countingClient((sql) => seen.push(sql)));
  return {
    db,
    caller(userId: string | null) {
      const context: Context = { db: db(), userId, publish: () => undefined, memo: createRequestMemo() };
      return createCaller(context);
    },
    async statements(run: () => Promise<unknown>): Promise<string[]> {
      db();
      seen = [];
      await run();
      const sent = seen;
      seen = [];
      return sent;
    },
  };
}
