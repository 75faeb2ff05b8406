import type { RemoteSocket } from "socket.io";
import type { ServerToClientEvents } from "@/server/events";
import { logger } from "@/server/logger";

/**
 * What each socket carries, readable by every instance through the adapter: who it is, and for
 * each document it has a seat in, whether it may edit there (for presence lists).
 */
export type SocketData = { userId: string; name: string; documentSeats: Record<string, boolean> };

/** What a re-check needs of a socket, whether it is this server's own or one fetched from a room. */
export type LiveSocket = Pick<
  RemoteSocket<ServerToClientEvents, SocketData>,
  "id" | "data" | "rooms" | "join" | "leave" | "emit"
>;

/**
 * One re-check of some sockets: which rooms it looks at (all, or `only` one), and the answers
 * already worked out, so a person with many tabs open is checked once per room.
 */
export class RecheckPass {
  private readonly answers = new Map<string, Promise<unknown>>();

  constructor(private readonly only?: string) {}

  covers(room: string): boolean {
    return this.only === undefined || this.only === room;
  }

  /** `work` once per key in this pass. */
  once<T>(key: string, work: () => Promise<T>): Promise<T> {
    let answer = this.answers.get(key) as Promise<T> | undefined;
    if (!answer) {
      answer = work();
      this.answers.set(key, answer);
    }
    return answer;
  }
}

/** Takes a socket out of the rooms of one kind that its person may no longer be in (and tells it). */
export type Recheck = (socket: LiveSocket, pass: RecheckPass) => Promise<void>;

/**
 * Keeps live delivery in step with access re-checks. Events go out in the order they were
 * published; a re-check runs after everything published before it, and everything published
 * after it waits until it has finished, so nothing said after someone loses access reaches their
 * sockets. Joins and writes that raced a re-check use `mark`/`changedSince` and `settled`.
 */
export class LiveAccess {
  private tail: Promise<void> = Promise.resolve();
  private waiting = 0;
  private requested = 0;
  private readonly queued = new Set<string>();

  /** Runs a delivery now, or after the re-checks (and deliveries) queued before it. */
  deliver(task: () => void): void {
    if (this.waiting === 0) return task();
    this.enqueue(async () => task());
  }

  /** Queues a re-check. One queued under the same key that has not started yet covers this one too. */
  recheck(key: string, task: () => Promise<void>): void {
    this.requested += 1;
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.enqueue(() => {
      this.queued.delete(key);
      return task();
    });
  }

  /** Remember this before an access check; `changedSince` then says whether a re-check was asked for meanwhile. */
  mark(): number {
    return this.requested;
  }

  changedSince(mark: number): boolean {
    return this.requested !== mark;
  }

  /** Resolves once every re-check queued so far has finished. */
  settled(): Promise<void> {
    return this.waiting === 0 ? Promise.resolve() : this.tail;
  }

  private enqueue(task: () => Promise<void>): void {
    this.waiting += 1;
    this.tail = this.tail
      .then(task)
      .catch((error: unknown) => logger.error({ err: error }, "live delivery or access re-check failed"))
      .finally(() => {
        this.waiting -= 1;
      });
  }
}
