import type { ScanJob, ScanJobDeps, ScanJobOutcome } from "../app/scan-job.js";

/** Where the web process puts scan jobs: in this process (default) or on Redis for `mamori worker` processes. */
export interface ScanQueue {
  readonly kind: "memory" | "redis";
  /**
   * Accepts a job and returns at once (the webhook is acknowledged before the scan runs).
   * A job for a (repository, head SHA) already waiting or running is a duplicate: `queued` false.
   */
  enqueue(job: ScanJob, deps: ScanJobDeps): Promise<{ key: string; queued: boolean }>;
  depth(): Promise<QueueDepth>;
  /** Stops taking jobs; waits up to `timeoutMs` for running jobs, then hands them back (Redis) or abandons them (memory). */
  close(timeoutMs?: number): Promise<void>;
}

export interface QueueDepth {
  waiting: number;
  active: number;
  delayed: number;
}

/** Runs one job to its check-run outcome (runQueuedJob with the process's scan pool). */
export type JobRunner = (job: ScanJob, deps: ScanJobDeps, enqueuedAt?: number) => Promise<ScanJobOutcome>;
