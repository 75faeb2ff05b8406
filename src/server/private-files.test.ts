import { chmodSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { resolveConfig } from "@/server/config";
import { createDb } from "@/server/db";
import { migrateDatabase } from "@/server/db/migrate";
import { localDiskStorage, storeContent } from "@/server/files/storage";

const modeOf = (file: string) => statSync(file).mode & 0o777;

/** A data directory that does not exist yet, as on a first start. */
function newDataDir() {
  return path.join(mkdtempSync(path.join(tmpdir(), "hearth-private-")), "data");
}

/** Starts Hearth's storage the way serve.ts does, and writes to the database with a write-ahead log. */
async function start(dataDir: string) {
  const config = resolveConfig({ HEARTH_DATA_DIR: dataDir });
  await migrateDatabase(config.databaseUrl);
  const db = createDb(config.databaseUrl);
  try {
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await db.organisation.create({ data: { name: `Private ${crypto.randomUUID()}` }, select: { id: true } });
    const stored = await storeContent(localDiskStorage(path.join(dataDir, "uploads")), Readable.from([Buffer.from("minutes")]));
    const database = path.join(dataDir, "hearth.db");
    // Read while the connection is open: SQLite removes the log when the last connection closes.
    const sideFiles = Object.fromEntries(
      readdirSync(dataDir)
        .filter((name) => /^hearth\.db-(wal|shm)$/.test(name))
        .map((name) => [name, modeOf(path.join(dataDir, name))]),
    );
    return { database, sideFiles, storedFile: path.join(dataDir, "uploads", stored.sha256.slice(0, 2), stored.sha256) };
  } finally {
    await db.$disconnect();
  }
}

describe("the data directory", () => {
  it("is created readable by its owner only: database and its write-ahead log, uploads, auth secret", async () => {
    const dataDir = newDataDir();
    const { database, sideFiles, storedFile } = await start(dataDir);

    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(path.join(dataDir, "uploads"))).toBe(0o700);
    expect(modeOf(path.dirname(storedFile))).toBe(0o700);
    expect(modeOf(storedFile)).toBe(0o600);
    expect(modeOf(path.join(dataDir, "nextauth-secret"))).toBe(0o600);
    expect(modeOf(database)).toBe(0o600);
    expect(sideFiles).toEqual({ "hearth.db-wal": 0o600, "hearth.db-shm": 0o600 });
  });

  it("is tightened at start when an older version left it readable by others", async () => {
    const dataDir = newDataDir();
    mkdirSync(path.join(dataDir, "uploads", "ab"), { recursive: true, mode: 0o755 });
    writeFileSync(path.join(dataDir, "nextauth-secret"), "a".repeat(43), { mode: 0o644 });
    writeFileSync(path.join(dataDir, "demo-sign-ins.json"), "[]", { mode: 0o644 });
    writeFileSync(path.join(dataDir, "hearth.db"), "", { mode: 0o644 });
    chmodSync(dataDir, 0o755);

    await start(dataDir);

    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(path.join(dataDir, "uploads", "ab"))).toBe(0o700);
    for (const name of ["nextauth-secret", "demo-sign-ins.json", "hearth.db"]) expect(modeOf(path.join(dataDir, name))).toBe(0o600);
  });
});
