import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "./free-port.ts";

const REDIS_SERVER = "/usr/bin/redis-server";

/** A throwaway Redis from Debian's `redis-server` package, on a free port of 127.0.0.1, keeping nothing on disk. */
export interface TemporaryRedis {
  url: string;
  stop(): Promise<void>;
}

export async function startTemporaryRedis(): Promise<TemporaryRedis> {
  if (!existsSync(REDIS_SERVER)) {
    throw new Error(`Redis is not installed: run \`apt-get install -y redis-server\` (needed at ${REDIS_SERVER}).`);
  }
  const directory = mkdtempSync(path.join(tmpdir(), "hearth-redis-"));
  const port = await freePort();
  const server = spawn(
    REDIS_SERVER,
    ["--port", String(port), "--bind", "127.0.0.1", "--dir", directory, "--save", "", "--appendonly", "no", "--loglevel", "warning"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  server.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  await waitForPort(port, exited, () => output);
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      server.kill("SIGKILL");
      await exited;
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

async function waitForPort(port: number, exited: Promise<void>, output: () => string): Promise<void> {
  const { connect } = await import("node:net");
  let gone = false;
  void exited.then(() => (gone = true));
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (gone) throw new Error(`redis-server stopped at start-up: ${output()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => {
        socket.end();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`redis-server did not start listening on port ${port}: ${output()}`);
}
