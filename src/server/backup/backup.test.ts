import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createBackup, restoreBackup, type BackupTarget } from "@/server/backup/backup";
import { createDb, getDb } from "@/server/db";
import { providerOf } from "@/server/db/database-provider";
import { onPostgres, postgresDatabaseUrl } from "@/server/test/template-db";

const work = mkdtempSync(path.join(tmpdir(), "hearth-backup-test-"));
const postgresAdminUrl = process.env.HEARTH_TEST_POSTGRES_URL;
const createdDatabases: string[] = [];
afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  for (const name of createdDatabases) await onPostgres(postgresAdminUrl!, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

/** An empty place to restore into, of the same kind as the test database. */
async function emptyTarget(name: string): Promise<BackupTarget> {
  const dataDir = path.join(work, name);
  if (providerOf(process.env.DATABASE_URL!) === "sqlite") return { dataDir, databaseUrl: `file:${path.join(dataDir, "hearth.db")}` };
  const database = `hearth_restore_${name}_${process.pid}`;
  await onPostgres(postgresAdminUrl!, `CREATE DATABASE ${database}`);
  createdDatabases.push(database);
  return { dataDir, databaseUrl: postgresDatabaseUrl(postgresAdminUrl!, database) };
}

/** The running instance's data directory: a secret and one upload, as the server keeps them. */
async function liveDataDir(): Promise<string> {
  const dataDir = path.join(work, "live");
  await mkdir(path.join(dataDir, "uploads", "ab"), { recursive: true });
  await writeFile(path.join(dataDir, "nextauth-secret"), "a-secret-kept-beside-the-database\n");
  await writeFile(path.join(dataDir, "uploads", "ab", "abcdef"), "the bytes of an uploaded file");
  return dataDir;
}

describe("backup and restore", () => {
  it("backs up a running instance under write load; the restore has everything acknowledged before the backup began", async () => {
    const db = getDb();
    const source = { databaseUrl: process.env.DATABASE_URL!, dataDir: await liveDataDir() };
    const acknowledged: string[] = [];
    let writing = true;
    const writer = (async () => {
      for (let index = 0; writing; index += 1) {
        const name = `Organisation under load ${index}`;
        await db.organisation.create({ data: { name } });
        acknowledged.push(name);
        // SQLite answers without touching the event loop: let the backup's own I/O run between writes.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    while (acknowledged.length < 20) await new Promise((resolve) => setTimeout(resolve, 5));

    const acknowledgedBefore = acknowledged.length;
    const backupFile = path.join(work, "hearth.backup.tar.gz");
    const manifest = await createBackup(source, backupFile);
    writing = false;
    await writer;
    expect(manifest).toMatchObject({ format: "hearth-backup", version: 1, database: providerOf(source.databaseUrl), files: 2 });
    expect(acknowledged.length, "writes went on during the backup").toBeGreaterThan(acknowledgedBefore);

    const target = await emptyTarget("restored");
    await restoreBackup(backupFile, target);
    const restored = createDb(target.databaseUrl);
    try {
      const names = new Set((await restored.organisation.findMany({ select: { name: true } })).map(({ name }) => name));
      const before = acknowledged.slice(0, acknowledgedBefore);
      expect(before.filter((name) => !names.has(name))).toEqual([]);
      // The schema came along too: migrations are recorded, so start-up applies only newer ones.
      expect(await restored.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM "_prisma_migrations" LIMIT 1`)).toHaveLength(1);
    } finally {
      await restored.$disconnect();
    }
    expect(readFileSync(path.join(target.dataDir, "uploads", "ab", "abcdef"), "utf8")).toBe("the bytes of an uploaded file");
    expect(readFileSync(path.join(target.dataDir, "nextauth-secret"), "utf8")).toContain("a-secret-kept");

    await expect(restoreBackup(backupFile, target), "never over an existing instance").rejects.toThrow(/already (exists|holds|has tables)/);
  });

  it("refuses a file that is not a Hearth backup, and says so", async () => {
    const notABackup = path.join(work, "holiday-photos.tar.gz");
    writeFileSync(notABackup, "");
    const target = await emptyTarget("refused");
    await expect(restoreBackup(notABackup, target)).rejects.toThrow(/tar failed/);
    expect(existsSync(path.join(target.dataDir, "hearth.db"))).toBe(false);
  });
});
