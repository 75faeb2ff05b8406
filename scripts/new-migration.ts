import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { databaseProviders, type DatabaseProvider } from "@/server/db/database-provider";
import { MIGRATION_LOCK_FILE, MIGRATION_SCRIPT_FILE, migrationLockContent } from "@/server/db/migrations-list";
import { noSchemaFilter, withSchemaEngine } from "@/server/db/schema-engine";
import { diffAdapterFactory } from "./diff-adapters.ts";
import { writePostgresSchema } from "./derive-postgres-schema.ts";

/**
 * The schema as of the newest migration, committed beside the migrations: the WebAssembly engine
 * cannot replay migrations into a shadow database, but diffing two schema files needs none.
 */
export const SNAPSHOT_FILE = "schema.snapshot.prisma";

const providers = Object.keys(databaseProviders) as DatabaseProvider[];

/** Same shape as the Prisma CLI's names: lower-case words joined by underscores. */
export function migrationSlug(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!slug) throw new Error(`"${name}" is not a usable migration name: use letters and digits`);
  return slug;
}

function formatTimestamp(date: Date): string {
  return date.toISOString().replace(/\D/g, "").slice(0, 14);
}

/**
 * YYYYMMDDHHMMSS in UTC like the CLI, but always later than the newest existing migration:
 * two migrations made within one second would otherwise share a prefix and sort by name.
 */
export function nextMigrationTimestamp(now: Date, newest: string | undefined): string {
  const candidate = formatTimestamp(now);
  if (newest === undefined || candidate > newest) return candidate;
  const newestIso = newest.replace(/^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)$/, "$1-$2-$3T$4:$5:$6Z");
  return formatTimestamp(new Date(Date.parse(newestIso) + 1000));
}

async function newestMigrationTimestamp(root: string): Promise<string | undefined> {
  const names = await Promise.all(
    providers.map((provider) => readdir(path.join(root, databaseProviders[provider].migrationsDir)).catch(() => [])),
  );
  const timestamps = names.flat().flatMap((name) => /^\d{14}(?=_)/.exec(name) ?? []);
  return timestamps.sort().at(-1);
}

/** A schema with only its datasource: what the first migration starts from. */
function emptySchema(provider: DatabaseProvider): string {
  return `datasource db {\n  provider = "${provider}"\n}\n`;
}

interface ProviderDiff {
  provider: DatabaseProvider;
  schema: string;
  script: string;
  changed: boolean;
}

async function diffSinceSnapshot(root: string, provider: DatabaseProvider, schema: string): Promise<ProviderDiff> {
  const { schemaFile, migrationsDir } = databaseProviders[provider];
  const snapshotFile = path.join(migrationsDir, SNAPSHOT_FILE);
  const snapshot = await readFile(path.join(root, snapshotFile), "utf8").catch(() => emptySchema(provider));
  const result = await withSchemaEngine(diffAdapterFactory(provider), (engine) =>
    engine.diff({
      from: { tag: "schemaDatamodel", files: [{ path: snapshotFile, content: snapshot }] },
      to: { tag: "schemaDatamodel", files: [{ path: schemaFile, content: schema }] },
      script: true,
      // Makes the engine report a non-empty diff as exit code 2.
      exitCode: true,
      filters: noSchemaFilter,
    }),
  );
  return { provider, schema, script: result.stdout ?? "", changed: result.exitCode === 2 };
}

/**
 * Writes one migration per provider, under the same folder name, from the change between each
 * provider's snapshot and its current schema. Returns the folder name, or undefined when the
 * schema has not changed. Both histories always get the migration, empty or not, so they stay
 * in step.
 */
export async function createMigration(name: string, root = process.cwd()): Promise<string | undefined> {
  const slug = migrationSlug(name);
  const schemas: Record<DatabaseProvider, string> = {
    sqlite: await readFile(path.join(root, databaseProviders.sqlite.schemaFile), "utf8"),
    postgresql: await writePostgresSchema(root),
  };
  const diffs = await Promise.all(providers.map((provider) => diffSinceSnapshot(root, provider, schemas[provider])));
  if (!diffs.some((diff) => diff.changed)) return undefined;

  const folder = `${nextMigrationTimestamp(new Date(), await newestMigrationTimestamp(root))}_${slug}`;
  for (const { provider, schema, script } of diffs) {
    const migrationsDir = path.join(root, databaseProviders[provider].migrationsDir);
    await mkdir(path.join(migrationsDir, folder), { recursive: true });
    await writeFile(path.join(migrationsDir, folder, MIGRATION_SCRIPT_FILE), script);
    await writeFile(path.join(migrationsDir, MIGRATION_LOCK_FILE), migrationLockContent(provider));
    await writeFile(path.join(migrationsDir, SNAPSHOT_FILE), schema);
  }
  return folder;
}

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name) throw new Error("Usage: npm run db:new-migration -- <name>");
  const folder = await createMigration(name);
  if (!folder) {
    console.log("No schema changes");
    return;
  }
  for (const provider of providers) console.log(`Created ${databaseProviders[provider].migrationsDir}/${folder}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
