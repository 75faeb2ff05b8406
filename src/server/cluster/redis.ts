import { Redis } from "ioredis";
import { logger } from "@/server/logger";

/**
 * A Redis connection that logs its troubles instead of throwing them at whoever happens to be
 * listening: ioredis reconnects by itself and queues commands meanwhile.
 */
export function connectRedis(url: string, purpose: string): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 3, connectionName: `hearth-${purpose}` });
  redis.on("error", (error: Error) => logger.warn({ err: error, purpose }, "redis connection trouble"));
  return redis;
}

const holder = globalThis as unknown as { hearthRedis?: Redis | null };

/**
 * The instance's shared Redis connection when REDIS_URL is set (several instances), else null.
 * Kept on globalThis because Next bundles route handlers apart from serve.ts.
 */
export function sharedRedis(): Redis | null {
  if (holder.hearthRedis === undefined) {
    const url = process.env.REDIS_URL;
    holder.hearthRedis = url ? connectRedis(url, "shared") : null;
  }
  return holder.hearthRedis;
}

/** Closes the shared connection (a stopping server, after its last request). */
export async function closeSharedRedis(): Promise<void> {
  const redis = holder.hearthRedis;
  holder.hearthRedis = undefined;
  if (redis) await redis.quit().catch(() => redis.disconnect());
}
