import cluster, { type Worker } from "node:cluster";
import { fileURLToPath } from "node:url";
import { SHUTDOWN_TIMEOUT_MS } from "@/server/lifecycle";
import { logger } from "@/server/logger";

/** Set in each process the supervisor starts: which of them it is, from 1. */
const PROCESS_NUMBER_VARIABLE = "HEARTH_PROCESS_NUMBER";
/** A process that stops on its own after start-up is replaced after this long. */
const RESTART_DELAY_MS = 1_000;
/** Past this a stopping process is killed: its own shutdown gives up after SHUTDOWN_TIMEOUT_MS. */
const STOP_GRACE_MS = SHUTDOWN_TIMEOUT_MS + 5_000;

/** Which of this machine's Hearth processes this one is (from 1), or null when it is the only one. */
export function processNumber(env: Record<string, string | undefined> = process.env): number | null {
  const number = Number(env[PROCESS_NUMBER_VARIABLE]);
  return cluster.isWorker && Number.isInteger(number) && number > 0 ? number : null;
}

/** Whether this process starts the others (HEARTH_PROCESSES above 1) instead of serving requests itself. */
export function isSupervisor(processes: number): boolean {
  return processes > 1 && cluster.isPrimary;
}

/**
 * Runs `count` processes of Hearth's `server` module on this machine, sharing its port: the kernel hands each new
 * connection to one of them in turn, so both cores serve requests. Everything they must share
 * (live updates, socket rooms, job locks, rate limits) goes through Redis, as between instances
 * on several machines. A process that stops during start-up stops them all (its own error says
 * why); one that stops later is replaced. SIGTERM or SIGINT stops each gracefully, and this
 * process exits once they have, with 1 if any did not stop cleanly.
 */
export function superviseProcesses(count: number, server: URL): void {
  cluster.setupPrimary({ exec: fileURLToPath(server) });
  const listening = new Set<Worker>();
  const numbers = new Map<Worker, number>();
  let stopping = false;
  let failed = false;

  const start = (number: number) => {
    const worker = cluster.fork({ [PROCESS_NUMBER_VARIABLE]: String(number) });
    numbers.set(worker, number);
    worker.once("listening", () => listening.add(worker));
  };

  const stopAll = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const worker of numbers.keys()) if (!worker.isDead()) worker.process.kill(signal);
    setTimeout(() => {
      for (const worker of numbers.keys()) if (!worker.isDead()) worker.process.kill("SIGKILL");
    }, STOP_GRACE_MS).unref();
  };

  cluster.on("exit", (worker, code, signal) => {
    const number = numbers.get(worker)!;
    const started = listening.delete(worker);
    numbers.delete(worker);
    if (stopping) {
      if (code !== 0) failed = true;
      if (numbers.size === 0) process.exit(failed ? 1 : 0);
      return;
    }
    if (!started) {
      logger.error({ process: number, code, signal }, "a Hearth process stopped during start-up: stopping the others");
      failed = true;
      stopAll("SIGTERM");
      if (numbers.size === 0) process.exit(1);
      return;
    }
    logger.warn({ process: number, code, signal }, "a Hearth process stopped: starting another in its place");
    setTimeout(() => !stopping && start(number), RESTART_DELAY_MS);
  });

  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => stopAll(signal));
  for (let number = 1; number <= count; number++) start(number);
}
