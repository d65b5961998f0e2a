import type { ApplicationFunction } from "probot";
import { getMetrics } from "../metrics/get-metrics.js";
import { metricsHandler } from "../metrics/metrics-handler.js";
import { createJobRunner } from "../queue/create-job-runner.js";
import { createMemoryQueue } from "../queue/create-memory-queue.js";
import type { ScanQueue } from "../queue/scan-queue.js";
import { healthHandler } from "./health-handler.js";
import { mamoriApp } from "./mamori-app.js";
import type { Octokit } from "./scan-job.js";

/**
 * The web process: the health endpoint (GET /healthz), Prometheus metrics (GET /metrics) and the
 * Mamori event handlers, which put scan jobs on `queue` and return (the webhook is acknowledged
 * before the scan runs). Default queue: in this process (src/queue).
 */
export function createProbotApp(options: { queue?: ScanQueue } = {}): ApplicationFunction {
  return (app, probotOptions) => {
    const queue = options.queue ?? createMemoryQueue({ run: createJobRunner() });
    probotOptions.addHandler(healthHandler);
    probotOptions.addHandler(
      metricsHandler(async () => {
        const d = await queue.depth();
        const g = getMetrics().queueDepth;
        g.set({ state: "waiting" }, d.waiting);
        g.set({ state: "active" }, d.active);
        g.set({ state: "delayed" }, d.delayed);
      }),
    );
    mamoriApp(app, {
      run: async (job, deps) => {
        // In-process jobs get their own installation client (as a worker would): its write pacing is
        // per installation, and a job that waits in the queue does not depend on the webhook's client.
        const octokit = queue.kind === "memory" ? ((await app.auth(job.installationId)) as unknown as Octokit) : deps.octokit;
        const { key, queued } = await queue.enqueue(job, { ...deps, octokit });
        deps.log.info({ job: key, queue: queue.kind }, queued ? "scan queued" : "scan already queued or running for this commit");
      },
    });
  };
}

/** The app with the in-process queue (what tests load). `src/index.ts` passes the queue chosen from the environment. */
export const probotApp: ApplicationFunction = createProbotApp();
