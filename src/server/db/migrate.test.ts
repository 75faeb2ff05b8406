import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { databaseProviders } from "@/server/db/database-provider";
import { migrateDatabase } from "@/server/db/migrate";

const directory = mkdtempSync(path.join(tmpdir(), "hearth-migrate-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const committedMigrations = readdirSync(databaseProviders.sqlite.migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function query<Row>(file: string, sql: string): Row[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all() as Row[];
  } finally {
    db.close();
  }
}

describe("migrateDatabase", () => {
  it("creates a missing SQLite file and records every migration the way the Prisma CLI does", async () => {
    const file = path.join(directory, "not", "yet", "there.db");
    const { applied } = await migrateDatabase(`file:${file}`);

    expect(committedMigrations.length).toBeGreaterThan(0);
    expect(applied).toEqual(committedMigrations);
    const tables = query<{ name: string }>(file, "SELECT name FROM sqlite_master WHERE type = 'table'");
    expect(tables.map((table) => table.name)).toEqual(
      expect.arrayContaining(["User", "Group", "Membership", "_prisma_migrations"]),
    );
    const recorded = query<{ migration_name: string; finished_at: string | null }>(
      file,
      "SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name",
    );
    expect(recorded.map((row) => row.migration_name)).toEqual(committedMigrations);
    expect(recorded.every((row) => row.finished_at !== null)).toBe(true);
  });

  it("applies nothing to an up-to-date database", async () => {
    const url = `file:${path.join(directory, "twice.db")}`;
    await migrateDatabase(url);

    await expect(migrateDatabase(url)).resolves.toEqual({ applied: [] });
  });

  it("names the failing migration and the database's complaint", async () => {
    const migrationsDir = path.join(directory, "broken-migrations");
    cpSync(databaseProviders.sqlite.migrationsDir, migrationsDir, { recursive: true });
    mkdirSync(path.join(migrationsDir, "29991231235959_broken"));
    writeFileSync(
      path.join(migrationsDir, "29991231235959_broken", "migration.sql"),
      'ALTER TABLE "User" ADD COLUMN "nickname" TEXT;\nTHIS IS NOT SQL;\n',
    );

    await expect(migrateDatabase(`file:${path.join(directory, "broken.db")}`, { migrationsDir })).rejects.toThrow(
      /failed: near "THIS": syntax error \(in migration 29991231235959_broken\)$/,
    );
  });

  it("refuses a folder without migrations rather than leaving the database empty", async () => {
    const migrationsDir = path.join(directory, "no-migrations");

    await expect(migrateDatabase(`file:${path.join(directory, "empty.db")}`, { migrationsDir })).rejects.toThrow(
      /No migrations found/,
    );
  });

  it("names an unreachable PostgreSQL database without its password", async () => {
    const failure = migrateDatabase("postgresql://hearth:hunter2-secret@127.0.0.1:1/hearth");

    await expect(failure).rejects.toThrow(/^Migrating PostgreSQL database "hearth" on 127\.0\.0\.1:1 from .*prisma\/postgres\/migrations failed/);
    await expect(failure).rejects.not.toThrow(/hunter2/);
  });
});
