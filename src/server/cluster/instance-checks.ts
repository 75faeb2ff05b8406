import { createHash, randomBytes } from "node:crypto";
import { existsSync, linkSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import type { Redis } from "ioredis";
import { whileHoldingLock } from "@/server/cluster/job-lock";
import type { HearthConfig } from "@/server/config";
import { providerOf } from "@/server/db/database-provider";
import { logger } from "@/server/logger";
import { PRIVATE_FILE_MODE } from "@/server/private-files";

/** A random id each data directory is given on first start, so instances can tell whether they share one. */
export const VOLUME_ID_FILE = "volume-id";
/** What the first instance recorded; later ones must match. Kept until deleted by hand (see the messages). */
const DATA_VOLUME_KEY = "hearth:cluster:data-volume";
const AUTH_SECRET_KEY = "hearth:cluster:auth-secret";
const SQLITE_FILE_KEY = "hearth:cluster:sqlite-file";

/** A SQLite database as "machine:absolute path": the same for processes sharing the file, different for another machine's. */
function sqliteFileOf(databaseUrl: string): string {
  return `${hostname()}:${path.resolve(databaseUrl.slice("file:".length))}`;
}

/** Reads the data directory's id, creating it whole (never half-written, even with instances starting at once) when missing. */
function dataVolumeId(dataDir: string): string {
  const file = path.join(dataDir, VOLUME_ID_FILE);
  if (!existsSync(file)) {
    const draft = path.join(dataDir, `.${VOLUME_ID_FILE}-${randomBytes(6).toString("hex")}`);
    writeFileSync(draft, randomBytes(16).toString("hex") + "\n", { mode: PRIVATE_FILE_MODE });
    try {
      linkSync(draft, file);
    } catch (error) {
      // Another instance sharing the directory made it first: its id is the directory's.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      rmSync(draft, { force: true });
    }
  }
  return readFileSync(file, "utf8").trim();
}

/** A fingerprint of the auth secret that says nothing usable about the secret itself. */
function secretFingerprint(secret: string): string {
  return createHash("sha256").update(`hearth auth secret fingerprint\0${secret}`).digest("hex");
}

/** Records `value` at `key` unless an instance did already; answers what is recorded. */
async function recordOnce(redis: Redis, key: string, value: string): Promise<string> {
  for (;;) {
    if ((await redis.set(key, value, "NX")) === "OK") return value;
    const recorded = await redis.get(key);
    if (recorded !== null) return recorded;
  }
}

const startOver = (key: string) =>
  `If you changed it on purpose, stop every instance, delete the record (redis-cli DEL ${key}), then start them again.`;

/**
 * With REDIS_URL set, this instance is one of several behind one address. Throws, saying what to
 * change, when that cannot work:
 * - DATABASE_URL is a SQLite file other than the one the other instances use, or on another
 *   machine (processes on one machine share a SQLite file; machines cannot);
 * - uploads are on local disk (no S3_BUCKET) and the data directory is not the one the other
 *   instances use, so each would keep only the files that reached it;
 * - NEXTAUTH_SECRET differs from the other instances', so people would be signed out whenever
 *   they reach another instance.
 * The first instance records its data directory's id and a fingerprint of its secret in Redis;
 * the others compare theirs. Without Redis (a single instance) there is nothing to check.
 */
export async function checkClusterReadiness(
  config: Pick<HearthConfig, "databaseUrl" | "dataDir" | "authSecret">,
  redis: Redis | null,
  env: Record<string, string | undefined> = process.env,
): Promise<void> {
  if (!redis) return;
  if (providerOf(config.databaseUrl) === "sqlite") {
    const file = sqliteFileOf(config.databaseUrl);
    const recorded = await reachRedis(() => recordOnce(redis, SQLITE_FILE_KEY, file));
    if (recorded !== file) {
      throw new Error(
        `REDIS_URL is set, so this is one of several instances, and DATABASE_URL is a SQLite file (${file}), but the other instances use ${recorded}: ` +
          "a SQLite file is shared only by processes on one machine using the same file. " +
          "Run the processes on one machine with the same DATABASE_URL (HEARTH_PROCESSES starts several for you), " +
          "or set DATABASE_URL to the PostgreSQL database every instance uses (postgresql://…). " +
          startOver(SQLITE_FILE_KEY),
      );
    }
  }
  if (!env.S3_BUCKET) {
    const volume = dataVolumeId(config.dataDir);
    if ((await reachRedis(() => recordOnce(redis, DATA_VOLUME_KEY, volume))) !== volume) {
      throw new Error(
        `REDIS_URL is set, so this is one of several instances, but its data directory (${config.dataDir}) is not the one the other instances use, ` +
          "and uploads would be split between instances: people would see only the files that reached theirs. " +
          "Mount one shared data directory on every instance (HEARTH_DATA_DIR), or set S3_BUCKET to keep uploads in S3. " +
          startOver(DATA_VOLUME_KEY),
      );
    }
  }
  const fingerprint = secretFingerprint(config.authSecret);
  if ((await reachRedis(() => recordOnce(redis, AUTH_SECRET_KEY, fingerprint))) !== fingerprint) {
    throw new Error(
      "NEXTAUTH_SECRET on this instance differs from the other instances': people would be signed out whenever they reach another instance. " +
        "Give every instance the same NEXTAUTH_SECRET (unset, each uses the one in its data directory). " +
        startOver(AUTH_SECRET_KEY),
    );
  }
}

async function reachRedis<T>(ask: () => Promise<T>): Promise<T> {
  try {
    return await ask();
  } catch (error) {
    // The URL is not repeated: it may hold a password.
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not reach Redis (REDIS_URL) to check this instance against the others: ${reason}`, { cause: error });
  }
}

/** Migrations on a large database can take minutes; an instance waits this long for another's start-up. */
export const START_UP_WAIT_MS = 5 * 60_000;

/**
 * Runs `run` (migrations and preparing the instance, in serve.ts) while no other instance runs
 * its own, so two instances starting at once do not migrate the same database together or both
 * create the first administrator. Without Redis it just runs.
 */
export async function withStartUpLock<T>(redis: Redis | null, run: () => Promise<T>, waitMs = START_UP_WAIT_MS): Promise<T> {
  if (!redis) return run();
  const [amount, unit] = waitMs >= 60_000 ? [Math.round(waitMs / 60_000), "minute"] : [Math.max(1, Math.round(waitMs / 1000)), "second"];
  return whileHoldingLock(redis, "hearth:start-up", run, {
    waitMs,
    ttlMs: 30_000,
    onWait: () => logger.info("another instance is starting up (migrating the database); waiting for it to finish"),
    timeoutMessage:
      `Another Hearth instance has been starting up (migrating the database) for over ${amount} ${unit}${amount === 1 ? "" : "s"}, so this one stopped waiting. ` +
      "Check that instance's log; if it is no longer running, its hold on start-up (hearth:start-up in Redis) ends by itself within 30 seconds: start this one again.",
  });
}
