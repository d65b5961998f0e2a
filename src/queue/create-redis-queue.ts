import { Queue } from "bullmq";
import type { ScanJob } from "../app/scan-job.js";
import { jobKey } from "./job-key.js";
import { queueSettings, type QueueSettings } from "./queue-settings.js";
import { redisConnection } from "./redis-connection.js";
import type { QueueDepth, ScanQueue } from "./scan-queue.js";

/**
 * The web process's side of the Redis queue (BullMQ): jobs are stored in Redis under the id
 * `owner/repo@sha`, so a (repository, head SHA) that is already waiting or running is not added
 * twice; `mamori worker` processes run them. Completed jobs are removed, so a later re-run of the
 * same commit is a new job. Failed jobs (after all attempts) stay a day for inspection.
 */
export function createRedisQueue(url: string, settings: QueueSettings = queueSettings()): ScanQueue & { queue: Queue } {
  const connection = redisConnection(url, { producer: true });
  const queue = new Queue<ScanJob>(settings.name, { connection });
  const add = async (job: ScanJob): Promise<{ key: string; queued: boolean }> => {
    const key = jobKey(job);
    const existing = await queue.getJob(key);
    if (existing && !(await existing.isCompleted()) && !(await existing.isFailed())) return { key, queued: false };
    if (existing) await existing.remove().catch(() => undefined);
    await queue.add("scan", job, {
      jobId: key,
      attempts: settings.attempts,
      backoff: { type: "exponential", delay: settings.backoffMs },
      removeOnComplete: true,
      removeOnFail: { age: 24 * 3600 },
    });
    return { key, queued: true };
  };
  return {
    kind: "redis",
    queue,
    enqueue(job) {
      // GitHub waits 10 s for a webhook's answer: past 5 s without Redis, answer with an error (GitHub shows the failed delivery; it can be redelivered).
      return withTimeout(add(job), Number(process.env.MAMORI_ENQUEUE_TIMEOUT_MS) || 5000);
    },
    async depth(): Promise<QueueDepth> {
      const c = await withTimeout(queue.getJobCounts("waiting", "active", "delayed", "prioritized"), 2000);
      return { waiting: (c.waiting ?? 0) + (c.prioritized ?? 0), active: c.active ?? 0, delayed: c.delayed ?? 0 };
    },
    async close() {
      await withTimeout(queue.close(), 5000).catch(() => undefined);
      connection.disconnect();
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms / 1000} s: the job was not queued`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
