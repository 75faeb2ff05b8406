import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import Database from "better-sqlite3";
import { providerOf, type DatabaseProvider } from "@/server/db/database-provider";
import { withPostgres } from "@/server/db/postgres-session";
import { makePrivateDir, PRIVATE_FILE_MODE } from "@/server/private-files";

/**
 * A backup is one gzip'd tar file:
 *   hearth-backup.json   what it holds (format, version, database kind, when, file count)
 *   database/hearth.db   SQLite: a consistent copy made with VACUUM INTO while the server runs
 *   database/hearth.pgdump  PostgreSQL: pg_dump's custom format
 *   data/…               the data directory's secrets and uploads (local storage), not the database
 * The database is copied first and the files after: uploads are written before the rows that
 * point at them and never change, so every file the copied database names is in the backup.
 */
export const BACKUP_FORMAT = "hearth-backup";
export const BACKUP_VERSION = 1;
const MANIFEST = "hearth-backup.json";

type Manifest = { format: typeof BACKUP_FORMAT; version: number; database: DatabaseProvider; createdAt: string; files: number };

export type BackupTarget = { databaseUrl: string; dataDir: string };

export async function createBackup(source: BackupTarget, outFile: string): Promise<Manifest> {
  const staging = await mkdtemp(path.join(path.dirname(path.resolve(outFile)), ".hearth-backup-"));
  try {
    const database = providerOf(source.databaseUrl);
    const sqlite = sqliteFileOrNull(source.databaseUrl);
    await mkdir(path.join(staging, "database"));
    if (sqlite) copySqlite(sqlite, path.join(staging, "database", "hearth.db"));
    else await runPostgresTool("pg_dump", source.databaseUrl, ["--format=custom", "--no-owner", "--file", path.join(staging, "database", "hearth.pgdump")]);
    const files = await copyDataDir(source.dataDir, path.join(staging, "data"), path.resolve(sqlite ?? ""));
    const manifest: Manifest = { format: BACKUP_FORMAT, version: BACKUP_VERSION, database, createdAt: new Date().toISOString(), files };
    await writeFile(path.join(staging, MANIFEST), JSON.stringify(manifest, null, 2));
    // Written beside the target and renamed at the end, so a failed backup never looks complete.
    const partial = `${outFile}.partial`;
    await run("tar", ["--create", "--gzip", "--file", partial, "--directory", staging, "."]);
    await chmod(partial, PRIVATE_FILE_MODE);
    await rename(partial, outFile);
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Restores a backup into an empty place: a data directory without a database or uploads, and a
 * database that does not exist yet (SQLite) or has no tables (PostgreSQL). It never overwrites.
 */
export async function restoreBackup(backupFile: string, target: BackupTarget): Promise<Manifest> {
  await assertEmpty(target);
  makePrivateDir(target.dataDir);
  const staging = await mkdtemp(path.join(target.dataDir, ".hearth-restore-"));
  try {
    await run("tar", ["--extract", "--gzip", "--file", backupFile, "--directory", staging, "--no-same-owner"]);
    const manifest = await readManifest(staging);
    const database = providerOf(target.databaseUrl);
    if (manifest.database !== database) {
      throw new Error(`This backup holds a ${label(manifest.database)} database; DATABASE_URL points at ${label(database)}. Restore into the same kind.`);
    }
    await cp(path.join(staging, "data"), target.dataDir, { recursive: true, errorOnExist: true, force: false });
    const file = sqliteFileOrNull(target.databaseUrl);
    if (file) {
      await mkdir(path.dirname(file), { recursive: true });
      await cp(path.join(staging, "database", "hearth.db"), file, { errorOnExist: true, force: false });
      await chmod(file, PRIVATE_FILE_MODE);
    } else {
      await runPostgresTool("pg_restore", target.databaseUrl, ["--no-owner", "--exit-on-error", path.join(staging, "database", "hearth.pgdump")]);
    }
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

const label = (database: DatabaseProvider) => (database === "sqlite" ? "SQLite" : "PostgreSQL");

function sqliteFileOrNull(databaseUrl: string): string | null {
  return providerOf(databaseUrl) === "sqlite" ? path.resolve(databaseUrl.slice("file:".length)) : null;
}

/** VACUUM INTO reads one consistent snapshot while the server keeps writing (WAL), and writes a compact copy. */
function copySqlite(file: string, copy: string): void {
  if (!existsSync(file)) throw new Error(`There is no database at ${file}.`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.prepare("VACUUM INTO ?").run(copy);
  } finally {
    db.close();
  }
}

/** Copies the data directory except the live SQLite files (copied consistently above) and leftovers of earlier runs; returns how many files. */
async function copyDataDir(dataDir: string, into: string, databaseFile: string): Promise<number> {
  await mkdir(into, { recursive: true });
  if (!existsSync(dataDir)) return 0;
  const skip = (file: string) =>
    [databaseFile, `${databaseFile}-wal`, `${databaseFile}-shm`, `${databaseFile}-journal`].includes(file) || path.basename(file).startsWith(".hearth-");
  await cp(dataDir, into, { recursive: true, filter: (file) => !skip(path.resolve(file)) });
  let count = 0;
  for (const entry of await readdir(into, { recursive: true, withFileTypes: true })) if (entry.isFile()) count += 1;
  return count;
}

async function readManifest(staging: string): Promise<Manifest> {
  const text = await readFile(path.join(staging, MANIFEST), "utf8").catch(() => null);
  const manifest = text === null ? null : (JSON.parse(text) as Partial<Manifest>);
  if (manifest?.format !== BACKUP_FORMAT) throw new Error("This is not a Hearth backup (it has no hearth-backup.json).");
  if (manifest.version !== BACKUP_VERSION) throw new Error(`This backup is version ${manifest.version}; this Hearth restores version ${BACKUP_VERSION}.`);
  return manifest as Manifest;
}

async function assertEmpty(target: BackupTarget): Promise<void> {
  const file = sqliteFileOrNull(target.databaseUrl);
  if (file && existsSync(file)) throw new Error(`A database already exists at ${file}: restore into an empty place, or move it aside first.`);
  if (!file) {
    const { rows } = await withPostgres(target.databaseUrl, (client) =>
      client.query<{ count: string }>("SELECT count(*) AS count FROM pg_tables WHERE schemaname = 'public'"),
    );
    if (Number(rows[0]?.count) > 0) throw new Error("The PostgreSQL database DATABASE_URL points at already has tables: restore into an empty database.");
  }
  const uploads = path.join(target.dataDir, "uploads");
  if (existsSync(uploads) && (await readdir(uploads)).length > 0) {
    throw new Error(`${uploads} already holds files: restore into an empty data directory.`);
  }
}

/** pg_dump or pg_restore on the database of a URL; the password goes in the environment, not the command line others can list. */
function runPostgresTool(command: "pg_dump" | "pg_restore", databaseUrl: string, args: string[]): Promise<void> {
  const url = new URL(databaseUrl);
  const connection = ["--host", url.hostname, "--port", url.port || "5432", "--username", decodeURIComponent(url.username), "--dbname", decodeURIComponent(url.pathname.slice(1))];
  return run(command, [...connection, "--no-password", ...args], { PGPASSWORD: decodeURIComponent(url.password), PGSSLMODE: url.searchParams.get("sslmode") ?? "prefer" });
}

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, ...env } });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (error) => reject(new Error(`${command} could not run: ${error.message}`)));
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${command} failed: ${stderr.trim() || `exit code ${code}`}`))));
  });
}
