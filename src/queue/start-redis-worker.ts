import { Worker, type Job } from "bullmq";
import type { ScanJob, ScanJobDeps, ScanJobOutcome } from "../app/scan-job.js";
import { getMetrics } from "../metrics/get-metrics.js";
import { queueSettings, type QueueSettings } from "./queue-settings.js";
import { redisConnection } from "./redis-connection.js";

export interface RedisWorkerOptions {
  url: string;
  /** GitHub access and a logger for a job (an installation token from the app's key). */
  depsFor: (job: ScanJob) => Promise<ScanJobDeps>;
  /** Runs a job (runQueuedJob); throwing makes BullMQ retry it with back-off. */
  run: (job: ScanJob, deps: ScanJobDeps, enqueuedAt?: number) => Promise<ScanJobOutcome>;
  settings?: QueueSettings;
}

export interface RedisWorker {
  worker: Worker<ScanJob>;
  /**
   * Graceful stop: takes no new job and waits up to `timeoutMs` for running ones; past that it
   * moves them back to waiting (another worker takes them) and returns: exit the process then.
   */
  close(timeoutMs?: number): Promise<void>;
}

/**
 * A `mamori worker` consumer: takes jobs from Redis, `concurrency` at a time. A worker that dies
 * mid-job stops renewing the job's lock; after `lockDurationMs` another worker's stalled-job
 * check moves the job back to waiting and runs it again (a job may stall 3 times).
 */
export function startRedisWorker(options: RedisWorkerOptions): RedisWorker {
  const settings = options.settings ?? queueSettings();
  const connection = redisConnection(options.url);
  const active = new Map<string, { job: Job<ScanJob>; token?: string }>();
  const worker = new Worker<ScanJob>(
    settings.name,
    async (job: Job<ScanJob>, token?: string) => {
      if (job.attemptsMade > 0 || job.stalledCounter > 0) getMetrics().jobRetries.inc();
      active.set(job.id!, { job, token });
      try {
        const deps = await options.depsFor(job.data);
        const outcome = await options.run(job.data, deps, job.timestamp);
        return { conclusion: outcome.conclusion, findings: outcome.findings, checkRunId: outcome.checkRunId };
      } finally {
        active.delete(job.id!);
      }
    },
    {
      connection,
      concurrency: settings.concurrency,
      lockDuration: settings.lockDurationMs,
      stalledInterval: settings.stalledIntervalMs,
      maxStalledCount: 3,
    },
  );
  return {
    worker,
    async close(timeoutMs = 25_000) {
      let timer: NodeJS.Timeout | undefined;
      const graceful = worker.close(false);
      const expired = await Promise.race([graceful.then(() => false), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs)))]);
      clearTimeout(timer);
      if (expired) {
        // Hand the running jobs back: to waiting, where another worker takes them at once.
        for (const { job, token } of active.values()) await job.moveToWait(token).catch(() => undefined);
      }
      connection.disconnect();
    },
  };
}
