import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import { mkdtempSync } from "node:fs";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { SERVER_BUNDLE } from "../build-if-stale.ts";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export function tempDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), "hearth-bench-"));
}

/** Starts the production server on its own data directory and waits until it answers. */
export async function startHearth(dataDir: string, env: Record<string, string> = {}): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  // The server bundle, as `npm start` runs it (scripts/build-if-stale.ts makes it).
  const child = spawn(process.execPath, [SERVER_BUNDLE], {
    // Its own process group, so stopHearth ends the server and anything it started.
    detached: true,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", HEARTH_DATA_DIR: dataDir, HEARTH_DEMO: "0", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300; attempt++) {
    const ok = await fetch(`${url}/api/health`).then((response) => response.ok).catch(() => false);
    if (ok) return { url, child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stopHearth(child);
  throw new Error("Hearth did not start within 30 s");
}

export function stopHearth(child: ChildProcess): void {
  if (child.pid) process.kill(-child.pid, "SIGTERM");
}

/** Signs in through next-auth's own endpoints and returns the session cookie. */
export async function signInCookie(url: string, email: string, password: string): Promise<string> {
  const csrfResponse = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = csrfResponse.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
  const response = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in failed (${response.status})`);
  return session.split(";")[0]!;
}

/** A bare Node HTTP server answering a fixed body: the floor for this machine, measured in the same run. */
export async function startBaseline(body: string, contentType: string): Promise<{ url: string; close: () => void }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": contentType, "content-length": Buffer.byteLength(body) });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

export type LoadResult = { label: string; requests: number; requestsPerSecond: number; p50: number; p95: number; p99: number; failures: number };

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return NaN;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]! * 10) / 10;
}

/** A bounded load on a loopback address: fixed duration and connections; latencies from every response. */
export async function load(label: string, url: string, cookie: string | null, connections = 200, seconds = 10): Promise<LoadResult> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, headers: cookie ? { cookie } : {} }, (error, finished) =>
      error ? reject(error) : resolve(finished),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  return {
    label,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average),
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    p99: percentile(times, 0.99),
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

export function formatTable(results: LoadResult[]): string {
  const rows = results.map(
    (r) => `| ${r.label} | ${r.requests} | ${r.requestsPerSecond} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.failures} |`,
  );
  return ["| what | requests | req/s | p50 ms | p95 ms | p99 ms | failed |", "|---|---|---|---|---|---|---|", ...rows].join("\n");
}
