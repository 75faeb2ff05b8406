import type { Redis } from "ioredis";
import { sharedRedis } from "@/server/cluster/redis";
import { logger } from "@/server/logger";

/**
 * Rate limits for the ways one person or one script could swamp Hearth: guessing passwords,
 * bursts of comments, votes, uploads and PDF exports, floods of socket events.
 *
 * Each limit has one interface and two implementations. With one instance the counts live in
 * this process's memory (a restart forgets them). With REDIS_URL set (several instances behind one
 * address) they live in Redis, so every instance draws on one budget: each operation is one Lua
 * script, atomic however many instances ask at once, using Redis's clock, and every key expires
 * once it would hold nothing worth remembering. Socket event limits stay in memory everywhere:
 * a socket lives on one instance.
 */

/** What a limiter answers: go ahead, or wait this long before trying again. */
export type Allowance = { ok: true } | { ok: false; retryAfterMs: number };

type Awaitable<T> = T | Promise<T>;

/** Takes one action's token for `key` (a person, an address); answers from memory, or from Redis. */
export interface RateLimiter {
  take(key: string): Awaitable<Allowance>;
}

/** A token bucket's size and refill rate. */
export type Rate = { burst: number; perSecond: number };

/**
 * A Map that keeps at most `maxKeys` entries, dropping the least recently touched one, so a
 * stream of new keys (made-up emails, fresh sockets) cannot grow memory without end.
 */
class BoundedMap<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly maxKeys: number) {}

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.maxKeys) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

/**
 * A token bucket per key: up to `burst` actions at once, refilled at `perSecond`, so a steady
 * pace below the rate never waits and a burst is cut off once the bucket is empty.
 */
export class TokenBucketLimiter implements RateLimiter {
  private readonly buckets: BoundedMap<{ tokens: number; at: number }>;

  constructor(private readonly options: Rate & { maxKeys?: number }) {
    this.buckets = new BoundedMap(options.maxKeys ?? 50_000);
  }

  take(key: string, now = Date.now()): Allowance {
    const { burst, perSecond } = this.options;
    const bucket = this.buckets.get(key);
    const tokens = bucket ? Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond) : burst;
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return { ok: false, retryAfterMs: Math.ceil(((1 - tokens) / perSecond) * 1000) };
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    return { ok: true };
  }
}

type Failures = { count: number; lastAt: number; lockedUntil: number };

/**
 * Failed attempts per key with growing waits: the first `free` failures cost nothing, then each
 * further failure locks the key for twice as long as the one before, from `firstLockMs` up to
 * `maxLockMs`. A key's failures are forgotten `forgetAfterMs` after its last one.
 */
export class FailureBackoff {
  private readonly failures: BoundedMap<Failures>;

  constructor(
    private readonly options: { free: number; firstLockMs: number; maxLockMs: number; forgetAfterMs: number; maxKeys?: number },
  ) {
    this.failures = new BoundedMap(options.maxKeys ?? 50_000);
  }

  /** How long the key must still wait, in ms (0 when it may try now). */
  retryAfter(key: string, now = Date.now()): number {
    const entry = this.current(key, now);
    return entry ? Math.max(0, entry.lockedUntil - now) : 0;
  }

  fail(key: string, now = Date.now()): void {
    const { free, firstLockMs, maxLockMs } = this.options;
    const count = (this.current(key, now)?.count ?? 0) + 1;
    const lockMs = count > free ? Math.min(maxLockMs, firstLockMs * 2 ** (count - free - 1)) : 0;
    this.failures.set(key, { count, lastAt: now, lockedUntil: now + lockMs });
  }

