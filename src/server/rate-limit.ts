/**
 * Rate limits for the ways one person or one script could swamp Hearth: guessing passwords,
 * bursts of comments, votes and uploads, floods of socket events.
 *
 * The counts live in this process's memory: with several Hearth instances each one counts on its
 * own, and a restart forgets them. A later issue moves them to Redis so that instances share them.
 */

/** What a limiter answers: go ahead, or wait this long before trying again. */
export type Allowance = { ok: true } | { ok: false; retryAfterMs: number };

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
export class TokenBucketLimiter {
  private readonly buckets: BoundedMap<{ tokens: number; at: number }>;

  constructor(private readonly options: { burst: number; perSecond: number; maxKeys?: number }) {
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
 * router share it, so it allows more). Every attempt counts as a failure until it succeeds, so
 * guesses sent in parallel cannot all slip through before the first one is counted.
 */
export class SignInThrottle {
  private readonly accounts = new FailureBackoff({ free: 5, firstLockMs: MINUTE, maxLockMs: 15 * MINUTE, forgetAfterMs: 60 * MINUTE });
  private readonly addresses = new FailureBackoff({ free: 30, firstLockMs: MINUTE, maxLockMs: 15 * MINUTE, forgetAfterMs: 60 * MINUTE });

  /** Before a password is checked: ok (the attempt is now counted), or how long to wait. */
  begin(attempt: { email: string; address: string | null }, now = Date.now()): Allowance {
    const wait = Math.max(
      this.accounts.retryAfter(attempt.email, now),
      attempt.address ? this.addresses.retryAfter(attempt.address, now) : 0,
    );
    if (wait > 0) return { ok: false, retryAfterMs: wait };
    this.accounts.fail(attempt.email, now);
    if (attempt.address) this.addresses.fail(attempt.address, now);
    return { ok: true };
  }

  /**
   * The password was right: the account starts afresh. The address only gets this attempt back,
   * so signing in to one's own account between guesses at others does not reset its count.
   */
  succeeded(attempt: { email: string; address: string | null }, now = Date.now()): void {
    this.accounts.clear(attempt.email);
    if (attempt.address) this.addresses.forgive(attempt.address, now);
  }

  /** A password reset proves the owner is back: their account's waits end. */
  clearAccount(email: string): void {
    this.accounts.clear(email);
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
 * Bursts of writes one person can make through tRPC, by procedure path: generous enough that
 * nobody typing by hand (nor the end-to-end suite, which posts 55 comments in a row) meets them,
 * tight enough that a script cannot fill a thread or a poll's history in seconds.
 */
export const PROCEDURE_LIMITS: Record<string, { burst: number; perSecond: number; what: string }> = {
  "comment.create": { burst: 120, perSecond: 1, what: "comments" },
  "poll.vote": { burst: 60, perSecond: 1, what: "votes" },
};

/** Uploads per person: a folder of files at once is fine, thousands are not. */
export const UPLOAD_LIMIT = { burst: 60, perSecond: 0.5 };

/**
 * Socket events per socket, by event name. Document edits come at typing speed (about 5 a second
 * while typing, up to 30 with a key held down, each with an awareness update for the cursor), so
 * those allow far more; joins and typing signals are rare in normal use.
 */
export const SOCKET_EVENT_LIMITS: Record<string, { burst: number; perSecond: number }> = {
  "document.update": { burst: 300, perSecond: 50 },
  "document.awareness": { burst: 300, perSecond: 50 },
  "document.sync": { burst: 60, perSecond: 5 },
  "thread.typing": { burst: 30, perSecond: 2 },
  other: { burst: 60, perSecond: 5 },
};

const holder = globalThis as unknown as { hearthRateLimits?: Map<string, unknown> };

/**
 * One limiter per name per process, shared through globalThis because Next bundles route
 * handlers apart from each other and from server.ts (as the event bus is shared).
 */
export function processLimiter<T>(name: string, make: () => T): T {
  holder.hearthRateLimits ??= new Map();
  if (!holder.hearthRateLimits.has(name)) holder.hearthRateLimits.set(name, make());
  return holder.hearthRateLimits.get(name) as T;
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
