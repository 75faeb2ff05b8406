import { runJobTurn, type JobSchedule } from "@/server/cluster/job-lock";
import type { Db } from "@/server/db";
import { deliverDueMail, MAIL_BATCH_SIZE, removeLeftoverOneTimeLinks } from "@/server/mail/delivery";
import { onMailQueued } from "@/server/mail/service";
import { logger } from "@/server/logger";

/** A pass asked for by new mail soon after it is queued, so several messages of one request go in one pass. */
const WAKE_DELAY_MS = 200;
/** When another instance's pass is under way, new mail queued here is looked for again this soon. */
const BUSY_RETRY_MS = 1000;

/**
 * Delivers the outbox in the server process: a pass at start-up (mail queued while the server
 * was down), one every `intervalMs` (retries that came due), and one soon after anything is
 * queued. Passes never overlap, on this instance or across instances (cluster/job-lock.ts): when
 * another instance's pass is under way, mail queued here is looked for again a moment later, as
 * that pass may have started before it was queued. Without SMTP_URL the passes do nothing and
 * mail stays in the outbox. At start-up it also clears one-time links that older versions left in
 * sent mail. Stopping resolves once a pass under way has finished, so no claimed message is left
 * mid-send.
 */
export function startMailWorker(db: Db, { redis, intervalMs = 15_000 }: JobSchedule): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  /** Mail was queued here since the last pass that ran began. */
  let queuedHere = false;
  const pass = async () => {
    try {
      do {
        again = false;
        const lookingForQueued = queuedHere;
        queuedHere = false;
        const turn = await runJobTurn("mail", redis, () => deliverDueMail(db));
        if (!turn.ran) {
          if (lookingForQueued || queuedHere) wake(BUSY_RETRY_MS);
          break;
        }
        const report = turn.result;
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
  function wake(delayMs = WAKE_DELAY_MS) {
    if (stopped) return;
    queuedHere = true;
    wakeTimer ??= setTimeout(() => {
      wakeTimer = undefined;
      void run();
    }, delayMs);
  }
  onMailQueued(() => wake());
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
