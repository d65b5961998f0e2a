import { Redis } from "ioredis";

/**
 * An ioredis connection for BullMQ. Workers: `maxRetriesPerRequest: null` (commands wait for a
 * reconnect, as BullMQ requires). The web process (`producer`): commands fail after a few
 * retries, so a webhook gets an error (and GitHub can redeliver it) instead of hanging while
 * Redis is down.
 */
export function redisConnection(url: string, options: { producer?: boolean } = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: options.producer ? 2 : null, enableReadyCheck: true });
}
