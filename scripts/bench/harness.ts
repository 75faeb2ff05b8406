import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { withPostgres } from "@/server/db/postgres-session";
import { SERVER_BUNDLE } from "../build-if-stale.ts";
import { startTemporaryPostgres } from "../support/temporary-postgres.ts";
import { startTemporaryRedis } from "../support/temporary-redis.ts";

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
export async function startHearth(dataDir: string, env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  // The server bundle, as `npm start` runs it (scripts/build-if-stale.ts makes it).
  const child = spawn(process.execPath, [...nodeArgs, SERVER_BUNDLE], {
    // Its own process group, so stopHearth ends the server and anything it started.
    detached: true,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", HEARTH_DATA_DIR: dataDir, HEARTH_DEMO: "0", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300; attempt++) {
    // Its own error (on stderr above) says why; this says that it stopped.
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`Hearth stopped during start-up (${child.exitCode ?? child.signalCode})`);
    const ok = await fetch(`${url}/api/health`).then((response) => response.ok).catch(() => false);
    if (ok) return { url, child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stopHearth(child);
  throw new Error("Hearth did not start within 30 s");
}

const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/** Stops a server started by startHearth and waits until it has exited; nothing to do if it has. */
export async function stopHearthAndWait(child: ChildProcess): Promise<void> {
  if (!running(child)) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  stopHearth(child);
  await exited;
}

export function stopHearth(child: ChildProcess): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch (error) {
    // Already gone, with everything it started.
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
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

/** The URL of a tRPC query as a GET, as the browser sends one call (superjson's envelope; no input for `z.void()`). */
export function trpcQueryUrl(url: string, procedure: string, input?: unknown): string {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  return `${url}/api/trpc/${procedure}${query}`;
}

/**
 * Fetches `url` once (it must answer 200) and starts a bare server answering the same body with
 * the same content type: the floor for exactly that response.
 */
export async function startBaselineFor(url: string, cookie: string | null): Promise<{ body: string; baseline: Awaited<ReturnType<typeof startBaseline>> }> {
  const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${body.slice(0, 300)}`);
  return { body, baseline: await startBaseline(body, response.headers.get("content-type") ?? "application/octet-stream") };
}

export type LoadResult = {
  label: string;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Connection errors, timeouts (10 s) and non-2xx answers. */
  failures: number;
  /** Of the failures, those that got no answer within 10 s. */
  timeouts: number;
};

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
    // autocannon's `errors` already include its `timeouts`.
    failures: result.errors + result.non2xx,
    timeouts: result.timeouts,
  };
}

/** A column after the standard ones, for what a benchmark reports beside each load. */
export type ExtraColumn = { heading: string; cell: (result: LoadResult, index: number) => string | number };

export function formatTable(results: LoadResult[], extra: ExtraColumn[] = []): string {
  const rows = results.map(
    (r, index) =>
      `| ${r.label} | ${r.requests} | ${r.requestsPerSecond} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.failures} |` +
      extra.map((column) => ` ${column.cell(r, index)} |`).join(""),
  );
  const headings = ["what", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "failed", ...extra.map((column) => column.heading)];
  return [`| ${headings.join(" | ")} |`, `|${headings.map(() => "---|").join("")}`, ...rows].join("\n");
}

/** Resident memory of a process in MB, from /proc (0 once it has gone). */
export function rssMb(pid: number): number {
  try {
    const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return Math.round(Number(rss?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc (0 once it has gone). */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** The processes of a process group (a server started by startHearth and the processes it started), from /proc. */
export function processGroup(groupId: number): number[] {
  return readdirSync("/proc").flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) === groupId ? [Number(entry)] : [];
    } catch {
      return [];
    }
  });
}

/** Resident memory of a process group in MB: a server with several processes (HEARTH_PROCESSES) counts them all. */
export const groupRssMb = (groupId: number) => processGroup(groupId).reduce((total, pid) => total + rssMb(pid), 0);

const groupCpuSeconds = (groupId: number) => processGroup(groupId).reduce((total, pid) => total + cpuSeconds(pid), 0);

/**
 * Waits until a process group has used under 5 % of one core for half a second, or `maxMs` has passed.
 * Requests still queued when a load ends are answered after it; the next load should not pay for them.
 */
export async function waitForIdle(groupId: number, maxMs = 30_000): Promise<void> {
  const deadline = performance.now() + maxMs;
  let before = groupCpuSeconds(groupId);
  while (performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = groupCpuSeconds(groupId);
    if (now - before < 0.025) return;
    before = now;
  }
}

/** What a tRPC call answered: its data, or the error's message and code (CONFLICT, BAD_REQUEST …). */
export type ProcedureAnswer<T> = { ok: true; data: T } | { ok: false; status: number; code: string; message: string };

/**
 * Calls a tRPC mutation over HTTP as the browser does. A request that gets no answer (refused,
 * reset, timed out) rejects; an answer, error or not, resolves.
 */
export async function callProcedure<T>(url: string, cookie: string, procedure: string, input: unknown, timeoutMs = 10_000): Promise<ProcedureAnswer<T>> {
  const response = await fetch(`${url}/api/trpc/${procedure}`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ json: input }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await response.json()) as { result?: { data: { json: T } }; error?: { json: { message: string; data?: { code?: string } } } };
  if (response.ok && body.result) return { ok: true, data: body.result.data.json };
  return { ok: false, status: response.status, code: body.error?.json.data?.code ?? "UNKNOWN", message: body.error?.json.message ?? `HTTP ${response.status}` };
}

/** A throwaway PostgreSQL server (scripts/support/temporary-postgres.ts) holding an empty `hearth` database; stop() removes both. */
export async function startPostgresDatabase(): Promise<{ databaseUrl: string; stop: () => void }> {
  const postgres = await startTemporaryPostgres();
  try {
    await withPostgres(postgres.adminUrl, (admin) => admin.query("CREATE DATABASE hearth"));
  } catch (error) {
    postgres.stop();
    throw error;
  }
  return { databaseUrl: postgres.adminUrl.replace(/\/postgres$/, "/hearth"), stop: () => postgres.stop() };
}

export type Cluster = {
  instances: { url: string; child: ChildProcess }[];
  /** The PostgreSQL database every instance uses, for seeding and checking. */
  databaseUrl: string;
  /** Stops every instance (SIGTERM) and waits for them to exit; the database, Redis and data directory stay. */
  stopAll: () => Promise<void>;
  /** Starts every instance again, all at the same moment, on new ports: `instances` is updated in place. */
  startAll: () => Promise<void>;
  /** Stops the instances, then Redis and PostgreSQL, and removes the data directory. */
  stop: () => Promise<void>;
};

/**
 * Hearth as several instances run it: a throwaway PostgreSQL and Redis, one shared data
 * directory and session secret, and `count` production servers started one after the other
 * (the first applies the migrations).
 */
export async function startCluster(count: number, env: Record<string, string> = {}): Promise<Cluster> {
  const postgres = await startPostgresDatabase();
  const redis = await startTemporaryRedis().catch((error: unknown) => (postgres.stop(), Promise.reject(error)));
  const dataDir = tempDataDir();
  const instances: Cluster["instances"] = [];
  const stopAll = async () => void (await Promise.all(instances.map(({ child }) => stopHearthAndWait(child))));
  const stop = async () => {
    await stopAll();
    await redis.stop();
    postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const { databaseUrl } = postgres;
    const shared = { DATABASE_URL: databaseUrl, REDIS_URL: redis.url, NEXTAUTH_SECRET: randomBytes(32).toString("hex"), ...env };
    for (let index = 0; index < count; index++) instances.push(await startHearth(dataDir, shared));
    const startAll = async () => {
      const started = await Promise.allSettled(instances.map(() => startHearth(dataDir, shared)));
      // Those that did start are kept, so stop() ends them too.
      instances.splice(0, instances.length, ...started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : [])));
      const failed = started.find((result) => result.status === "rejected");
      if (failed) throw failed.reason;
    };
    return { instances, databaseUrl, stopAll, startAll, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Hearth as HEARTH_PROCESSES runs it: `count` processes sharing one port, one SQLite file (in a
 * new data directory) and a throwaway Redis.
 */
export async function startProcesses(count: number, env: Record<string, string> = {}): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }> {
  const redis = await startTemporaryRedis();
  const dataDir = tempDataDir();
  const stop = async (child?: ChildProcess) => {
    if (child) await stopHearthAndWait(child);
    await redis.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const { url, child } = await startHearth(dataDir, { REDIS_URL: redis.url, HEARTH_PROCESSES: String(count), ...env });
    return { url, child, stop: () => stop(child) };
  } catch (error) {
    await stop();
    throw error;
  }
}
