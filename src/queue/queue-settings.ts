/** BullMQ settings shared by the web process and the workers, from the environment. */
export interface QueueSettings {
  /** Queue name (MAMORI_QUEUE, default "mamori-scan"): several deployments can share one Redis. */
  name: string;
  /** Runs of a job that throws (MAMORI_JOB_ATTEMPTS, default 5). */
  attempts: number;
  /** First retry delay, doubled each time (MAMORI_JOB_BACKOFF_MS, default 5,000). */
  backoffMs: number;
  /** A worker that has not renewed a job's lock for this long is presumed dead (MAMORI_LOCK_MS, default 30,000). */
  lockDurationMs: number;
  /** How often workers look for jobs whose worker died (MAMORI_STALLED_INTERVAL_MS, default 15,000). */
  stalledIntervalMs: number;
  /** Jobs each worker runs at once (MAMORI_CONCURRENCY, default 4). */
  concurrency: number;
}

export function queueSettings(env: NodeJS.ProcessEnv = process.env): QueueSettings {
  const n = (v: string | undefined, d: number) => (v !== undefined && v !== "" && Number.isFinite(Number(v)) && Number(v) > 0 ? Number(v) : d);
  return {
    name: env.MAMORI_QUEUE || "mamori-scan",
    attempts: n(env.MAMORI_JOB_ATTEMPTS, 5),
    backoffMs: n(env.MAMORI_JOB_BACKOFF_MS, 5000),
    lockDurationMs: n(env.MAMORI_LOCK_MS, 30_000),
    stalledIntervalMs: n(env.MAMORI_STALLED_INTERVAL_MS, 15_000),
    concurrency: n(env.MAMORI_CONCURRENCY, 4),
  };
}
