import type { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { freePort } from "../../scripts/support/free-port";
import { connectRedis } from "@/server/cluster/redis";
import {
  FailureBackoff,
  limitSocketEvents,
  processLimiter,
  RedisSignInThrottle,
  RedisTokenBucket,
  SignInThrottle,
  SOCKET_EVENT_LIMITS,
  SOCKET_TOO_FAST,
  TokenBucketLimiter,
  tooManySignInAttempts,
  tryAgainIn,
} from "@/server/rate-limit";
import { testRedis } from "@/server/test/redis";

const MINUTE = 60_000;

describe("TokenBucketLimiter", () => {
  it("allows a burst, then one more per refill, per key", () => {
    const limiter = new TokenBucketLimiter({ burst: 3, perSecond: 1 });
    const t = 1_000_000;
    expect([1, 2, 3].map(() => limiter.take("a", t).ok)).toEqual([true, true, true]);
    expect(limiter.take("a", t)).toEqual({ ok: false, retryAfterMs: 1000 });
    expect(limiter.take("b", t).ok).toBe(true);
    expect(limiter.take("a", t + 500)).toEqual({ ok: false, retryAfterMs: 500 });
    expect(limiter.take("a", t + 1000).ok).toBe(true);
    expect(limiter.take("a", t + 1000).ok).toBe(false);
  });

  it("lets a steady pace below the rate through forever", () => {
    const limiter = new TokenBucketLimiter({ burst: 2, perSecond: 5 });
    for (let step = 0; step < 1000; step++) expect(limiter.take("typist", step * 250).ok).toBe(true);
  });

  it("refills to the burst at most, however long the pause", () => {
    const limiter = new TokenBucketLimiter({ burst: 2, perSecond: 1 });
    limiter.take("a", 0);
    limiter.take("a", 0);
    const later = 10 * MINUTE;
    expect([1, 2, 3].map(() => limiter.take("a", later).ok)).toEqual([true, true, false]);
  });

  it("keeps memory bounded: the least recently used keys are forgotten", () => {
    const limiter = new TokenBucketLimiter({ burst: 1, perSecond: 0.001, maxKeys: 2 });
    limiter.take("old", 0);
    limiter.take("b", 0);
    limiter.take("c", 0);
    expect(limiter.take("old", 0).ok).toBe(true);
    expect(limiter.take("c", 0).ok).toBe(false);
  });
});

describe("FailureBackoff", () => {
  it("locks after the free failures, doubling up to the maximum, and forgets after a quiet hour", () => {
    const backoff = new FailureBackoff({ free: 2, firstLockMs: MINUTE, maxLockMs: 4 * MINUTE, forgetAfterMs: 60 * MINUTE });
    backoff.fail("k", 0);
    backoff.fail("k", 0);
    expect(backoff.retryAfter("k", 0)).toBe(0);
    const locks = [1, 2, 4, 4].map((_, index) => {
      const at = index * 10 * MINUTE;
      backoff.fail("k", at);
      return backoff.retryAfter("k", at) / MINUTE;
    });
    expect(locks).toEqual([1, 2, 4, 4]);
    expect(backoff.retryAfter("k", 30 * MINUTE + 4 * MINUTE)).toBe(0);
    backoff.fail("k", 30 * MINUTE + 61 * MINUTE);
    expect(backoff.retryAfter("k", 30 * MINUTE + 61 * MINUTE)).toBe(0);
  });
});

describe("SignInThrottle", () => {
  const attempt = (email: string, address: string | null = "203.0.113.9") => ({ email, address });

  it("lets five attempts on an account through, then makes it wait, longer each time", () => {
    const throttle = new SignInThrottle();
    for (let n = 0; n < 6; n++) expect(throttle.begin(attempt("ann@example.test"), 0).ok).toBe(true);
    expect(throttle.begin(attempt("ann@example.test"), 0)).toEqual({ ok: false, retryAfterMs: MINUTE });
    expect(throttle.begin(attempt("ann@example.test"), MINUTE).ok).toBe(true);
    expect(throttle.begin(attempt("ann@example.test"), MINUTE)).toEqual({ ok: false, retryAfterMs: 2 * MINUTE });
    expect(throttle.begin(attempt("bob@example.test", "198.51.100.7"), MINUTE).ok).toBe(true);
  });

  it("starts an account afresh after a right password, and after a password reset", () => {
    const throttle = new SignInThrottle();
    for (let n = 0; n < 4; n++) throttle.begin(attempt("ann@example.test"), 0);
    throttle.succeeded(attempt("ann@example.test"), 0);
    for (let n = 0; n < 6; n++) expect(throttle.begin(attempt("ann@example.test"), 0).ok).toBe(true);
    expect(throttle.begin(attempt("ann@example.test"), 0).ok).toBe(false);
    throttle.clearAccount("ann@example.test");
    expect(throttle.begin(attempt("ann@example.test"), 0).ok).toBe(true);
  });

  it("limits one address trying many accounts, without a right password on its own account resetting it", () => {
    const throttle = new SignInThrottle();
    for (let n = 0; n < 31; n++) {
      expect(throttle.begin(attempt(`victim${n}@example.test`), 0).ok).toBe(true);
      if (n % 5 === 0) {
        throttle.begin(attempt("me@example.test"), 0);
        throttle.succeeded(attempt("me@example.test"), 0);
      }
    }
    expect(throttle.begin(attempt("another@example.test"), 0)).toEqual({ ok: false, retryAfterMs: MINUTE });
    expect(throttle.begin(attempt("another@example.test", "198.51.100.7"), 0).ok).toBe(true);
  });
});

describe("messages", () => {
  it("say when to try again in whole minutes or seconds", () => {
    expect(tooManySignInAttempts(MINUTE)).toBe("Too many attempts. Try again in 1 minute.");
    expect(tooManySignInAttempts(4 * MINUTE - 1)).toBe("Too many attempts. Try again in 4 minutes.");
    expect(tryAgainIn(1)).toBe("Try again in 1 second.");
    expect(tryAgainIn(12_300)).toBe("Try again in 13 seconds.");
  });
});

describe("limitSocketEvents", () => {
  function run(middleware: ReturnType<typeof limitSocketEvents>, event: string, answer?: (reply: unknown) => void) {
    let passed = false;
    middleware(answer ? [event, "doc", answer] : [event, "doc"], () => (passed = true));
    return passed;
  }

  it("lets a document's typing through and answers a flood's extra updates with a reason", () => {
    const middleware = limitSocketEvents();
    const { burst } = SOCKET_EVENT_LIMITS["document.update"]!;
    const replies: unknown[] = [];
    const passed = Array.from({ length: burst + 5 }, () => run(middleware, "document.update", (reply) => replies.push(reply)));
    expect(passed.filter(Boolean)).toHaveLength(burst);
    expect(replies).toEqual(Array.from({ length: 5 }, () => ({ ok: false, reason: SOCKET_TOO_FAST })));
    expect(run(middleware, "document.awareness")).toBe(true);
  });

  it("counts each socket on its own, and unknown events together", () => {
    const [first, second] = [limitSocketEvents(), limitSocketEvents()];
    const { burst } = SOCKET_EVENT_LIMITS.other!;
    for (let n = 0; n < burst; n++) run(first, n % 2 ? "thread.join" : "made.up");
    expect(run(first, "document.leave")).toBe(false);
    expect(run(second, "document.leave")).toBe(true);
  });
});

describe("processLimiter", () => {
  it("hands out one limiter per name", () => {
    const made = processLimiter("test:one", () => new TokenBucketLimiter({ burst: 1, perSecond: 1 }));
    expect(processLimiter("test:one", () => new TokenBucketLimiter({ burst: 5, perSecond: 1 }))).toBe(made);
  });
});

/** Two Hearth instances: each with its own connection to the one Redis. */
const twoInstances = async () => [await testRedis(), await testRedis()] as const;

/** Every Hearth key in Redis expires, so the counts of passers-by never pile up. */
async function expectAllToExpire(redis: Redis) {
  const keys = await redis.keys("hearth:*");
  expect(keys.length).toBeGreaterThan(0);
  for (const key of keys) expect(await redis.pttl(key), key).toBeGreaterThan(0);
}

/** A Redis nobody answers at: a free port with nothing listening. */
async function unreachableRedis(): Promise<Redis> {
  return connectRedis(`redis://127.0.0.1:${await freePort()}`, "test-unreachable");
}

describe("RedisTokenBucket (several instances)", () => {
  it("draws every instance's takes from one bucket per key, and the buckets expire", async () => {
    const [a, b] = await twoInstances();
    const rate = { burst: 3, perSecond: 0.01 };
    const [onA, onB] = [new RedisTokenBucket(a, "shared-budget", rate), new RedisTokenBucket(b, "shared-budget", rate)];
    expect([await onA.take("ann"), await onB.take("ann"), await onA.take("ann")].map(({ ok }) => ok)).toEqual([true, true, true]);
    const refused = await onB.take("ann");
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.retryAfterMs).toBeGreaterThan(99_000);
    expect(!refused.ok && refused.retryAfterMs).toBeLessThanOrEqual(100_000);
    expect((await onA.take("ann")).ok).toBe(false);
    expect((await onB.take("bob")).ok).toBe(true);
    await expectAllToExpire(a);
  });

  it("counts takes sent at the same moment through both instances exactly", async () => {
    const [a, b] = await twoInstances();
    const rate = { burst: 5, perSecond: 0.01 };
    const limiters = [new RedisTokenBucket(a, "parallel", rate), new RedisTokenBucket(b, "parallel", rate)];
    const answers = await Promise.all(Array.from({ length: 20 }, (_, n) => limiters[n % 2]!.take("ann")));
    expect(answers.filter(({ ok }) => ok)).toHaveLength(5);
  });

  it("lets actions through when Redis cannot be reached", async () => {
    const redis = await unreachableRedis();
    try {
      const limiter = new RedisTokenBucket(redis, "down", { burst: 1, perSecond: 0.01 });
      expect([await limiter.take("ann"), await limiter.take("ann")]).toEqual([{ ok: true }, { ok: true }]);
    } finally {
      redis.disconnect();
    }
  });
});

