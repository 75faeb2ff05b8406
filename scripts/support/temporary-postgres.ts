import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "./free-port.ts";

/**
 * A throwaway PostgreSQL server from Debian's `postgresql` package: initdb in a temporary
 * directory, listening on a free port of 127.0.0.1 only, trusted local connections, removed on stop.
 * PostgreSQL refuses to run as root, so under root the server runs as the package's `postgres` user.
 */
export interface TemporaryPostgres {
  /** Connection URL of the `postgres` maintenance database, for creating test databases. */
  adminUrl: string;
  port: number;
  stop(): void;
}

const DEBIAN_POSTGRES_ROOT = "/usr/lib/postgresql";

function binDirectory(): string {
  const versions = existsSync(DEBIAN_POSTGRES_ROOT)
    ? readdirSync(DEBIAN_POSTGRES_ROOT)
        .filter((name) => /^\d+$/.test(name) && existsSync(path.join(DEBIAN_POSTGRES_ROOT, name, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (newest === undefined) {
    throw new Error("PostgreSQL is not installed: run `apt-get install -y postgresql` (Debian's package, version 15 or newer).");
  }
  if (Number(newest) < 15) throw new Error(`Hearth needs PostgreSQL 15 or newer; found ${newest}.`);
  return path.join(DEBIAN_POSTGRES_ROOT, newest, "bin");
}

export async function startTemporaryPostgres(): Promise<TemporaryPostgres> {
  const bin = binDirectory();
  const directory = mkdtempSync(path.join(tmpdir(), "hearth-pg-"));
  const dataDir = path.join(directory, "data");
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownSync(directory, Number(run("id", ["-u", "postgres"]).trim()), Number(run("id", ["-g", "postgres"]).trim()));
  const asServerUser = (command: string, args: string[]) => (asRoot ? run("runuser", ["-u", "postgres", "--", command, ...args]) : run(command, args));

  const port = await freePort();
  asServerUser(path.join(bin, "initdb"), ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
  asServerUser(path.join(bin, "pg_ctl"), [
    "-D",
    dataDir,
    "-l",
    path.join(directory, "server.log"),
    "-w",
    "-o",
    // Durability is not what a test server is for: without fsync the suite runs much faster.
    `-p ${port} -k ${directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
    "start",
  ]);
  let stopped = false;
  return {
    adminUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        asServerUser(path.join(bin, "pg_ctl"), ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    },
  };
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout}`);
  }
  return result.stdout;
}
