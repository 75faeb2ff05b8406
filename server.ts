import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { formatSignInBanner, prepareInstance } from "@/server/bootstrap/start-up";
import { exportToProcessEnv, resolveConfig } from "@/server/config";
import { getDb } from "@/server/db";
import { migrateDatabase } from "@/server/db/migrate";
import { recordClientAddress } from "@/server/auth/client-address";
import { getEventBus } from "@/server/events";
import { startOrphanSweep } from "@/server/files/cleanup";
import { keepDownloadLength } from "@/server/files/download-length";
import { logger } from "@/server/logger";
import { startMailWorker } from "@/server/mail/worker";
import { startDigestScheduler } from "@/server/notifications/digest";
import { startPollScheduler } from "@/server/polls/scheduler";
import { attachRealtime } from "@/server/realtime/socket-server";

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
  response.writeHead(status, { "content-type": "application/json", connection: "close" });
  response.end(JSON.stringify({ error: { message } }));
  request.resume();
  return true;
}

async function main() {
  const config = resolveConfig();
  exportToProcessEnv(config);
  const dev = config.env !== "production";

  const { applied } = await migrateDatabase(config.databaseUrl);
  if (applied.length) logger.info({ applied }, "database migrated");
  const db = getDb();
  const report = await prepareInstance(db, config);

  const app = next({ dev, hostname: config.host, port: config.port, turbopack: dev });
  await app.prepare();
  const handle = app.getRequestHandler();
  const handleUpgrade = app.getUpgradeHandler();

  const server = createServer((request, response) => {
    if (refuseOversizeBody(request, response)) return;
    recordClientAddress(request, process.env.HEARTH_TRUST_PROXY === "1");
    keepDownloadLength(request, response);
    void handle(request, response);
  });
  const realtime = attachRealtime(server, { db, authSecret: config.authSecret, bus: getEventBus() });
  const stopPollScheduler = startPollScheduler(db, getEventBus().publish);
  const stopMailWorker = startMailWorker(db);
  const stopDigestScheduler = startDigestScheduler(db, { hour: config.digestHour, timeZone: config.digestTimeZone });
  const stopOrphanSweep = startOrphanSweep(db);
  server.on("upgrade", (request, socket, head) => {
    if (!request.url?.startsWith("/socket.io/")) void handleUpgrade(request, socket, head);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, resolve);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  console.log(formatSignInBanner(`http://${config.host}:${port}`, report));

  const shutdown = async (signal: string) => {
    logger.info({ signal }, "shutting down");
    stopPollScheduler();
    stopMailWorker();
    stopDigestScheduler();
    stopOrphanSweep();
    await realtime.close();
    await db.$disconnect();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
