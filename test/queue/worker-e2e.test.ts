import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error plain JS helper shared with the load bench
import { startFakeGitHub } from "../../bench/load/fake-github.mjs";
import type { ScanJob, ScanJobDeps } from "../../src/app/scan-job.js";
import { createRedisQueue } from "../../src/queue/create-redis-queue.js";
import { queueSettings, type QueueSettings } from "../../src/queue/queue-settings.js";
import { privateKey } from "../app/helpers/make-probot.js";
import { bundleEntries } from "../worker/helpers/bundle-entries.js";

// The real `mamori worker` (src/worker/main.ts: BullMQ consumer, Probot auth, Mamori's Octokit,
// worker-thread scanning) against a real redis-server and a simulated GitHub on loopback.
const url = process.env.REDIS_URL;
if (!url) console.warn("test/queue/worker-e2e.test.ts: REDIS_URL is not set, the worker end-to-end tests are SKIPPED (CI runs them: .ci/run starts redis-server)");

interface Fake {
  port: number;
  addRepo(name: string): { base: string; head: string; files: unknown[] };
  done: Map<string, { at: number; conclusion: string }>;
  checkRuns: Map<number, { repo: string; headSha: string; status: string; conclusion?: string }>;
  seen: string[];
  slow(re: RegExp, ms: number): void;
  reset(): void;
  close(): void;
}

const freePort = () => new Promise<number>((resolve) => { const s = createServer().listen(0, "127.0.0.1", () => { const p = (s.address() as { port: number }).port; s.close(() => resolve(p)); }); });

describe.skipIf(!url)("mamori worker processes end to end — needs REDIS_URL", { timeout: 60_000 }, () => {
  let main: string;
  let gh: Fake;
  const children: ChildProcess[] = [];
  const queues: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    const dir = await bundleEntries("worker-e2e", { main: "src/worker/main.ts", "scan-thread": "src/worker/scan-thread.ts" });
    main = `${dir}/main.js`;
    gh = await startFakeGitHub();
  });
  afterEach(async () => {
    for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    for (const q of queues.splice(0)) await q.close();
    gh.reset();
  });
  afterAll(() => gh?.close());

  // A short lock makes a killed worker's job come back fast; a loaded CI machine needs a longer
  // one, or a busy worker's job is taken for stalled and scanned twice.
  function setup(lockMs: number) {
    const settings: QueueSettings = { ...queueSettings({}), name: `mamori-e2e-${randomUUID()}`, lockDurationMs: lockMs, stalledIntervalMs: 300, backoffMs: 200 };
    const queue = createRedisQueue(url!, settings);
    queues.push(queue);
    const startWorker = async () => {
      const metricsPort = await freePort();
      const child = spawn(process.execPath, [main], {
        env: {
          PATH: process.env.PATH, APP_ID: "1", PRIVATE_KEY: privateKey, GHE_HOST: `127.0.0.1:${gh.port}`, GHE_PROTOCOL: "http", LOG_LEVEL: "warn",
          REDIS_URL: url, MAMORI_QUEUE: settings.name, MAMORI_LOCK_MS: String(lockMs), MAMORI_STALLED_INTERVAL_MS: "300", MAMORI_SCAN_THREADS: "1", MAMORI_METRICS_PORT: String(metricsPort),
        },
        stdio: ["ignore", "ignore", "pipe"],
      });
      children.push(child);
      await expect.poll(async () => (await fetch(`http://127.0.0.1:${metricsPort}/healthz`).then((r) => r.ok, () => false)), { timeout: 15_000, interval: 100 }).toBe(true);
      return { child, metrics: () => fetch(`http://127.0.0.1:${metricsPort}/metrics`).then((r) => r.text()) };
    };
    const jobFor = (name: string, installation: number): ScanJob => {
      const repo = gh.addRepo(name);
      return { kind: "pull_request", installationId: installation, owner: "bench", repo: name, headSha: repo.head, baseSha: repo.base, branch: "feature", defaultBranch: "main", publicRepository: false, pullNumber: 1 };
    };
    return { queue, startWorker, jobFor };
  }

  it("two workers share a burst of real scans; every check completes", async () => {
    const { queue, startWorker, jobFor } = setup(10_000);
    const [a, b] = await Promise.all([startWorker(), startWorker()]);
    for (let i = 0; i < 12; i++) await queue.enqueue(jobFor(`burst-${i}`, 100 + i), {} as ScanJobDeps);
    await expect.poll(() => gh.done.size, { timeout: 45_000, interval: 100 }).toBe(12);
    expect(new Set([...gh.done.values()].map((d) => d.conclusion))).toEqual(new Set(["failure"])); // each PR holds a key and personal data
    const scans = (text: string) => Number(/^mamori_scans_total\{conclusion="failure",error="false"\} (\d+)$/m.exec(text)?.[1] ?? 0);
    const [ma, mb] = [scans(await a.metrics()), scans(await b.metrics())];
    expect(ma + mb).toBe(12);
    expect(ma).toBeGreaterThan(0);
    expect(mb).toBeGreaterThan(0);
  });

  it("a worker killed mid-scan loses no job: another worker completes the same check run", async () => {
    const { queue, startWorker, jobFor } = setup(1500);
    const victim = await startWorker();
    gh.slow(/\/compare\//, 2500);
    const job = jobFor("killed-mid-scan", 200);
    await queue.enqueue(job, {} as ScanJobDeps);
    await expect.poll(() => gh.seen.some((s) => s.includes("/repos/bench/killed-mid-scan/compare/")), { timeout: 15_000, interval: 20 }).toBe(true);
    victim.child.kill("SIGKILL");
    expect([...gh.checkRuns.values()].filter((c) => c.repo === "killed-mid-scan")).toMatchObject([{ status: "in_progress" }]);
    await startWorker();
    await expect.poll(() => gh.done.get("killed-mid-scan")?.conclusion, { timeout: 30_000, interval: 100 }).toBe("failure");
    // The survivor found the check run the dead worker created and completed it: one run, completed.
    expect([...gh.checkRuns.values()].filter((c) => c.repo === "killed-mid-scan")).toMatchObject([{ status: "completed", conclusion: "failure" }]);
  });
});