  /** Takes back one failure, e.g. one counted in advance for an attempt that then succeeded. */
  forgive(key: string, now = Date.now()): void {
    const entry = this.current(key, now);
    if (entry) this.failures.set(key, { ...entry, count: Math.max(0, entry.count - 1) });
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  private current(key: string, now: number): Failures | undefined {
    const entry = this.failures.get(key);
    if (entry && now - entry.lastAt > this.options.forgetAfterMs) {
      this.failures.delete(key);
      return undefined;
    }
    return entry;
  }
}

const MINUTE = 60_000;

/**
 * Password guessing, limited per account (by email, whether or not it exists, so the answer says
 * nothing about who has an account) and per network address (several people behind one office
 * router share it, so it allows more).
 */
const SIGN_IN_BACKOFF = {
  account: { free: 5, firstLockMs: MINUTE, maxLockMs: 15 * MINUTE, forgetAfterMs: 60 * MINUTE },
  address: { free: 30, firstLockMs: MINUTE, maxLockMs: 15 * MINUTE, forgetAfterMs: 60 * MINUTE },
};

export type SignInAttempt = { email: string; address: string | null };

/**
 * The sign-in throttle (SIGN_IN_BACKOFF). Every attempt counts as a failure until it succeeds, so
 * guesses sent in parallel cannot all slip through before the first one is counted.
 */
export interface SignInLimiter {
  /** Before a password is checked: ok (the attempt is now counted), or how long to wait. */
  begin(attempt: SignInAttempt): Awaitable<Allowance>;
  /**
   * The password was right: the account starts afresh. The address only gets this attempt back,
   * so signing in to one's own account between guesses at others does not reset its count.
   */
  succeeded(attempt: SignInAttempt): Awaitable<void>;
  /** A password reset proves the owner is back: their account's waits end. */
  clearAccount(email: string): Awaitable<void>;
}

/** The sign-in throttle in this process's memory. */
export class SignInThrottle implements SignInLimiter {
  private readonly accounts = new FailureBackoff(SIGN_IN_BACKOFF.account);
  private readonly addresses = new FailureBackoff(SIGN_IN_BACKOFF.address);

  begin(attempt: SignInAttempt, now = Date.now()): Allowance {
    const wait = Math.max(
      this.accounts.retryAfter(attempt.email, now),
      attempt.address ? this.addresses.retryAfter(attempt.address, now) : 0,
    );
    if (wait > 0) return { ok: false, retryAfterMs: wait };
    this.accounts.fail(attempt.email, now);
    if (attempt.address) this.addresses.fail(attempt.address, now);
    return { ok: true };
  }

  succeeded(attempt: SignInAttempt, now = Date.now()): void {
    this.accounts.clear(attempt.email);
    if (attempt.address) this.addresses.forgive(attempt.address, now);
  }

  clearAccount(email: string): void {
    this.accounts.clear(email);
  }
}

/** Longer than Redis ever takes when healthy; a limiter waits no longer than this before answering without it. */
const REDIS_ANSWER_MS = 1000;

/**
 * Sends a command unless the connection is known to be lost (ioredis would queue it until it is
 * back), and gives up on the answer after REDIS_ANSWER_MS: a limit must never hold a request up.
 */
function answerSoon<T>(redis: Redis, send: (redis: Redis) => Promise<T>): Promise<T> {
  if (redis.status === "reconnecting" || redis.status === "close" || redis.status === "end") {
    return Promise.reject(new Error(`the Redis connection is ${redis.status}`));
  }
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${REDIS_ANSWER_MS} ms`)), REDIS_ANSWER_MS);
  });
  return Promise.race([send(redis), late]).finally(() => clearTimeout(timer));
}

let lastWarningAt = 0;

/** One warning a minute while Redis is out, not one per request. */
function warnUnchecked(error: unknown, limit: string, consequence: string): void {
  if (Date.now() - lastWarningAt < MINUTE) return;
  lastWarningAt = Date.now();
  logger.warn({ err: error, limit }, `rate limits cannot reach Redis: ${consequence}`);
}

/** Milliseconds by Redis's clock, the one clock every instance shares. */
const REDIS_NOW = `local clock = redis.call("TIME") local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)`;

/** TokenBucketLimiter.take on a hash {tokens, at}; answers 0 (taken) or the ms to wait. Expires once it would be full again. */
const TAKE_TOKEN = `${REDIS_NOW}
local burst = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2]) / 1000
local bucket = redis.call("HMGET", KEYS[1], "tokens", "at")
local tokens = burst
if bucket[1] then tokens = math.min(burst, tonumber(bucket[1]) + (now - tonumber(bucket[2])) * perMs) end
if tokens < 1 then return math.ceil((1 - tokens) / perMs) end
redis.call("HSET", KEYS[1], "tokens", tokens - 1, "at", now)
redis.call("PEXPIRE", KEYS[1], math.ceil(burst / perMs))
return 0`;

/**
 * A token bucket per key in Redis, shared by every instance. If Redis cannot be reached it lets
 * the action through (with a warning): a comment, vote or upload refused because Redis is down
 * would be an outage of its own, and these limits guard against floods, not against break-ins.
 */
export class RedisTokenBucket implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly name: string,
    private readonly rate: Rate,
  ) {}

  async take(key: string): Promise<Allowance> {
    try {
      const bucket = `hearth:rate:${this.name}:${key}`;
      const wait = Number(await answerSoon(this.redis, (redis) => redis.eval(TAKE_TOKEN, 1, bucket, this.rate.burst, this.rate.perSecond)));
      return wait > 0 ? { ok: false, retryAfterMs: wait } : { ok: true };
    } catch (error) {
      warnUnchecked(error, this.name, "letting actions through unlimited");
      return { ok: true };
    }
  }
}

/**
 * SignInThrottle.begin over the account's and the address's hashes {count, lockedUntil} at once:
 * answers the wait in ms, or 0 after counting the attempt on both. ARGV holds each key's free,
 * firstLockMs, maxLockMs and forgetAfterMs; a key expires forgetAfterMs after its last failure.
 */
const BEGIN_SIGN_IN = `${REDIS_NOW}
local wait = 0
for i = 1, #KEYS do
  wait = math.max(wait, tonumber(redis.call("HGET", KEYS[i], "lockedUntil") or "0") - now)
