// A `mamori worker` stand-in for the Redis tests: the real BullMQ consumer (startRedisWorker) and
// shutdown handling, with a runner that logs to Redis and sleeps instead of scanning.
// Job fields used: `expectedFiles` = milliseconds to work; `deliveryId` "fail-once" throws on the first attempt.
import { Redis } from "ioredis";
import type { ScanJobDeps } from "../../../src/app/scan-job.js";
import { queueSettings } from "../../../src/queue/queue-settings.js";
import { startRedisWorker } from "../../../src/queue/start-redis-worker.js";
import { onShutdown } from "../../../src/worker/on-shutdown.js";

const url = process.env.REDIS_URL!;
const settings = queueSettings();
const redis = new Redis(url);
const logKey = `${settings.name}:test-log`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const worker = startRedisWorker({
  url,
  settings,
  depsFor: async () => ({}) as ScanJobDeps,
  run: async (job) => {
    await redis.rpush(logKey, `start ${job.headSha} ${process.pid}`);
    await sleep(job.expectedFiles ?? 0);
    if (job.deliveryId === "fail-once" && (await redis.incr(`${logKey}:attempts:${job.headSha}`)) === 1) {
      await redis.rpush(logKey, `fail ${job.headSha} ${process.pid}`);
      throw new Error("simulated: could not create the check run");
    }
    await redis.rpush(logKey, `done ${job.headSha} ${process.pid}`);
    return { checkRunId: 1, conclusion: "success", findings: 0 };
  },
});
worker.worker.on("ready", () => void redis.rpush(logKey, `ready - ${process.pid}`));
onShutdown(async () => {
  await worker.close(Number(process.env.MAMORI_SHUTDOWN_MS) || 10_000);
  await redis.rpush(logKey, `exit - ${process.pid}`);
  redis.disconnect();
});
