#!/usr/bin/env node
// `mamori worker` (npm run worker, or `node lib/worker/main.js` in the same image): runs scan
// jobs from Redis (REDIS_URL) that the web process queued. Start as many as you like.
import { createProbot } from "probot";
import { checkStartupEnv } from "../app/check-startup-env.js";
import { createMamoriOctokit } from "../app/mamori-octokit.js";
import type { Octokit } from "../app/scan-job.js";
import { createJobRunner } from "../queue/create-job-runner.js";
import { ensureDurableRedis } from "../queue/ensure-durable-redis.js";
import { startRedisWorker } from "../queue/start-redis-worker.js";
import { createScanPool, defaultThreadUrl } from "./create-scan-pool.js";
import { onShutdown } from "./on-shutdown.js";
import { serveWorkerHealth } from "./serve-worker-health.js";

try {
  if (checkStartupEnv(process.env, process.cwd(), { receivesWebhooks: false }) === "setup") throw new Error("a worker needs APP_ID and the private key (PRIVATE_KEY or PRIVATE_KEY_PATH) of the GitHub App");
  if (!process.env.REDIS_URL) throw new Error("a worker needs REDIS_URL (the Redis the web process queues jobs on)");
} catch (error) {
  console.error(`mamori worker: ${(error as Error).message}`);
  process.exit(2);
}

const url = process.env.REDIS_URL!;
const probot = createProbot({ defaults: { logLevel: "info" }, overrides: { redisConfig: undefined, Octokit: createMamoriOctokit() } });
try {
  // Jobs on a Redis without an append-only file are lost when it dies: warn, or refuse (MAMORI_REDIS_REQUIRE_AOF=1).
  await ensureDurableRedis(url, { info: (m) => probot.log.info(m), warn: (m) => probot.log.warn(m) });
} catch (error) {
  console.error(`mamori worker: ${(error as Error).message}`);
  process.exit(2);
}
const pool = defaultThreadUrl() ? createScanPool() : undefined;
const worker = startRedisWorker({
  url,
  depsFor: async (job) => ({ octokit: (await probot.auth(job.installationId)) as unknown as Octokit, log: probot.log }),
  run: createJobRunner(pool),
});
worker.worker.on("error", (error) => probot.log.error({ error: error.message }, "queue error"));
worker.worker.on("failed", (job, error) => probot.log.warn({ job: job?.id, attempts: job?.attemptsMade, error: error.message }, "scan job failed (retried if attempts remain)"));
const port = process.env.MAMORI_METRICS_PORT;
const server = port ? await serveWorkerHealth(Number(port), process.env.MAMORI_METRICS_HOST || "127.0.0.1") : undefined;
probot.log.info({ pid: process.pid, concurrency: worker.worker.opts.concurrency, threads: pool?.size ?? 0 }, "mamori worker ready");
onShutdown(async () => {
  server?.close();
  await worker.close(Number(process.env.MAMORI_SHUTDOWN_MS) || 25_000);
  await pool?.close();
});
