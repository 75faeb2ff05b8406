/**
 * A least-recently-used map from a key to a string, bounded by the total length of the keys and
 * values it holds rather than by their number: one comment's HTML is a few hundred characters,
 * a long one's hundreds of thousands.
 */
export class CookedCache {
  readonly #entries = new Map<string, string>();
  #length = 0;

  constructor(readonly maxLength: number) {}

  /** Total characters held, keys included. */
  get length(): number {
    return this.#length;
  }

  get(key: string): string | undefined {
    const value = this.#entries.get(key);
    if (value === undefined) return undefined;
    // A Map keeps insertion order: moving the entry to the end marks it most recently used.
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  /** Keeps the value unless it alone is longer than the bound, dropping the least recently used entries to make room. */
  set(key: string, value: string): void {
    this.#delete(key);
    const length = key.length + value.length;
    if (length > this.maxLength) return;
    while (this.#length + length > this.maxLength) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#delete(oldest.value);
    }
    this.#entries.set(key, value);
    this.#length += length;
  }

  #delete(key: string): void {
    const value = this.#entries.get(key);
    if (value === undefined) return;
    this.#entries.delete(key);
    this.#length -= key.length + value.length;
  }
}
