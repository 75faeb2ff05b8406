import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";

const FIXTURE = path.join(import.meta.dirname, "sqlite-processes-fixture.ts");
const TSX = path.join(process.cwd(), "node_modules/.bin/tsx");
const directory = mkdtempSync(path.join(tmpdir(), "hearth-sqlite-processes-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe("HearthSqliteAdapter with several processes on one file (HEARTH_PROCESSES)", () => {
  it("lets transactions that read and then write run in two processes at once, none failing and none lost", { timeout: 60_000 }, async () => {
    const file = path.join(directory, "shared.db");
    const setUp = new Database(file);
    setUp.exec("CREATE TABLE counter (id INTEGER PRIMARY KEY, value INTEGER NOT NULL); INSERT INTO counter VALUES (1, 0);");
    const transactions = 60;
    const runs = await Promise.all(
      [1, 2].map(() =>
        promisify(execFile)(TSX, [FIXTURE], { env: { ...process.env, FIXTURE_DATABASE_URL: `file:${file}`, FIXTURE_TRANSACTIONS: String(transactions) } }),
      ),
    );
    const failures = runs.flatMap(({ stdout }) => (JSON.parse(stdout.trim().split("\n").pop()!) as { failures: string[] }).failures);
    expect(failures).toEqual([]);
    expect(setUp.prepare("SELECT value FROM counter WHERE id = 1").pluck().get()).toBe(2 * transactions);
    setUp.close();
  });
});
