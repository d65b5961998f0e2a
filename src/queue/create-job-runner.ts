import type { ScanPool } from "../worker/create-scan-pool.js";
import { runQueuedJob } from "./run-queued-job.js";
import type { JobRunner } from "./scan-queue.js";

/** The runner queues call: `runQueuedJob` with the CPU-bound pipeline on `pool`'s threads (inline without a pool). */
export function createJobRunner(pool?: ScanPool): JobRunner {
  return (job, deps, enqueuedAt) => runQueuedJob(job, pool ? { ...deps, scan: (request) => pool.run(request) } : deps, enqueuedAt);
}
