import type { Server as HttpServer } from "node:http";
import { logger } from "@/server/logger";

/**
 * Where this server process is in its life, for the load balancer's readiness probe
 * (GET /api/ready): it takes traffic only between start-up and the start of a shutdown.
 * Shared through globalThis because Next bundles route handlers apart from serve.ts.
 */
export type LifecyclePhase = "starting" | "ready" | "draining";

const holder = globalThis as unknown as { hearthLifecycle?: LifecyclePhase };

export function lifecyclePhase(): LifecyclePhase {
  return holder.hearthLifecycle ?? "starting";
}

export function setLifecyclePhase(phase: LifecyclePhase): void {
  holder.hearthLifecycle = phase;
}

/** Something a stop waits for; steps run in order, each as long as the shutdown allows. */
export type ShutdownStep = { name: string; run: () => Promise<void> | void };

export const SHUTDOWN_TIMEOUT_MS = 10_000;

/**
 * A graceful stop (SIGTERM): the readiness probe fails at once so no new traffic arrives, and the
 * HTTP server stops accepting connections. Then `whileDraining` runs (stop the schedulers, store
 * pending document updates, hand sockets over to another instance), requests in flight finish,
 * and `afterRequests` runs (finish the mail pass, close the database). Resolves with false if it
 * did not all finish within `timeoutMs`, so the caller exits anyway.
 */
export async function shutDownGracefully(
  server: HttpServer,
  steps: { whileDraining: ShutdownStep[]; afterRequests: ShutdownStep[] },
  timeoutMs = SHUTDOWN_TIMEOUT_MS,
): Promise<boolean> {
  setLifecyclePhase("draining");
  const requestsFinished = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive connections with no request under way would hold close() open until they time out.
  server.closeIdleConnections();
  const work = (async () => {
    await runSteps(steps.whileDraining);
    await requestsFinished;
    await runSteps(steps.afterRequests);
  })();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const finished = await Promise.race([work.then(() => true as const), timedOut]);
  clearTimeout(timer);
  if (!finished) {
    logger.warn({ timeoutMs }, "shutdown did not finish in time: closing the remaining connections");
    server.closeAllConnections();
  }
  return finished;
}

async function runSteps(steps: ShutdownStep[]): Promise<void> {
  for (const step of steps) {
    try {
      await step.run();
    } catch (error) {
      logger.error({ err: error, step: step.name }, "shutdown step failed");
    }
  }
}
