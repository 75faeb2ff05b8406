import type { Db } from "@/server/db";
import { deliverDueMail, MAIL_BATCH_SIZE, removeLeftoverOneTimeLinks } from "@/server/mail/delivery";
import { onMailQueued } from "@/server/mail/service";
import { logger } from "@/server/logger";
import { countJobRun } from "@/server/observability/metrics";

/**
 * Delivers the outbox in the server process: a pass at start-up (mail queued while the server
 * was down), one every `intervalMs` (retries that came due), and one soon after anything is
 * queued. Passes never overlap. Without SMTP_URL the passes do nothing and mail stays in the outbox.
 * At start-up it also clears one-time links that older versions left in sent mail. Stopping
 * resolves once a pass under way has finished, so no claimed message is left mid-send.
 */
export function startMailWorker(db: Db, intervalMs = 15_000): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const pass = async () => {
    try {
      do {
        again = false;
        const report = await countJobRun("mail", deliverDueMail(db));
        if (report.sent + report.retrying + report.failed >= MAIL_BATCH_SIZE) again = true;
      } while (again && !stopped);
    } catch (error) {
      logger.error({ err: error }, "mail delivery pass failed");
    } finally {
      running = null;
    }
  };
  const run = () => {
    if (running) {
      again = true;
      return running;
    }
    running = pass();
    return running;
  };
  let wakeTimer: NodeJS.Timeout | undefined;
  // Several messages queued by one request go out in one pass.
  const wake = () => {
    wakeTimer ??= setTimeout(() => {
      wakeTimer = undefined;
      void run();
    }, 200);
  };
  onMailQueued(wake);
  removeLeftoverOneTimeLinks(db).catch((error: unknown) => logger.error({ err: error }, "removing one-time links from sent mail failed"));
  void run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    clearTimeout(wakeTimer);
    onMailQueued(undefined);
    await running;
  };
}
