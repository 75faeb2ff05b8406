import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import type { Redis } from "ioredis";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { checkClusterReadiness, VOLUME_ID_FILE, withStartUpLock } from "@/server/cluster/instance-checks";
import { testRedis } from "@/server/test/redis";

const POSTGRES = "postgresql://hearth:secret@db.internal:5432/hearth";
const SECRET = "a-secret-every-instance-shares-0123456789";
const S3 = { S3_BUCKET: "hearth-files" };
const NO_S3 = {};

const directories: string[] = [];
afterAll(() => directories.forEach((directory) => rmSync(directory, { recursive: true, force: true })));

function dataDirectory(): string {
  const directory = mkdtempSync(path.join(tmpdir(), "hearth-instance-"));
  directories.push(directory);
  return directory;
}

let redis: Redis;
beforeEach(async () => {
  redis = await testRedis();
  await redis.flushall();
});

const instance = (overrides: { dataDir?: string; databaseUrl?: string; authSecret?: string } = {}) => ({
  dataDir: overrides.dataDir ?? dataDirectory(),
  databaseUrl: overrides.databaseUrl ?? POSTGRES,
  authSecret: overrides.authSecret ?? SECRET,
});

describe("checkClusterReadiness", () => {
  it("has nothing to check for a single instance (no Redis), even on SQLite", async () => {
    await expect(checkClusterReadiness(instance({ databaseUrl: "file:./data/hearth.db" }), null, NO_S3)).resolves.toBeUndefined();
  });

  it("lets processes on one machine share a SQLite file, and refuses an instance with another file", async () => {
    await checkClusterReadiness(instance({ databaseUrl: "file:/srv/hearth/hearth.db" }), redis, S3);
    await expect(checkClusterReadiness(instance({ databaseUrl: "file:/srv/hearth/../hearth/hearth.db" }), redis, S3)).resolves.toBeUndefined();
    await expect(checkClusterReadiness(instance({ databaseUrl: "file:/srv/other/hearth.db" }), redis, S3)).rejects.toThrow(
      `DATABASE_URL is a SQLite file (${hostname()}:/srv/other/hearth.db), but the other instances use ${hostname()}:/srv/hearth/hearth.db: ` +
        "a SQLite file is shared only by processes on one machine using the same file. " +
        "Run the processes on one machine with the same DATABASE_URL (HEARTH_PROCESSES starts several for you), " +
        "or set DATABASE_URL to the PostgreSQL database every instance uses (postgresql://…).",
    );
  });

  it("lets instances sharing one data directory start, and refuses one with a data directory of its own", async () => {
    const shared = dataDirectory();
    await Promise.all([checkClusterReadiness(instance({ dataDir: shared }), redis, NO_S3), checkClusterReadiness(instance({ dataDir: shared }), await testRedis(), NO_S3)]);
    const id = readFileSync(path.join(shared, VOLUME_ID_FILE), "utf8").trim();
    expect(id).toMatch(/^[0-9a-f]{32}$/);

    const apart = dataDirectory();
    const refusal = checkClusterReadiness(instance({ dataDir: apart }), redis, NO_S3);
    await expect(refusal).rejects.toThrow(`its data directory (${apart}) is not the one the other instances use`);
    await expect(refusal).rejects.toThrow(
      "uploads would be split between instances: people would see only the files that reached theirs. " +
        "Mount one shared data directory on every instance (HEARTH_DATA_DIR), or set S3_BUCKET to keep uploads in S3.",
    );
    await checkClusterReadiness(instance({ dataDir: shared }), redis, NO_S3);
    expect(readFileSync(path.join(shared, VOLUME_ID_FILE), "utf8").trim()).toBe(id);
  });

  it("lets instances with data directories of their own start when uploads go to S3", async () => {
    await checkClusterReadiness(instance(), redis, S3);
    await expect(checkClusterReadiness(instance(), redis, S3)).resolves.toBeUndefined();
  });

  it("refuses an instance whose NEXTAUTH_SECRET differs from the others', saying people would be signed out", async () => {
    await checkClusterReadiness(instance(), redis, S3);
    await expect(checkClusterReadiness(instance({ authSecret: "another-secret-of-at-least-32-characters" }), redis, S3)).rejects.toThrow(
      "NEXTAUTH_SECRET on this instance differs from the other instances': people would be signed out whenever they reach another instance. " +
        "Give every instance the same NEXTAUTH_SECRET",
    );
    expect(JSON.stringify(await redis.mget(await redis.keys("hearth:*")))).not.toContain(SECRET);
  });

  it("starts again after the records are deleted as the message says, e.g. after moving to a new shared directory", async () => {
    await checkClusterReadiness(instance(), redis, NO_S3);
    const moved = instance();
    await expect(checkClusterReadiness(moved, redis, NO_S3)).rejects.toThrow(/redis-cli DEL hearth:cluster:data-volume/);
    await redis.del("hearth:cluster:data-volume");
    await expect(checkClusterReadiness(moved, redis, NO_S3)).resolves.toBeUndefined();
  });
});

describe("withStartUpLock", () => {
  it("runs one instance's start-up at a time when several start at once", async () => {
    let running = 0;
    let mostAtOnce = 0;
    const startUp = (name: string) => async () => {
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      await delay(100);
      running -= 1;
      return name;
    };
    const others = [await testRedis(), await testRedis()];
    const started = await Promise.all([withStartUpLock(redis, startUp("a")), withStartUpLock(others[0]!, startUp("b")), withStartUpLock(others[1]!, startUp("c"))]);
    expect(started).toEqual(["a", "b", "c"]);
    expect(mostAtOnce).toBe(1);
  });

  it("gives up waiting for another instance's start-up after a while, saying what to check", async () => {
    let finish = () => {};
    const slow = withStartUpLock(redis, () => new Promise<void>((resolve) => (finish = resolve)));
    await vi.waitFor(async () => expect(await redis.exists("hearth:start-up")).toBe(1));
    await expect(withStartUpLock(await testRedis(), async () => "never", 1000)).rejects.toThrow(
      /^Another Hearth instance has been starting up \(migrating the database\) for over 1 second, so this one stopped waiting\. Check that instance's log/,
    );
    finish();
    await slow;
  });

  it("just runs without Redis", async () => {
    await expect(withStartUpLock(null, async () => "alone")).resolves.toBe("alone");
  });
});
