import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { migrateDatabase } from "@/server/db/migrate";

/**
 * Every test file gets its own freshly migrated SQLite database and a fixed auth secret, so
 * files never share state and the real Prisma client is exercised without mocks.
 */
const directory = mkdtempSync(path.join(tmpdir(), "hearth-test-"));
process.env.DATABASE_URL = `file:${path.join(directory, "test.db")}`;
process.env.NEXTAUTH_SECRET = "test-secret-that-is-long-enough-for-next-auth";
process.env.LOG_LEVEL ??= "silent";
(globalThis as { hearthDb?: unknown }).hearthDb = undefined;
await migrateDatabase(process.env.DATABASE_URL);

afterAll(async () => {
  const holder = globalThis as { hearthDb?: { $disconnect(): Promise<void> } };
  await holder.hearthDb?.$disconnect();
  holder.hearthDb = undefined;
  rmSync(directory, { recursive: true, force: true });
});
