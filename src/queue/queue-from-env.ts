import { createJobRunner } from "./create-job-runner.js";
import { createMemoryQueue } from "./create-memory-queue.js";
import { createRedisQueue } from "./create-redis-queue.js";
import type { ScanQueue } from "./scan-queue.js";
import type { ScanPool } from "../worker/create-scan-pool.js";

/**
 * The web process's queue: with `REDIS_URL`, BullMQ on Redis (jobs run in `mamori worker`
 * processes); otherwise in this process, MAMORI_CONCURRENCY jobs at a time, scanning on `pool`.
 */
export function queueFromEnv(env: NodeJS.ProcessEnv, pool?: ScanPool): ScanQueue {
  if (env.REDIS_URL) return createRedisQueue(env.REDIS_URL);
  return createMemoryQueue({ run: createJobRunner(pool) });
}
