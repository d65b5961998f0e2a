import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

export interface MamoriMetrics {
  registry: Registry;
  /** Completed scan jobs by conclusion (success, neutral, failure) and whether they failed closed on an error. */
  scans: Counter<"conclusion" | "error">;
  /** Reported findings by category (secret, pii). */
  findings: Counter<"category">;
  /** Time from enqueue to completed check, and the run time of the job alone. */
  jobSeconds: Histogram<"phase">;
  /** Jobs waiting / running (sampled from the queue at scrape time). */
  queueDepth: Gauge<"state">;
  /** GitHub API requests by method and status (0: no answer). Each retry counts. */
  githubRequests: Counter<"method" | "status">;
  /** The last `x-ratelimit-remaining` GitHub sent. */
  rateLimitRemaining: Gauge;
  /** Jobs the queue retried or handed back. */
  jobRetries: Counter;
}

let metrics: MamoriMetrics | undefined;

/** The process's metrics (prom-client), created on first use with Node's default metrics. */
export function getMetrics(): MamoriMetrics {
  if (metrics) return metrics;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "mamori_" });
  const m: MamoriMetrics = {
    registry,
    scans: new Counter({ name: "mamori_scans_total", help: "Completed scan jobs by check conclusion", labelNames: ["conclusion", "error"], registers: [registry] }),
    findings: new Counter({ name: "mamori_findings_total", help: "Findings reported in check runs, by category", labelNames: ["category"], registers: [registry] }),
    jobSeconds: new Histogram({
      name: "mamori_job_duration_seconds",
      help: "Scan job durations: phase=total from enqueue to completed check, phase=run the job alone",
      labelNames: ["phase"],
      buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600],
      registers: [registry],
    }),
    queueDepth: new Gauge({ name: "mamori_queue_jobs", help: "Scan jobs in the queue by state (waiting, active, delayed)", labelNames: ["state"], registers: [registry] }),
    githubRequests: new Counter({ name: "mamori_github_requests_total", help: "GitHub API requests by method and HTTP status (0: no answer)", labelNames: ["method", "status"], registers: [registry] }),
    rateLimitRemaining: new Gauge({ name: "mamori_github_rate_limit_remaining", help: "The last x-ratelimit-remaining GitHub answered", registers: [registry] }),
    jobRetries: new Counter({ name: "mamori_job_retries_total", help: "Scan jobs retried by the queue (errors, workers that died)", registers: [registry] }),
  };
  metrics = m;
  return m;
}
