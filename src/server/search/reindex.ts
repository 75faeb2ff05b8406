import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/server/db";
import { databaseProviders, providerOf, type DatabaseProvider } from "@/server/db/database-provider";
import { indexStaleText } from "@/server/search/documents-index";
import { extractPendingFileTexts } from "@/server/search/resource-text";

const START = "-- search-index:backfill:start";
const END = "-- search-index:backfill:end";

/**
 * The statements that fill SearchEntry from the rows it copies, read from the newest migration
 * that has them (between the backfill markers), so the migration that indexed existing content
 * and a rebuild can never disagree.
 */
export async function backfillStatements(provider: DatabaseProvider, root = process.cwd()): Promise<string[]> {
  const directory = path.join(root, databaseProviders[provider].migrationsDir);
  const migrations = (await readdir(directory, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map(({ name }) => name).sort().reverse();
  for (const migration of migrations) {
    const script = await readFile(path.join(directory, migration, "migration.sql"), "utf8").catch(() => "");
    const start = script.indexOf(START);
    if (start === -1) continue;
    const end = script.indexOf(END, start);
    if (end === -1) throw new Error(`${migration}: the search index's backfill has no end marker`);
    return script
      .slice(start + START.length, end)
      .split(/;[ \t]*$/m)
      .map((statement) => statement.trim())
      .filter(Boolean);
  }
  throw new Error(`No migration in ${directory} says how to fill the search index`);
}

/**
 * `npm run search:reindex`: empties the search index and fills it again from the threads,
 * comments, polls, votes, people, resources, meetings and documents themselves, in one transaction
 * (searches meanwhile see the old index). On SQLite the FTS5 index is then rebuilt from SearchEntry
 * as a whole. The text of documents and named versions, which SQL cannot read, is taken afterwards
 * (a few seconds in which they are found by their titles only), and so is any file text not yet read.
 */
export async function rebuildSearchIndex(db: Db): Promise<{ entries: number; documents: number; files: number }> {
  const { entries } = await refill(db);
  return { entries, documents: await indexStaleText(db), files: await extractPendingFileTexts(db) };
}

async function refill(db: Db): Promise<{ entries: number }> {
  const provider = providerOf(process.env.DATABASE_URL ?? "file:");
  const statements = await backfillStatements(provider);
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`DELETE FROM "SearchEntry"`);
      for (const statement of statements) await tx.$executeRawUnsafe(statement);
      if (provider === "sqlite") await tx.$executeRawUnsafe(`INSERT INTO "SearchEntryText" ("SearchEntryText") VALUES ('rebuild')`);
      return { entries: await tx.searchEntry.count() };
    },
    // A large instance takes a while; nothing else waits on this.
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
}
