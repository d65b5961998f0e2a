import type { ScanJob, ScanJobDeps } from "../app/scan-job.js";
import { jobKey } from "./job-key.js";
import type { JobRunner, QueueDepth, ScanQueue } from "./scan-queue.js";

export interface MemoryQueueOptions {
  run: JobRunner;
  /** Jobs running at once (default MAMORI_CONCURRENCY or 4). */
  concurrency?: number;
  /** Runs of a job whose runner throws, in all (default 3). */
  attempts?: number;
  /** First retry delay in ms, doubled each time (default 2,000). */
  backoffMs?: number;
  /** Called when a job fails for good (after all attempts). */
  onFailed?: (job: ScanJob, error: unknown) => void;
}

interface Entry {
  key: string;
  job: ScanJob;
  deps: ScanJobDeps;
  attempt: number;
  enqueuedAt: number;
}

/**
 * The default queue: in this process, nothing to install. Webhooks return at once; at most
 * `concurrency` jobs run; a (repository, head SHA) already waiting or running is not queued
 * twice; a job whose runner throws is retried with exponential back-off. Jobs do not survive a
 * restart: use Redis (`REDIS_URL`) for that.
 */
export function createMemoryQueue(options: MemoryQueueOptions): ScanQueue & { idle(): Promise<void> } {
  const concurrency = Math.max(1, options.concurrency ?? (Number(process.env.MAMORI_CONCURRENCY) || 4));
  const attempts = options.attempts ?? 3;
  const backoffMs = options.backoffMs ?? 2000;
  const waiting: Entry[] = [];
  const known = new Set<string>();
  const delayed = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  let closed = false;
  let idleWaiters: (() => void)[] = [];

  const settle = () => {
    if (running.size === 0 && waiting.length === 0 && delayed.size === 0) {
      const w = idleWaiters;
      idleWaiters = [];
      w.forEach((f) => f());
    }
  };
  const pump = () => {
    while (!closed && running.size < concurrency && waiting.length > 0) {
      const entry = waiting.shift()!;
      const p = (async () => {
        try {
          await options.run(entry.job, entry.deps, entry.enqueuedAt);
          known.delete(entry.key);
        } catch (error) {
          if (entry.attempt + 1 < attempts && !closed) {
            const timer = setTimeout(() => {
              delayed.delete(timer);
              waiting.push({ ...entry, attempt: entry.attempt + 1 });
              pump();
            }, backoffMs * 2 ** entry.attempt);
            delayed.add(timer);
          } else {
            known.delete(entry.key);
            options.onFailed?.(entry.job, error);
          }
        }
      })();
      running.add(p);
      void p.finally(() => {
        running.delete(p);
        pump();
        settle();
      });
    }
  };

  return {
    kind: "memory",
    async enqueue(job: ScanJob, deps: ScanJobDeps) {
      const key = jobKey(job);
      if (closed) throw new Error("the scan queue is shutting down");
      if (known.has(key)) return { key, queued: false };
      known.add(key);
      waiting.push({ key, job, deps, attempt: 0, enqueuedAt: Date.now() });
      queueMicrotask(pump);
      return { key, queued: true };
    },
    async depth(): Promise<QueueDepth> {
      return { waiting: waiting.length, active: running.size, delayed: delayed.size };
    },
    idle() {
      if (running.size === 0 && waiting.length === 0 && delayed.size === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    async close(timeoutMs = 25_000) {
      // Finish what is running and waiting within the time limit; retries still delayed are dropped.
      for (const t of delayed) clearTimeout(t);
      delayed.clear();
      const done = this.idle();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([done, new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
      clearTimeout(timer);
      closed = true;
    },
  };
}
