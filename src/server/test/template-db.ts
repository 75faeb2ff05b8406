import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "@/server/db/migrate";
import { withPostgres } from "@/server/db/postgres-session";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated database each test file copies: a SQLite file, or a PostgreSQL template database's name. */
    templateDatabase: string;
  }
}

export const POSTGRES_TEMPLATE = "hearth_test_template";

export async function onPostgres(adminUrl: string, statement: string) {
  await withPostgres(adminUrl, (client) => client.query(statement));
}

export function postgresDatabaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Migrates one database before any test file runs; each file then starts from a copy of it,
 * which costs milliseconds where migrating costs seconds per file.
 */
export default async function migrateTemplate(project: TestProject) {
  const postgresAdminUrl = process.env.HEARTH_TEST_POSTGRES_URL;
  if (postgresAdminUrl) {
    await onPostgres(postgresAdminUrl, `DROP DATABASE IF EXISTS ${POSTGRES_TEMPLATE}`);
    await onPostgres(postgresAdminUrl, `CREATE DATABASE ${POSTGRES_TEMPLATE}`);
    await migrateDatabase(postgresDatabaseUrl(postgresAdminUrl, POSTGRES_TEMPLATE));
    project.provide("templateDatabase", POSTGRES_TEMPLATE);
    return () => onPostgres(postgresAdminUrl, `DROP DATABASE IF EXISTS ${POSTGRES_TEMPLATE}`);
  }
  const directory = mkdtempSync(path.join(tmpdir(), "hearth-test-template-"));
  const file = path.join(directory, "template.db");
  await migrateDatabase(`file:${file}`);
  project.provide("templateDatabase", file);
  return () => rmSync(directory, { recursive: true, force: true });
}
