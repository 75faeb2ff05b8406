import { runJobTurn, type JobSchedule } from "@/server/cluster/job-lock";
import type { Db } from "@/server/db";
import type { EventBus } from "@/server/events";
import type { FileStorage } from "@/server/files/storage";
import { logger } from "@/server/logger";
import { indexStaleText } from "@/server/search/documents-index";
import { extractPendingFileTexts } from "@/server/search/resource-text";

/** Text waiting since a restart or an import is taken within this long, even with no event to wake the worker. */
export const SEARCH_TEXT_INTERVAL_MS = 60_000;

/**
 * The text search cannot take inside a trigger: the files of resources (woken when a resource
 * changes, so a new upload is searchable within seconds) and stale documents and named versions.
 * Runs at start-up, on each wake and every interval, one pass at a time per instance and one
 * instance at a time (cluster/job-lock.ts), off the request path: an upload never waits for it.
 * Answers a function that stops it.
 */
export function startSearchTextWorker(db: Db, bus: EventBus, { redis, intervalMs = SEARCH_TEXT_INTERVAL_MS }: JobSchedule, storage?: FileStorage): () => void {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const pass = async () => {
    const turn = await runJobTurn("search-text", redis, async () => ({
      documents: await indexStaleText(db),
      files: await extractPendingFileTexts(db, storage),
    }));
    if (turn.ran && turn.result.documents + turn.result.files > 0) logger.info(turn.result, "took text for search");
  };
  const wake = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await pass().catch((error: unknown) => logger.error({ err: error }, "taking text for search failed"));
      } while (again && !stopped);
      running = null;
    })();
  };
  const unsubscribe = bus.subscribe((event) => {
    if (event.name === "resource.changed") wake();
  });
  wake();
  const timer = setInterval(wake, intervalMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
    unsubscribe();
  };
}
