import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import {
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import type { DatabaseProvider } from "@/server/db/database-provider";

/**
 * Diffing two schema files reads no database, yet the schema engine only starts with a driver
 * adapter of the schema's provider.
 */
export function diffAdapterFactory(provider: DatabaseProvider): SqlMigrationAwareDriverAdapterFactory {
  return provider === "sqlite" ? new PrismaBetterSqlite3({ url: ":memory:" }) : offlinePostgres;
}

// Claims the oldest PostgreSQL the project is tested against, so no newer syntax is generated.
const versionProbeAnswer: SqlResultSet = {
  columnNames: ["exists", "version", "numeric_version"],
  columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
  rows: [[true, "PostgreSQL 15.0", 150000]],
};

function refuse(what: string): Promise<never> {
  return Promise.reject(new Error(`No PostgreSQL database is behind a schema diff, so it cannot ${what}`));
}

/**
 * The engine's PostgreSQL connector asks the server for its version as soon as it starts, even
 * when it will only diff schema files. This connection answers that question alone, so a step
 * that really needs a database fails loudly instead of working on made-up data.
 */
function offlinePostgresConnection(): SqlDriverAdapter {
  return {
    provider: "postgres",
    adapterName: "hearth-offline-postgres",
    queryRaw: (query) =>
      query.sql.includes("server_version_num") ? Promise.resolve(versionProbeAnswer) : refuse(`run ${query.sql}`),
    executeRaw: (query) => refuse(`run ${query.sql}`),
    executeScript: () => refuse("run a script"),
    startTransaction: () => refuse("start a transaction"),
    dispose: () => Promise.resolve(),
  };
}

const offlinePostgres: SqlMigrationAwareDriverAdapterFactory = {
  provider: "postgres",
  adapterName: "hearth-offline-postgres",
  connect: () => Promise.resolve(offlinePostgresConnection()),
  connectToShadowDb: () => Promise.resolve(offlinePostgresConnection()),
};
