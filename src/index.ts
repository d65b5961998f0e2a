// Probot wiring only: `npm start` (node lib/index.js). With no APP_ID, Probot's setup page
// registers the app from app.yml (set NO_SMEE_SETUP=true where smee.io is not reachable).
// Scans run as queued jobs: in this process by default, in `mamori worker` processes with REDIS_URL.
import { run } from "probot";
import { checkStartupEnv } from "./app/check-startup-env.js";
import { createMamoriOctokit } from "./app/mamori-octokit.js";
import { createProbotApp } from "./app/probot-app.js";
import { ensureDurableRedis } from "./queue/ensure-durable-redis.js";
import { queueFromEnv } from "./queue/queue-from-env.js";
import { createScanPool, defaultThreadUrl } from "./worker/create-scan-pool.js";
import { onShutdown } from "./worker/on-shutdown.js";

try {
  checkStartupEnv(); // loads .env; a malformed PRIVATE_KEY must stop here, not fall into setup mode
  // Jobs on a Redis without an append-only file are lost when it dies: warn, or refuse (MAMORI_REDIS_REQUIRE_AOF=1).
  if (process.env.REDIS_URL) await ensureDurableRedis(process.env.REDIS_URL, { info: (m) => console.log(`mamori: ${m}`), warn: (m) => console.error(`mamori: ${m}`) });
} catch (error) {
  console.error(`mamori: ${(error as Error).message}`);
  process.exit(1);
}

const pool = process.env.REDIS_URL || !defaultThreadUrl() ? undefined : createScanPool();
const queue = queueFromEnv(process.env, pool);
const probotSigint = new Set(process.listeners("SIGINT"));
// REDIS_URL is Mamori's queue: hide it from Probot, whose throttling would fetch another ioredis.
const env = new Proxy(process.env, { get: (target, key) => (key === "REDIS_URL" ? undefined : target[key as string]) });
const server = await run(createProbotApp({ queue }), { env, Octokit: createMamoriOctokit() });
const added = process.listeners("SIGINT").filter((l) => !probotSigint.has(l));
onShutdown(async () => {
  await server.stop();
  await queue.close(Number(process.env.MAMORI_SHUTDOWN_MS) || 25_000);
  await pool?.close();
}, added as never);
