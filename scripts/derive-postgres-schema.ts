import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { databaseProviders } from "@/server/db/database-provider";

const HEADER = `// GENERATED from prisma/schema.prisma by scripts/derive-postgres-schema.ts: do not edit.
// Edit prisma/schema.prisma instead, then run \`npm run db:new-migration -- <name>\`.
`;

/**
 * Prisma 7 has no switchable provider, so the PostgreSQL schema is the SQLite one with another
 * provider and client folder. Anything unexpected fails rather than deriving a wrong schema.
 */
export function derivePostgresSchema(sqliteSchema: string): string {
  // The source's leading comment speaks to people editing that file, not this one.
  const body = sqliteSchema.replace(/^(\s*\/\/.*\n)*\s*/, "");
  const withProvider = replaceOnce(
    body,
    /(datasource\s+\w+\s*\{[^}]*?\bprovider\s*=\s*)"sqlite"/g,
    '$1"postgresql"',
    'datasource with provider = "sqlite"',
  );
  const withOutput = replaceOnce(
    withProvider,
    /(generator\s+\w+\s*\{[^}]*?\boutput\s*=\s*)"[^"]*"/g,
    '$1"../../src/generated/prisma-postgres"',
    "generator with an output",
  );
  return `${HEADER}\n${withOutput}`;
}

function replaceOnce(text: string, pattern: RegExp, replacement: string, what: string): string {
  const count = text.match(pattern)?.length ?? 0;
  if (count !== 1) throw new Error(`prisma/schema.prisma must have exactly one ${what}, found ${count}`);
  return text.replace(pattern, replacement);
}

/** Writes the derived schema under `root` and returns its content. */
export async function writePostgresSchema(root = process.cwd()): Promise<string> {
  const source = await readFile(path.join(root, databaseProviders.sqlite.schemaFile), "utf8");
  const derived = derivePostgresSchema(source);
  const target = path.join(root, databaseProviders.postgresql.schemaFile);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, derived);
  return derived;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await writePostgresSchema();
  console.log(`Wrote ${databaseProviders.postgresql.schemaFile}`);
}
