import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client.ts";
import { requireEnv } from "@/server/config";
import { makePrivateSqliteFile } from "@/server/private-files";

export type Db = PrismaClient;

export function createDb(databaseUrl: string): Db {
  if (!databaseUrl.startsWith("file:")) {
    throw new Error("Only SQLite (file:) databases are supported so far; PostgreSQL arrives in a later issue");
  }
  makePrivateSqliteFile(path.resolve(databaseUrl.slice("file:".length)));
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: databaseUrl }) });
}

const holder = globalThis as unknown as { hearthDb?: Db };

/**
 * One client per process: server.ts and Next's separately bundled route handlers share it
 * through globalThis, and it is created on first use so that `next build` never opens a database.
 */
export function getDb(): Db {
  holder.hearthDb ??= createDb(requireEnv("DATABASE_URL"));
  return holder.hearthDb;
}
