import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { databaseProviders } from "@/server/db/database-provider";
import { migrateDatabase } from "@/server/db/migrate";
import { createMigration, migrationSlug, nextMigrationTimestamp } from "./new-migration.ts";

const directory = mkdtempSync(path.join(tmpdir(), "hearth-new-migration-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe("nextMigrationTimestamp", () => {
  it("uses the current UTC time when it is later than every migration", () => {
    expect(nextMigrationTimestamp(new Date("2026-01-02T03:04:05.678Z"), "20260102030404")).toBe("20260102030405");
  });

  it("moves one second past the newest migration otherwise, carrying into the next year", () => {
    expect(nextMigrationTimestamp(new Date("2026-01-02T03:04:05Z"), "20260102030405")).toBe("20260102030406");
    expect(nextMigrationTimestamp(new Date("2026-01-02T03:04:05Z"), "20261231235959")).toBe("20270101000000");
  });
});

describe("migrationSlug", () => {
  it("makes lower-case words joined by underscores, like the Prisma CLI", () => {
    expect(migrationSlug("Add group Invites!")).toBe("add_group_invites");
    expect(() => migrationSlug("--")).toThrow(/not a usable migration name/);
  });
});

describe("createMigration", () => {
  const root = path.join(directory, "project");
  const schemaFile = path.join(root, databaseProviders.sqlite.schemaFile);
  const migrationSql = (provider: keyof typeof databaseProviders, folder: string) =>
    readFileSync(path.join(root, databaseProviders[provider].migrationsDir, folder, "migration.sql"), "utf8");

  it("writes matching SQLite and PostgreSQL migrations from schema changes only", async () => {
    mkdirSync(path.dirname(schemaFile), { recursive: true });
    writeFileSync(schemaFile, readFileSync(databaseProviders.sqlite.schemaFile, "utf8"));

    const init = await createMigration("init", root);
    expect(init).toMatch(/^\d{14}_init$/);
    expect(migrationSql("sqlite", init!)).toContain(`"role" TEXT NOT NULL DEFAULT 'member'`);
    expect(migrationSql("postgresql", init!)).toContain(`CREATE TYPE "Role" AS ENUM`);
    expect(readFileSync(path.join(root, "prisma/postgres/migrations/migration_lock.toml"), "utf8")).toContain(
      'provider = "postgresql"',
    );

    await expect(createMigration("nothing", root)).resolves.toBeUndefined();

    writeFileSync(schemaFile, readFileSync(schemaFile, "utf8").replace(/(\n\s*name\s+String\n)/, '$1  nickname String?\n'));
    const second = await createMigration("add nickname", root);
    expect(second).toMatch(/^\d{14}_add_nickname$/);
    expect(second! > init!).toBe(true);
    expect(migrationSql("sqlite", second!)).toContain(`ALTER TABLE "User" ADD COLUMN "nickname" TEXT`);
    expect(migrationSql("postgresql", second!)).toContain(`ALTER TABLE "User" ADD COLUMN     "nickname" TEXT`);
    expect(readdirSync(path.join(root, databaseProviders.postgresql.migrationsDir))).toContain(second);
  });

  it("produces SQLite migrations that apply cleanly", async () => {
    const migrationsDir = path.join(root, databaseProviders.sqlite.migrationsDir);
    const { applied } = await migrateDatabase(`file:${path.join(directory, "created.db")}`, { migrationsDir });

    expect(applied).toHaveLength(2);
  });
});
