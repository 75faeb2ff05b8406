import { readdir, readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { databaseProviders } from "@/server/db/database-provider";
import { derivePostgresSchema } from "./derive-postgres-schema.ts";
import { SNAPSHOT_FILE } from "./new-migration.ts";

// One source of truth for the models (prisma/schema.prisma); everything else is derived from it
// and committed. These checks fail when an edit skipped `npm run db:new-migration`.
const read = (file: string) => readFile(file, "utf8");
const migrationNames = async (dir: string) => (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map(({ name }) => name).sort();

describe("the SQLite and PostgreSQL schemas and migrations", () => {
  it("derive the PostgreSQL schema from the SQLite one, unchanged since", async () => {
    const sqlite = await read(databaseProviders.sqlite.schemaFile);
    expect(await read(databaseProviders.postgresql.schemaFile)).toBe(derivePostgresSchema(sqlite));
  });

  it("have a migration for every schema change: each snapshot is the current schema", async () => {
    for (const provider of ["sqlite", "postgresql"] as const) {
      const { schemaFile, migrationsDir } = databaseProviders[provider];
      expect(await read(`${migrationsDir}/${SNAPSHOT_FILE}`), `${provider}: run npm run db:new-migration`).toBe(await read(schemaFile));
    }
  });

  it("have the same migrations, in the same order", async () => {
    const sqlite = await migrationNames(databaseProviders.sqlite.migrationsDir);
    expect(sqlite.length).toBeGreaterThan(0);
    expect(await migrationNames(databaseProviders.postgresql.migrationsDir)).toEqual(sqlite);
  });
});
