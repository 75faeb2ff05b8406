import type { Redis } from "ioredis";
import { startTemporaryRedis, type TemporaryRedis } from "../../../scripts/support/temporary-redis";
import { connectRedis } from "@/server/cluster/redis";

let server: Promise<TemporaryRedis> | null = null;
const connections: Redis[] = [];

/** Stops this file's Redis and its connections; setup-db.ts calls it after every file. */
export async function stopTestRedis(): Promise<void> {
  for (const connection of connections.splice(0)) connection.disconnect();
  const started = server;
  server = null;
  if (started) await (await started).stop();
}

/** A Redis server of this test file's own (started on first use, stopped after the file). */
export async function testRedisUrl(): Promise<string> {
  server ??= startTemporaryRedis();
  return (await server).url;
}

/** A connection to this file's Redis, closed after the file. */
export async function testRedis(): Promise<Redis> {
  const connection = connectRedis(await testRedisUrl(), "test");
  connections.push(connection);
  return connection;
}
