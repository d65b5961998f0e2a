import { runScanJob } from "../app/run-scan-job.js";
import type { ScanJob, ScanJobDeps, ScanJobOutcome } from "../app/scan-job.js";
import { getMetrics } from "../metrics/get-metrics.js";

/** A job that could not even create its check run (GitHub unreachable past the retry budget): the queue retries it later. */
export class RetryableJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RetryableJobError";
  }
}

/**
 * Runs a job from a queue: `runScanJob` (which fails closed on its own and never throws),
 * metrics (scans by conclusion, findings by category, durations); throws RetryableJobError when
 * no check run exists yet, so the queue's back-off retries the job instead of losing it.
 */
export async function runQueuedJob(job: ScanJob, deps: ScanJobDeps, enqueuedAt?: number): Promise<ScanJobOutcome> {
  const m = getMetrics();
  const started = Date.now();
  const outcome = await runScanJob(job, deps);
  const now = Date.now();
  if (outcome.checkRunId === null) {
    m.jobRetries.inc();
    throw new RetryableJobError(outcome.error ?? "could not create the check run");
  }
  m.scans.inc({ conclusion: outcome.conclusion, error: outcome.error ? "true" : "false" });
  for (const [category, n] of Object.entries(outcome.categories ?? {})) m.findings.inc({ category }, n);
  m.jobSeconds.observe({ phase: "run" }, (now - started) / 1000);
  if (enqueuedAt !== undefined) m.jobSeconds.observe({ phase: "total" }, (now - enqueuedAt) / 1000);
  return outcome;
}
