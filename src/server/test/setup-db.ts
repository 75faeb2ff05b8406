import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { stopTestRedis } from "@/server/test/redis";
import { onPostgres, postgresDatabaseUrl } from "@/server/test/template-db";

/**
 * Every test file gets its own database, a copy of the one migrated before the run
 * (template-db.ts), and a fixed auth secret, so files never share state and the real Prisma
 * client is exercised without mocks. The database is SQLite in a temporary directory, or, under
 * `npm run test:pg`, a new database on the PostgreSQL server HEARTH_TEST_POSTGRES_URL points at.
 */
// Files share their worker's process (vitest `isolate: false`, for speed): whatever a file sets in
// the environment or in process-wide holders is put back or dropped after it.
const environmentBefore = { ...process.env };
(globalThis as { hearthRateLimits?: unknown }).hearthRateLimits = undefined;

const postgresAdminUrl = process.env.HEARTH_TEST_POSTGRES_URL;
const template = inject("templateDatabase");
const directory = mkdtempSync(path.join(tmpdir(), "hearth-test-"));
const postgresDatabase = `hearth_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;

if (postgresAdminUrl) {
  await onPostgres(postgresAdminUrl, `CREATE DATABASE ${postgresDatabase} TEMPLATE ${template}`);
  process.env.DATABASE_URL = postgresDatabaseUrl(postgresAdminUrl, postgresDatabase);
} else {
  const file = path.join(directory, "test.db");
  copyFileSync(template, file);
  process.env.DATABASE_URL = `file:${file}`;
}
process.env.NEXTAUTH_SECRET = "test-secret-that-is-long-enough-for-next-auth";
process.env.LOG_LEVEL ??= "silent";
(globalThis as { hearthDb?: unknown }).hearthDb = undefined;

afterAll(async () => {
  await stopTestRedis();
  const holder = globalThis as { hearthDb?: { $disconnect(): Promise<void> } };
  await holder.hearthDb?.$disconnect();
  holder.hearthDb = undefined;
  rmSync(directory, { recursive: true, force: true });
  if (postgresAdminUrl) await onPostgres(postgresAdminUrl, `DROP DATABASE IF EXISTS ${postgresDatabase} WITH (FORCE)`);
  for (const name of Object.keys(process.env)) if (!(name in environmentBefore)) delete process.env[name];
  Object.assign(process.env, environmentBefore);
});
