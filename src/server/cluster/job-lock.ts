import { randomBytes } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import type { Redis } from "ioredis";
import { logger } from "@/server/logger";
import { countJobRun, getMetrics } from "@/server/observability/metrics";

/** Deletes the lock only while it is still ours: once it expired, another instance may hold it. */
const RELEASE = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) end return 0`;
/** Extends the lock only while it is still ours. */
const RENEW = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("PEXPIRE", KEYS[1], ARGV[2]) end return 0`;

export type HeldLock = { release(): Promise<void> };

/**
 * Takes the lock at `key` if nobody holds it (`SET key <random token> NX PX ttlMs`), or answers
 * null. While held it is extended every third of `ttlMs`, so a run of any length keeps it, and a
 * run whose process dies frees it within `ttlMs`. Release deletes it only if the token is still
 * ours. Rejects when Redis cannot be reached.
 */
export async function takeLock(redis: Redis, key: string, ttlMs: number): Promise<HeldLock | null> {
  const token = randomBytes(16).toString("hex");
  if ((await redis.set(key, token, "PX", ttlMs, "NX")) !== "OK") return null;
  const renewal = setInterval(() => {
    redis.eval(RENEW, 1, key, token, ttlMs).then(
      (renewed) => {
        if (renewed !== 1) {
          clearInterval(renewal);
          logger.warn({ key }, "a lock expired before its run ended (the process stalled or Redis restarted)");
        }
      },
      (error: unknown) => logger.warn({ err: error, key }, "could not extend a lock; it expires unless a later try succeeds"),
    );
  }, Math.max(1, Math.floor(ttlMs / 3)));
  renewal.unref();
  return {
    async release() {
      clearInterval(renewal);
      // Left in place it expires by itself within ttlMs, so a failure here costs one skipped turn at most.
      await redis.eval(RELEASE, 1, key, token).catch((error: unknown) => logger.warn({ err: error, key }, "could not release a lock"));
    },
  };
}

/** How a background job is started: the Redis shared by the instances (null for a single instance), and how often it runs. */
export type JobSchedule = { redis: Redis | null; intervalMs?: number };

/**
 * A job turn's lock lives this long without renewal: short enough that a crashed instance holds up
 * the others for a minute at most, while renewal keeps it for as long as the run takes.
 */
export const JOB_LOCK_TTL_MS = 60_000;

export type JobTurn<T> = { ran: true; result: T } | { ran: false };

/**
 * One turn of background job `job` (polls, digest, mail, orphan-sweep), run by whichever instance
 * takes `hearth:job:<job>` first; the others skip the turn, counted as outcome "skipped" in
 * hearth_job_runs_total. The job's own claims in the database stay the guarantee that nothing is
 * done twice; the lock is what keeps the instances from all doing the same work at once.
 *
 * Without Redis (one instance) the turn always runs. When Redis cannot be reached it runs too,
 * with a warning: those claims still keep each close, digest and email to once, and mail and
 * poll closing stopping with Redis would be worse than instances overlapping for a while.
 */
export async function runJobTurn<T>(job: string, redis: Redis | null, run: () => Promise<T>, ttlMs = JOB_LOCK_TTL_MS): Promise<JobTurn<T>> {
  let lock: HeldLock | null = null;
  if (redis) {
    try {
      lock = await takeLock(redis, `hearth:job:${job}`, ttlMs);
      if (!lock) {
        getMetrics().jobRuns.inc({ job, outcome: "skipped" });
        return { ran: false };
      }
    } catch (error) {
      logger.warn({ err: error, job }, "job lock unavailable (Redis unreachable): running this turn without it");
    }
  }
  try {
    return { ran: true, result: await countJobRun(job, run()) };
  } finally {
    await lock?.release();
  }
}

/**
 * Runs `run` holding the lock at `key`, first waiting (checking every `pollMs`, calling `onWait`
 * once) while another holder has it; after `waitMs` of waiting it fails with `timeoutMessage`.
 */
export async function whileHoldingLock<T>(
  redis: Redis,
  key: string,
  run: () => Promise<T>,
  options: { waitMs: number; timeoutMessage: string; ttlMs?: number; pollMs?: number; onWait?: () => void },
): Promise<T> {
  const giveUpAt = Date.now() + options.waitMs;
  for (let tries = 0; ; tries += 1) {
    const lock = await takeLock(redis, key, options.ttlMs ?? 30_000);
    if (lock) {
      try {
        return await run();
      } finally {
        await lock.release();
      }
    }
    if (Date.now() >= giveUpAt) throw new Error(options.timeoutMessage);
    if (tries === 0) options.onWait?.();
    await delay(options.pollMs ?? 250);
  }
}