end
if wait > 0 then return wait end
for i = 1, #KEYS do
  local free, firstLockMs, maxLockMs = tonumber(ARGV[4 * i - 3]), tonumber(ARGV[4 * i - 2]), tonumber(ARGV[4 * i - 1])
  local count = redis.call("HINCRBY", KEYS[i], "count", 1)
  local lockMs = 0
  if count > free then lockMs = math.min(maxLockMs, firstLockMs * 2 ^ (count - free - 1)) end
  redis.call("HSET", KEYS[i], "lockedUntil", now + lockMs)
  redis.call("PEXPIRE", KEYS[i], ARGV[4 * i])
end
return 0`;

/** SignInThrottle.succeeded: the account starts afresh, the address gets one attempt back. */
const SIGN_IN_SUCCEEDED = `redis.call("DEL", KEYS[1])
if KEYS[2] and tonumber(redis.call("HGET", KEYS[2], "count") or "0") > 0 then redis.call("HINCRBY", KEYS[2], "count", -1) end
return 0`;

const accountKey = (email: string) => `hearth:sign-in:account:${email}`;
const signInKeys = (attempt: SignInAttempt) => [accountKey(attempt.email), ...(attempt.address ? [`hearth:sign-in:address:${attempt.address}`] : [])];
const backoffArgs = ({ free, firstLockMs, maxLockMs, forgetAfterMs }: typeof SIGN_IN_BACKOFF.account) => [free, firstLockMs, maxLockMs, forgetAfterMs];

/**
 * The sign-in throttle in Redis, shared by every instance, so a script spreading its guesses over
 * the instances gets the same five free attempts per account as against one.
 *
 * If Redis cannot be reached, attempts are counted in this process's memory instead (as with one
 * instance), neither let through unlimited nor refused. Letting them through would lift the limit
 * on password guessing for as long as Redis is down, which an attacker able to disturb Redis
 * would welcome; refusing them would sign nobody in. Counted per instance, guessing stays bounded
 * (each instance allows its own free attempts) and people can still sign in.
 */
export class RedisSignInThrottle implements SignInLimiter {
  private readonly fallback = new SignInThrottle();

  constructor(private readonly redis: Redis) {}

  async begin(attempt: SignInAttempt): Promise<Allowance> {
    const keys = signInKeys(attempt);
    const args = [...backoffArgs(SIGN_IN_BACKOFF.account), ...(attempt.address ? backoffArgs(SIGN_IN_BACKOFF.address) : [])];
    try {
      const wait = Number(await answerSoon(this.redis, (redis) => redis.eval(BEGIN_SIGN_IN, keys.length, ...keys, ...args)));
      return wait > 0 ? { ok: false, retryAfterMs: wait } : { ok: true };
    } catch (error) {
      warnUnchecked(error, "sign-in", "counting sign-in attempts per instance meanwhile");
      return this.fallback.begin(attempt);
    }
  }

  async succeeded(attempt: SignInAttempt): Promise<void> {
    this.fallback.succeeded(attempt);
    const keys = signInKeys(attempt);
    await answerSoon(this.redis, (redis) => redis.eval(SIGN_IN_SUCCEEDED, keys.length, ...keys)).catch((error: unknown) =>
      warnUnchecked(error, "sign-in", "a right password could not reset its account's count"),
    );
  }

  async clearAccount(email: string): Promise<void> {
    this.fallback.clearAccount(email);
    await answerSoon(this.redis, (redis) => redis.del(accountKey(email))).catch((error: unknown) =>
      warnUnchecked(error, "sign-in", "a password reset could not end its account's wait"),
    );
  }
}

/** "Try again in 3 minutes." / "in 40 seconds.": whole units, rounded up, never "0". */
export function tryAgainIn(retryAfterMs: number): string {
  if (retryAfterMs > 90_000) {
    const minutes = Math.ceil(retryAfterMs / MINUTE);
    return `Try again in ${minutes} minutes.`;
  }
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return seconds >= 60 ? "Try again in 1 minute." : `Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
}

