import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * The instance's metrics in Prometheus' text format (GET /api/metrics). One registry per
 * process, shared through globalThis because Next bundles route handlers apart from serve.ts,
 * which owns the sockets and the background jobs.
 */
function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "hearth_" });
  const seconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
  return {
    registry,
    procedureCalls: new Counter({
      name: "hearth_procedure_calls_total",
      help: "tRPC procedure calls, by procedure and outcome (ok, or the error code)",
      labelNames: ["procedure", "outcome"] as const,
      registers: [registry],
    }),
    procedureSeconds: new Histogram({
      name: "hearth_procedure_duration_seconds",
      help: "Time to answer a tRPC procedure call",
      labelNames: ["procedure"] as const,
      buckets: seconds,
      registers: [registry],
    }),
    httpSeconds: new Histogram({
      name: "hearth_http_request_duration_seconds",
      help: "Time to answer an HTTP request, by kind of address and status class",
      labelNames: ["kind", "status"] as const,
      buckets: seconds,
      registers: [registry],
    }),
    jobRuns: new Counter({
      name: "hearth_job_runs_total",
      help: "Background job runs (polls, mail, digest, orphan sweep), by outcome",
      labelNames: ["job", "outcome"] as const,
      registers: [registry],
    }),
    // Read when scraped, from whatever serve.ts registered (see observeInstance).
    socketConnections: gauge(registry, "hearth_socket_connections", "Open socket.io connections to this instance"),
    documentRooms: gauge(registry, "hearth_document_rooms", "Documents open for live editing on this instance"),
    mailQueueDepth: gauge(registry, "hearth_mail_queue_depth", "Emails waiting in the outbox to be sent"),
  };
}

type Reading = () => number | Promise<number>;

function gauge(registry: Registry, name: string, help: string) {
  const reading: { read: Reading | null } = { read: null };
  new Gauge({
    name,
    help,
    registers: [registry],
    async collect() {
      if (reading.read) this.set(await reading.read());
    },
  });
  return reading;
}

type Metrics = ReturnType<typeof createMetrics>;
const holder = globalThis as unknown as { hearthMetrics?: Metrics };

export function getMetrics(): Metrics {
  holder.hearthMetrics ??= createMetrics();
  return holder.hearthMetrics;
}

/** Tells the metrics how to read this instance's live state (serve.ts, once everything is started). */
export function observeInstance(readings: { socketConnections: Reading; documentRooms: Reading; mailQueueDepth: Reading }): void {
  const metrics = getMetrics();
  metrics.socketConnections.read = readings.socketConnections;
  metrics.documentRooms.read = readings.documentRooms;
  metrics.mailQueueDepth.read = readings.mailQueueDepth;
}

/** Counts a background job's run once it settles, and hands its result on unchanged. */
export function countJobRun<T>(job: string, run: Promise<T>): Promise<T> {
  const { jobRuns } = getMetrics();
  return run.then(
    (result) => {
      jobRuns.inc({ job, outcome: "ok" });
      return result;
    },
    (error: unknown) => {
      jobRuns.inc({ job, outcome: "failed" });
      throw error;
    },
  );
}

/** The kind of an address, for HTTP metrics: few values, never a raw path (ids would make endless series). */
export function addressKind(url: string | undefined): string {
  const path = url ?? "/";
  if (path.startsWith("/api/trpc")) return "trpc";
  if (path.startsWith("/socket.io/")) return "socket";
  if (path.startsWith("/_next/")) return "asset";
  if (path.startsWith("/api/")) return "api";
  return "page";
}
