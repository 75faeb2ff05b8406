import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { databaseProviders, providerOf, type DatabaseProvider } from "@/server/db/database-provider";
import { readMigrationsList } from "@/server/db/migrations-list";
import { noSchemaFilter, withSchemaEngine } from "@/server/db/schema-engine";
import { makePrivateSqliteFile } from "@/server/private-files";

export interface MigrateOptions {
  /** Defaults to the provider's committed migrations folder; tests point it elsewhere. */
  migrationsDir?: string;
}

/**
 * adapter-pg runs a migration script by splitting it at every ";", which would cut the PL/pgSQL
 * bodies of the search index's triggers apart. PostgreSQL's simple query protocol takes a whole
 * script at once, as `prisma migrate deploy` sends it.
 */
class WholeScriptPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const raise = (adapter as unknown as { onError(error: unknown): never }).onError.bind(adapter);
    adapter.executeScript = async (script) => {
      await adapter.underlyingDriver().query(script).catch(raise);
    };
    return adapter;
  }
}

interface MigrationTarget {
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** Names the database in error messages without leaking credentials. */
  description: string;
}

const openTarget: Record<DatabaseProvider, (databaseUrl: string) => Promise<MigrationTarget>> = {
  sqlite: async (databaseUrl) => {
    const file = path.resolve(process.cwd(), databaseUrl.slice("file:".length));
    await mkdir(path.dirname(file), { recursive: true });
    makePrivateSqliteFile(file);
    return { adapterFactory: new PrismaBetterSqlite3({ url: `file:${file}` }), description: file };
  },
  postgresql: async (databaseUrl) => {
    const url = new URL(databaseUrl);
    return {
      adapterFactory: new WholeScriptPg({ connectionString: databaseUrl }),
      // Host, port and database only: the URL may hold a password.
      description: `PostgreSQL database "${url.pathname.slice(1)}" on ${url.host}`,
    };
  },
};

/**
 * Applies the pending migrations of the provider `databaseUrl` points at, recording them in the
 * same `_prisma_migrations` table as `prisma migrate deploy`. Creates a missing SQLite file.
 */
export async function migrateDatabase(databaseUrl: string, options: MigrateOptions = {}): Promise<{ applied: string[] }> {
  const provider = providerOf(databaseUrl);
  const migrationsDir = path.resolve(process.cwd(), options.migrationsDir ?? databaseProviders[provider].migrationsDir);
  const migrationsList = await readMigrationsList(migrationsDir);
  if (migrationsList.migrationDirectories.length === 0) {
    throw new Error(`No migrations found in ${migrationsDir}: run from the project root`);
  }
  const target = await openTarget[provider](databaseUrl);
  try {
    const { appliedMigrationNames } = await withSchemaEngine(target.adapterFactory, (engine) =>
      engine.applyMigrations({ migrationsList, filters: noSchemaFilter }),
    );
    return { applied: appliedMigrationNames };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Migrating ${target.description} from ${migrationsDir} failed: ${reason}`, { cause: error });
  }
}
