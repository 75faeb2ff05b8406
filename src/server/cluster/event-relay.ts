import { deserialize, serialize } from "node:v8";
import type { DomainEvent, EventBus } from "@/server/events";
import { logger } from "@/server/logger";
import { connectRedis } from "@/server/cluster/redis";

const CHANNEL = "hearth:events";

/**
 * Makes the bus cluster-wide: every event published on any instance goes through one Redis
 * channel, and every instance (the publisher too) delivers it to its own listeners, so each one
 * forwards it to the sockets it holds and applies it to the documents it has open. One publishing
 * connection per instance keeps each instance's events in the order they were published, which
 * the socket layer relies on (an access re-check before the news that follows it).
 *
 * Events are serialised with V8's structured clone, which keeps the Dates of DTOs and the bytes
 * of document updates as they are; every instance runs the same Hearth build.
 */
export async function relayEventsThroughRedis(bus: EventBus, redisUrl: string): Promise<{ close: () => Promise<void> }> {
  const publisher = connectRedis(redisUrl, "events-publish");
  const subscriber = connectRedis(redisUrl, "events-subscribe");
  subscriber.on("messageBuffer", (channel: Buffer, message: Buffer) => {
    if (channel.toString() !== CHANNEL) return;
    let event: DomainEvent;
    try {
      event = deserialize(message) as DomainEvent;
    } catch (error) {
      return logger.error({ err: error }, "a relayed event could not be read");
    }
    bus.deliver(event);
  });
  await subscriber.subscribe(CHANNEL);
  bus.relayThrough((event) => {
    publisher.publish(CHANNEL, serialize(event)).catch((error: unknown) => logger.error({ err: error, event: event.name }, "event not relayed"));
  });
  return {
    close: async () => {
      bus.relayThrough(null);
      await Promise.allSettled([subscriber.quit(), publisher.quit()]);
    },
  };
}