/** The sign-in form recognises this opening and shows the whole sentence. */
export const TOO_MANY_SIGN_IN_ATTEMPTS = "Too many attempts.";

export function tooManySignInAttempts(retryAfterMs: number): string {
  return `${TOO_MANY_SIGN_IN_ATTEMPTS} ${tryAgainIn(retryAfterMs)}`;
}

/**
 * Bursts of writes (and full-text searches, the costliest reads) one person can make through
 * tRPC, by procedure path: generous enough that nobody typing by hand (nor the end-to-end suite,
 * which posts 55 comments in a row) meets them, tight enough that a script cannot fill a thread
 * or a poll's history, or keep the search index busy, in seconds.
 */
export const PROCEDURE_LIMITS: Record<string, Rate & { what: string }> = {
  "comment.create": { burst: 120, perSecond: 1, what: "comments" },
  "poll.vote": { burst: 60, perSecond: 1, what: "votes" },
  "search.query": { burst: 60, perSecond: 2, what: "searches" },
};

/** Uploads per person: a folder of files at once is fine, thousands are not. */
export const UPLOAD_LIMIT: Rate = { burst: 60, perSecond: 0.5 };

/**
 * Socket events per socket, by event name. Document edits come at typing speed (about 5 a second
 * while typing, up to 30 with a key held down, each with an awareness update for the cursor), so
 * those allow far more; joins and typing signals are rare in normal use.
 */
export const SOCKET_EVENT_LIMITS: Record<string, Rate> = {
  "document.update": { burst: 300, perSecond: 50 },
  "document.awareness": { burst: 300, perSecond: 50 },
  "document.sync": { burst: 60, perSecond: 5 },
  "thread.typing": { burst: 30, perSecond: 2 },
  other: { burst: 60, perSecond: 5 },
};

const holder = globalThis as unknown as { hearthRateLimits?: Map<string, unknown> };

/**
 * One limiter per name per process, shared through globalThis because Next bundles route
 * handlers apart from each other and from serve.ts (as the event bus is shared).
 */
export function processLimiter<T>(name: string, make: () => T): T {
  holder.hearthRateLimits ??= new Map();
  if (!holder.hearthRateLimits.has(name)) holder.hearthRateLimits.set(name, make());
  return holder.hearthRateLimits.get(name) as T;
}

/** The token bucket called `name`: in Redis, shared by every instance, when REDIS_URL is set, else in this process's memory. */
export function rateLimiter(name: string, rate: Rate): RateLimiter {
  return processLimiter(`rate:${name}`, (): RateLimiter => {
    const redis = sharedRedis();
    return redis ? new RedisTokenBucket(redis, name, rate) : new TokenBucketLimiter(rate);
  });
}

/** The sign-in throttle: in Redis, shared by every instance, when REDIS_URL is set, else in this process's memory. */
export function signInLimiter(): SignInLimiter {
  return processLimiter("sign-in", (): SignInLimiter => {
    const redis = sharedRedis();
    return redis ? new RedisSignInThrottle(redis) : new SignInThrottle();
  });
}

/** What an event refused for its pace answers, when the client waits for an answer. */
export const SOCKET_TOO_FAST = "Hearth is receiving changes from this page too fast. Wait a moment, then reload the page.";

/**
 * socket.io middleware for one socket (`socket.use(limitSocketEvents())`): events beyond
 * SOCKET_EVENT_LIMITS are dropped, and one that waits for an answer gets `{ ok: false, reason }`.
 */
export function limitSocketEvents(): (packet: unknown[], next: () => void) => void {
  const limiters = new Map<string, TokenBucketLimiter>();
  return ([event, ...args], next) => {
    const name = typeof event === "string" && Object.hasOwn(SOCKET_EVENT_LIMITS, event) ? event : "other";
    let limiter = limiters.get(name);
    if (!limiter) limiters.set(name, (limiter = new TokenBucketLimiter({ ...SOCKET_EVENT_LIMITS[name]!, maxKeys: 1 })));
    if (limiter.take(name).ok) return next();
    const answer = args.at(-1);
    if (typeof answer === "function") answer({ ok: false, reason: SOCKET_TOO_FAST });
  };
}
