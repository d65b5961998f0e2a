import { Redis } from "ioredis";

/** An ioredis connection for BullMQ (workers need `maxRetriesPerRequest: null`: commands wait for a reconnect). */
export function redisConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true });
}
