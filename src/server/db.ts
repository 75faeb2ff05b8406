import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client.ts";
import { PrismaClient as PostgresPrismaClient } from "@/generated/prisma-postgres/client.ts";
import { requireEnv } from "@/server/config";
import { providerOf, type DatabaseProvider } from "@/server/db/database-provider";
import { HearthSqliteAdapter } from "@/server/db/sqlite-adapter";
import { makePrivateSqliteFile } from "@/server/private-files";

export type Db = PrismaClient;

export function createDb(databaseUrl: string): Db {
  if (providerOf(databaseUrl) === "postgresql") {
    // Both clients are generated from the same models (scripts/derive-postgres-schema.ts), so they
    // differ only in the SQL they compile to; the SQLite client's type describes both.
    return new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) }) as unknown as Db;
  }
  makePrivateSqliteFile(path.resolve(databaseUrl.slice("file:".length)));
  return new PrismaClient({ adapter: new HearthSqliteAdapter({ url: databaseUrl }) });
}

const holder = globalThis as unknown as { hearthDb?: Db; hearthDbProvider?: DatabaseProvider };

/**
 * One client per process: serve.ts and Next's separately bundled route handlers share it
 * through globalThis, and it is created on first use so that `next build` never opens a database.
 */
export function getDb(): Db {
  holder.hearthDb ??= createDb(requireEnv("DATABASE_URL"));
  return holder.hearthDb;
}

/**
 * The kind of database getDb() opens, decided once per process: DATABASE_URL does not change
 * while Hearth runs. The few Prisma filters whose form differs between the two ask this.
 */
export function databaseProvider(): DatabaseProvider {
  holder.hearthDbProvider ??= providerOf(requireEnv("DATABASE_URL"));
  return holder.hearthDbProvider;
}
