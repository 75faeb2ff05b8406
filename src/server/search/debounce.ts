/**
 * Runs work for a key once things rest: `quietMs` after the latest `schedule` of that key, or
 * `maxWaitMs` after the first one not yet run, whichever comes first. Each key has one timer, which
 * never keeps the process alive; `flush` runs a key's waiting work at once. A run's failure is the
 * work's own business: it should not throw.
 */
export class Debouncer<T> {
  private readonly waiting = new Map<string, { timer: NodeJS.Timeout; since: number; value: T }>();

  constructor(
    private readonly quietMs: number,
    private readonly maxWaitMs: number,
    private readonly work: (key: string, value: T) => Promise<void>,
  ) {}

  /** Runs the work for `key` (with the latest `value`) once the key rests. */
  schedule(key: string, value: T): void {
    const now = Date.now();
    const previous = this.waiting.get(key);
    if (previous) clearTimeout(previous.timer);
    const since = previous?.since ?? now;
    const delay = Math.max(0, Math.min(this.quietMs, since + this.maxWaitMs - now));
    const timer = setTimeout(() => void this.flush(key), delay);
    timer.unref();
    this.waiting.set(key, { timer, since, value });
  }

  /** Runs the key's waiting work now; resolves at once when none waits. */
  async flush(key: string): Promise<void> {
    const waiting = this.waiting.get(key);
    if (!waiting) return;
    clearTimeout(waiting.timer);
    this.waiting.delete(key);
    await this.work(key, waiting.value);
  }

  /** Runs every key's waiting work now. */
  async flushAll(): Promise<void> {
    await Promise.all([...this.waiting.keys()].map((key) => this.flush(key)));
  }
}
