import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ScanJob, ScanJobDeps } from "../../src/app/scan-job.js";
import { createRedisQueue } from "../../src/queue/create-redis-queue.js";
import { queueSettings, type QueueSettings } from "../../src/queue/queue-settings.js";
import { bundleEntries } from "../worker/helpers/bundle-entries.js";

// These tests need a real redis-server: `.ci/run` starts one and sets REDIS_URL. Without it
// they are skipped (say so, so nobody mistakes a skip for a pass).
const url = process.env.REDIS_URL;
if (!url) console.warn("test/queue/redis-queue.test.ts: REDIS_URL is not set, the Redis queue tests are SKIPPED (CI runs them: .ci/run starts redis-server)");

const sha = (n: number) => n.toString(16).padStart(40, "0");
const job = (n: number, o: Partial<ScanJob> = {}): ScanJob => ({ kind: "pull_request", installationId: 1, owner: "acme", repo: "widgets", headSha: sha(n), defaultBranch: "main", publicRepository: false, ...o });
const deps = {} as ScanJobDeps;

describe.skipIf(!url)("Redis queue (BullMQ) with worker processes — needs REDIS_URL", { timeout: 40_000 }, () => {
  let script: string;
  let redis: Redis;
  const children: ChildProcess[] = [];
  const queues: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    script = `${await bundleEntries("redis-worker", { "test-worker": "test/queue/helpers/test-worker.ts" })}/test-worker.js`;
    redis = new Redis(url!);
  });
  afterEach(async () => {
    for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    for (const q of queues.splice(0)) await q.close();
  });
  afterAll(() => redis?.disconnect());

  function setup(overrides: Partial<QueueSettings> = {}) {
    const settings: QueueSettings = { ...queueSettings({}), name: `mamori-test-${randomUUID()}`, lockDurationMs: 1000, stalledIntervalMs: 300, backoffMs: 100, concurrency: 2, ...overrides };
    const queue = createRedisQueue(url!, settings);
    queues.push(queue);
    const log = async () => (await redis.lrange(`${settings.name}:test-log`, 0, -1)).map((l) => l.split(" "));
    const startWorker = async (env: Record<string, string> = {}) => {
      const child = spawn(process.execPath, [script], {
        env: { ...process.env, REDIS_URL: url, MAMORI_QUEUE: settings.name, MAMORI_LOCK_MS: String(settings.lockDurationMs), MAMORI_STALLED_INTERVAL_MS: String(settings.stalledIntervalMs), MAMORI_CONCURRENCY: String(settings.concurrency), ...env },
        stdio: ["ignore", "ignore", "pipe"],
      });
      children.push(child);
      await expect.poll(async () => (await log()).some(([e, , pid]) => e === "ready" && pid === String(child.pid)), { timeout: 10_000, interval: 50 }).toBe(true);
      return child;
    };
    const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", (code) => resolve(code))));
    return { settings, queue, log, startWorker, exited };
  }

  it("two worker processes share a burst of jobs; each job completes exactly once", async () => {
    const { queue, log, startWorker } = setup({ lockDurationMs: 10_000 }); // no false stalls on a loaded machine
    const [a, b] = await Promise.all([startWorker(), startWorker()]);
    for (let i = 1; i <= 24; i++) expect((await queue.enqueue(job(i, { expectedFiles: 40 }), deps)).queued).toBe(true);
    await expect.poll(async () => (await log()).filter(([e]) => e === "done").length, { timeout: 20_000, interval: 100 }).toBe(24);
    const done = (await log()).filter(([e]) => e === "done");
    expect(new Set(done.map(([, s]) => s)).size).toBe(24);
    const byPid = new Set(done.map(([, , pid]) => pid));
    expect(byPid).toEqual(new Set([String(a.pid), String(b.pid)]));
    expect(await queue.depth()).toEqual({ waiting: 0, active: 0, delayed: 0 });
  });

  it("a worker killed mid-job loses nothing: the job completes on the other worker", async () => {
    const { queue, log, startWorker, exited } = setup({ concurrency: 1 });
    const victim = await startWorker();
    await queue.enqueue(job(100, { expectedFiles: 1500 }), deps);
    await expect.poll(async () => (await log()).some(([e, s]) => e === "start" && s === sha(100)), { timeout: 10_000, interval: 50 }).toBe(true);
    victim.kill("SIGKILL");
    await exited(victim);
    const survivor = await startWorker();
    await expect.poll(async () => (await log()).find(([e, s]) => e === "done" && s === sha(100))?.[2], { timeout: 20_000, interval: 100 }).toBe(String(survivor.pid));
    expect((await log()).filter(([e, , pid]) => e === "done" && pid === String(victim.pid))).toEqual([]);
  });

  it("duplicates of a (repository, head SHA) collapse into one job", async () => {
    const { queue, log, startWorker } = setup();
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await queue.enqueue(job(7, { deliveryId: `delivery-${i}` }), deps));
    expect(results.map((r) => r.queued)).toEqual([true, false, false, false, false]);
    expect(await queue.depth()).toMatchObject({ waiting: 1 });
    await startWorker();
    await expect.poll(async () => (await log()).filter(([e]) => e === "done").length, { timeout: 10_000, interval: 50 }).toBe(1);
    // Once completed, the same commit can be scanned again (a re-run).
    await expect.poll(() => queue.depth(), { timeout: 10_000, interval: 50 }).toEqual({ waiting: 0, active: 0, delayed: 0 });
    expect((await queue.enqueue(job(7), deps)).queued).toBe(true);
    await expect.poll(async () => (await log()).filter(([e]) => e === "done").length, { timeout: 10_000, interval: 50 }).toBe(2);
  });

  it("retries a job that throws, with back-off", async () => {
    const { queue, log, startWorker } = setup();
    await startWorker();
    await queue.enqueue(job(9, { deliveryId: "fail-once" }), deps);
    await expect.poll(async () => (await log()).map(([e]) => e).filter((e) => e !== "ready"), { timeout: 10_000, interval: 50 }).toEqual(["start", "fail", "start", "done"]);
  });

  it("graceful shutdown finishes the running job, or hands it back past the time limit", async () => {
    const { queue, log, startWorker, exited } = setup({ concurrency: 1 });
    const patient = await startWorker();
    await queue.enqueue(job(20, { expectedFiles: 600 }), deps);
    await expect.poll(async () => (await log()).some(([e, s]) => e === "start" && s === sha(20)), { timeout: 10_000, interval: 50 }).toBe(true);
    patient.kill("SIGTERM");
    expect(await exited(patient)).toBe(0);
    expect((await log()).find(([e, s]) => e === "done" && s === sha(20))?.[2]).toBe(String(patient.pid));

    const hasty = await startWorker({ MAMORI_SHUTDOWN_MS: "100" });
    await queue.enqueue(job(21, { expectedFiles: 2500 }), deps);
    await expect.poll(async () => (await log()).some(([e, s]) => e === "start" && s === sha(21)), { timeout: 10_000, interval: 50 }).toBe(true);
    hasty.kill("SIGTERM");
    expect(await exited(hasty)).toBe(0);
    const next = await startWorker();
    await expect.poll(async () => (await log()).find(([e, s]) => e === "done" && s === sha(21))?.[2], { timeout: 20_000, interval: 100 }).toBe(String(next.pid));
  });
});
