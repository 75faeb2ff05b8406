import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { handleTrpcRequest, TRPC_PATH } from "@/server/api/http";
import { formatSignInBanner, prepareInstance } from "@/server/bootstrap/start-up";
import { exportToProcessEnv, resolveConfig } from "@/server/config";
import { getDb } from "@/server/db";
import { migrateDatabase } from "@/server/db/migrate";
import { recordClientAddress } from "@/server/auth/client-address";
import { relayEventsThroughRedis } from "@/server/cluster/event-relay";
import { checkClusterReadiness, withStartUpLock } from "@/server/cluster/instance-checks";
import { processNumber } from "@/server/cluster/processes";
import { closeSharedRedis, sharedRedis } from "@/server/cluster/redis";
import { getEventBus } from "@/server/events";
import { startOrphanSweep } from "@/server/files/cleanup";
import { createPageGate, isPageRender } from "@/server/http/page-gate";
import { keepDownloadLength } from "@/server/files/download-length";
import { setLifecyclePhase, shutDownGracefully } from "@/server/lifecycle";
import { logger } from "@/server/logger";
import { addressKind, getMetrics, observeInstance } from "@/server/observability/metrics";
import { requestContextStore, requestIdFrom } from "@/server/observability/request-context";
import { startMailWorker } from "@/server/mail/worker";
import { startDecisionReviewScheduler } from "@/server/decisions/reminders";
import { startDigestScheduler } from "@/server/notifications/digest";
import { startAckReminders } from "@/server/acks/reminders";
import { startPollScheduler } from "@/server/polls/scheduler";
import { startTaskScheduler } from "@/server/tasks/scheduler";
import { attachRealtime } from "@/server/realtime/socket-server";
import { flushDocumentIndexes } from "@/server/search/documents-index";
import { startSearchTextWorker } from "@/server/search/text-worker";

/** Bodies of API calls are small (JSON, or a logo); anything larger is refused before Next reads it. */
const BODY_LIMITS: [prefix: string, bytes: number | null][] = [
  // Uploads stream to storage, which enforces the file size limit itself.
  ["/api/uploads", null],
  // Exports for the import page stream to the data directory, which enforces its own limit (1 GB).
  ["/api/imports", null],
  ["/api/images", 1_200_000],
  ["/api/", 1_000_000],
];

function refuseOversizeBody(request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method === "GET" || request.method === "HEAD") return false;
  const limit = BODY_LIMITS.find(([prefix]) => request.url?.startsWith(prefix))?.[1];
  if (limit === undefined || limit === null) return false;
  const length = Number(request.headers["content-length"] ?? NaN);
  const chunked = request.headers["transfer-encoding"] !== undefined;
  if (!chunked && Number.isFinite(length) && length <= limit) return false;
  const status = chunked || !Number.isFinite(length) ? 411 : 413;
  const message =
    status === 413
      ? `Request body too large: the limit here is ${(limit / 1_000_000).toFixed(1)} MB.`
      : "Send the request body with a Content-Length header.";
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify({ error: { message } }));
  discardBody(request);
  return true;
}

/** Beyond this much of a refused body the connection is cut rather than read to the end. */
const DISCARD_LIMIT_BYTES = 16_000_000;

/**
 * Reads a refused body to nowhere, so the client, still sending, gets to read the answer:
 * closing at once makes it fail with a broken pipe instead of "too large". A client that keeps
 * sending past the limit is cut off.
 */
function discardBody(request: IncomingMessage): void {
  let received = 0;
  request.on("data", (chunk: Buffer) => {
    received += chunk.length;
    if (received > DISCARD_LIMIT_BYTES) request.socket.destroy();
  });
  request.resume();
}