describe("RedisSignInThrottle (several instances)", () => {
  const attempt = (email: string, address: string | null = "203.0.113.9") => ({ email, address });

  it("locks an account after five free attempts made through either instance, and a right password on one frees it on both", async () => {
    const [a, b] = await twoInstances();
    const [onA, onB] = [new RedisSignInThrottle(a), new RedisSignInThrottle(b)];
    for (let n = 0; n < 6; n++) expect((await [onA, onB][n % 2]!.begin(attempt("ann@example.test"))).ok).toBe(true);
    const refused = await onA.begin(attempt("ann@example.test", "198.51.100.7"));
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.retryAfterMs).toBeGreaterThan(MINUTE - 2000);
    expect(!refused.ok && refused.retryAfterMs).toBeLessThanOrEqual(MINUTE);
    expect((await onB.begin(attempt("bob@example.test"))).ok).toBe(true);

    await onB.clearAccount("ann@example.test");
    for (let n = 0; n < 4; n++) await onA.begin(attempt("ann@example.test"));
    await onB.succeeded(attempt("ann@example.test"));
    for (let n = 0; n < 6; n++) expect((await onA.begin(attempt("ann@example.test"))).ok).toBe(true);
    expect((await onB.begin(attempt("ann@example.test"))).ok).toBe(false);
    await expectAllToExpire(a);
  });

  it("counts guesses sent at once through both instances before any is let past the limit", async () => {
    const [a, b] = await twoInstances();
    const throttles = [new RedisSignInThrottle(a), new RedisSignInThrottle(b)];
    const answers = await Promise.all(Array.from({ length: 12 }, (_, n) => throttles[n % 2]!.begin(attempt("carol@example.test", null))));
    expect(answers.filter(({ ok }) => ok)).toHaveLength(6);
  });

  it("limits one address trying many accounts through both instances", async () => {
    const [a, b] = await twoInstances();
    const throttles = [new RedisSignInThrottle(a), new RedisSignInThrottle(b)];
    for (let n = 0; n < 31; n++) expect((await throttles[n % 2]!.begin(attempt(`victim${n}@example.test`, "192.0.2.44"))).ok).toBe(true);
    expect(await throttles[0]!.begin(attempt("another@example.test", "192.0.2.44"))).toMatchObject({ ok: false });
  });

  it("counts in the instance's memory when Redis cannot be reached, still locking the account", async () => {
    const redis = await unreachableRedis();
    try {
      const throttle = new RedisSignInThrottle(redis);
      for (let n = 0; n < 6; n++) expect((await throttle.begin(attempt("dan@example.test"))).ok).toBe(true);
      expect(await throttle.begin(attempt("dan@example.test"))).toMatchObject({ ok: false });
      await throttle.clearAccount("dan@example.test");
      expect((await throttle.begin(attempt("dan@example.test"))).ok).toBe(true);
    } finally {
      redis.disconnect();
    }
  });
});
