import { sharedRedis } from "@/server/cluster/redis";
import { getDb } from "@/server/db";
import { logger } from "@/server/logger";

export type Reachability = { ok: true } | { ok: false; message: string };

/** Whether the database answers, for health and readiness alike. */
export async function databaseReachable(): Promise<Reachability> {
  try {
    await getDb().$queryRaw`SELECT 1`;
    return { ok: true };
  } catch (error) {
    logger.error({ err: error }, "the database did not answer a health check");
    return { ok: false, message: "The database is not reachable." };
  }
}

/** The database, and Redis when instances share one: without it this instance's people would miss what others do. */
export async function dependenciesReachable(): Promise<Reachability> {
  const database = await databaseReachable();
  const redis = sharedRedis();
  if (!database.ok || !redis) return database;
  try {
    await redis.ping();
    return { ok: true };
  } catch (error) {
    logger.error({ err: error }, "redis did not answer a readiness check");
    return { ok: false, message: "Redis is not reachable." };
  }
}