async function main() {
  const config = resolveConfig();
  exportToProcessEnv(config);
  const dev = config.env !== "production";

  const redis = sharedRedis();
  // Several instances must share their database, files and session secret: refused otherwise, saying what to change.
  await checkClusterReadiness(config, redis);
  // Instances starting together migrate and seed one at a time.
  const report = await withStartUpLock(redis, async () => {
    const { applied } = await migrateDatabase(config.databaseUrl);
    if (applied.length) logger.info({ applied }, "database migrated");
    return prepareInstance(getDb(), config);
  });
  const db = getDb();

  const app = next({ dev, hostname: config.host, port: config.port, turbopack: dev });
  await app.prepare();
  const handle = app.getRequestHandler();
  const handleUpgrade = app.getUpgradeHandler();

  const pages = createPageGate();
  const server = createServer((request, response) => {
    const requestId = requestIdFrom(request.headers["x-request-id"]);
    request.headers["x-request-id"] = requestId;
    response.setHeader("x-request-id", requestId);
    const stopTimer = getMetrics().httpSeconds.startTimer({ kind: addressKind(request.url) });
    response.once("finish", () => stopTimer({ status: `${Math.floor(response.statusCode / 100)}xx` }));
    requestContextStore().run({ requestId }, () => {
      if (refuseOversizeBody(request, response)) return;
      recordClientAddress(request, process.env.HEARTH_TRUST_PROXY === "1");
      if (request.url?.startsWith(TRPC_PATH)) return handleTrpcRequest(request, response);
      keepDownloadLength(request, response);
      if (isPageRender(request.url)) return pages.admit(request, response, () => void handle(request, response));
      void handle(request, response);
    });
  });
  // Before anything can publish: with several instances every event goes through Redis to all of them.
  const relay = config.redisUrl ? await relayEventsThroughRedis(getEventBus(), config.redisUrl) : null;
  const realtime = attachRealtime(server, {
    db,
    authSecret: config.authSecret,
    bus: getEventBus(),
    redisUrl: config.redisUrl,
    // The processes take connections in turn, so long polling's requests would reach processes that do not hold its session.
    websocketOnly: config.processes > 1,
  });
  // With several instances each job's turn runs on one of them (cluster/job-lock.ts).
  const jobs = { redis };
  const stopPollScheduler = startPollScheduler(db, getEventBus().publish, jobs);
  const stopDecisionReviews = startDecisionReviewScheduler(db, getEventBus().publish, jobs);
  const stopMailWorker = startMailWorker(db, jobs);
  const stopDigestScheduler = startDigestScheduler(db, { hour: config.digestHour, timeZone: config.digestTimeZone }, jobs);
  const stopOrphanSweep = startOrphanSweep(db, jobs);
  const stopSearchText = startSearchTextWorker(db, getEventBus(), jobs);
  const stopAckReminders = startAckReminders(db, getEventBus().publish, jobs);
  const stopTaskReminders = startTaskScheduler(db, getEventBus().publish, jobs);
  server.on("upgrade", (request, socket, head) => {
    if (!request.url?.startsWith("/socket.io/")) void handleUpgrade(request, socket, head);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, resolve);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  // Once per machine, not once per process.
  if ((processNumber() ?? 1) === 1) console.log(formatSignInBanner(`http://${config.host}:${port}`, report));

  observeInstance({
    socketConnections: () => realtime.io.engine.clientsCount,
    documentRooms: realtime.openDocumentCount,
    mailQueueDepth: () => db.outboxMessage.count({ where: { status: "queued" } }),
  });
  setLifecyclePhase("ready");

  const shutdown = async (signal: string) => {
    logger.info({ signal }, "shutting down: draining");
    const finished = await shutDownGracefully(server, {
      whileDraining: [
        { name: "schedulers", run: () => [stopPollScheduler, stopDecisionReviews, stopDigestScheduler, stopOrphanSweep, stopSearchText, stopAckReminders, stopTaskReminders].forEach((stop) => stop()) },
        { name: "documents and sockets", run: realtime.close },
        // The text of documents edited in the last few seconds, which search was still to take.
        { name: "search", run: flushDocumentIndexes },
      ],
      afterRequests: [
        { name: "mail", run: stopMailWorker },
        { name: "cluster", run: async () => void (await Promise.all([relay?.close(), closeSharedRedis()])) },
        { name: "database", run: () => db.$disconnect() },
      ],
    });
    logger.info({ finished }, "stopped");
    process.exit(finished ? 0 : 1);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
