/** Refused because too many exports are running; the route answers 429 with the message. */
export class ExportBusy extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = "ExportBusy";
  }
}

/**
 * A whole-group export reads every row of a group and every stored file, so it is bounded: one
 * export per person at a time, and a few across the server. Counted in this process's memory, like
 * the rate limits (src/server/rate-limit.ts).
 */
export class ExportSlots {
  private readonly running = new Set<string>();

  constructor(readonly maxConcurrent: number) {}

  /** Takes a slot for `userId`, or throws ExportBusy; the returned release may be called more than once. */
  acquire(userId: string): () => void {
    if (this.running.has(userId)) {
      throw new ExportBusy("An export is already being prepared for you. Please wait until that download has finished, then try again.", 30);
    }
    if (this.running.size >= this.maxConcurrent) {
      throw new ExportBusy("An export is already being prepared for other people, and only a few run at once. Please try again in a minute.", 60);
    }
    this.running.add(userId);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running.delete(userId);
    };
  }
}

/** At most this many exports at once across the server. */
export const MAX_CONCURRENT_EXPORTS = 2;

const holder = globalThis as unknown as { hearthExportSlots?: ExportSlots };

/** The server's slots, shared by the group and personal exports (one module instance even when Next reloads routes). */
export function getExportSlots(): ExportSlots {
  holder.hearthExportSlots ??= new ExportSlots(MAX_CONCURRENT_EXPORTS);
  return holder.hearthExportSlots;
}
