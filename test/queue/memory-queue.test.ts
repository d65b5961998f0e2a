import { describe, expect, it } from "vitest";
import type { ScanJob, ScanJobDeps, ScanJobOutcome } from "../../src/app/scan-job.js";
import { createMemoryQueue } from "../../src/queue/create-memory-queue.js";
import { jobKey } from "../../src/queue/job-key.js";

const deps = {} as ScanJobDeps;
const job = (i: number, sha = String(i).padStart(40, "0")): ScanJob => ({ kind: "pull_request", installationId: 1, owner: "acme", repo: `repo-${i % 3}`, headSha: sha, defaultBranch: "main", publicRepository: false });
const ok: ScanJobOutcome = { checkRunId: 1, conclusion: "success", findings: 0 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("createMemoryQueue", () => {
  it("returns at once and runs at most `concurrency` jobs together", async () => {
    let running = 0;
    let peak = 0;
    const done: string[] = [];
    const q = createMemoryQueue({
      concurrency: 3,
      run: async (j) => {
        peak = Math.max(peak, ++running);
        await sleep(20);
        running--;
        done.push(jobKey(j));
        return ok;
      },
    });
    const started = Date.now();
    for (let i = 0; i < 12; i++) expect((await q.enqueue(job(i), deps)).queued).toBe(true);
    expect(Date.now() - started).toBeLessThan(15); // acknowledged before any job ran to its end
    await q.idle();
    expect(done).toHaveLength(12);
    expect(peak).toBe(3);
  });

  it("collapses duplicates of a (repository, head SHA) waiting or running, and takes it again once done", async () => {
    let runs = 0;
    const q = createMemoryQueue({ concurrency: 1, run: async () => (runs++, await sleep(10), ok) });
    const results = await Promise.all([1, 2, 3].map(() => q.enqueue(job(1), deps)));
    expect(results.map((r) => r.queued)).toEqual([true, false, false]);
    await q.idle();
    expect(runs).toBe(1);
    expect((await q.enqueue(job(1), deps)).queued).toBe(true); // a re-run of the same commit later is a new job
    await q.idle();
    expect(runs).toBe(2);
  });

  it("retries a job whose runner throws, with back-off, then reports it failed", async () => {
    const times: number[] = [];
    const failed: string[] = [];
    const q = createMemoryQueue({ concurrency: 1, attempts: 3, backoffMs: 20, run: async () => (times.push(Date.now()), Promise.reject(new Error("GitHub down"))), onFailed: (j) => failed.push(j.repo) });
    await q.enqueue(job(4), deps);
    await q.idle();
    expect(times).toHaveLength(3);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(18);
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(38);
    expect(failed).toEqual(["repo-1"]);
  });

  it("finishes running and waiting jobs on close, then refuses new ones", async () => {
    const done: number[] = [];
    const q = createMemoryQueue({ concurrency: 1, run: async (j) => (await sleep(15), done.push(Number(j.headSha)), ok) });
    await q.enqueue(job(1), deps);
    await q.enqueue(job(2), deps);
    expect(await q.depth()).toEqual({ waiting: 1, active: 1, delayed: 0 });
    await q.close(2000);
    expect(done).toEqual([1, 2]);
    await expect(q.enqueue(job(3), deps)).rejects.toThrow(/shutting down/);
  });
});

describe("createRedisQueue without a reachable Redis", () => {
  it("rejects an enqueue within MAMORI_ENQUEUE_TIMEOUT_MS instead of hanging the webhook", async () => {
    process.env.MAMORI_ENQUEUE_TIMEOUT_MS = "300";
    const { createRedisQueue } = await import("../../src/queue/create-redis-queue.js");
    const q = createRedisQueue("redis://127.0.0.1:1", { name: "unreachable", attempts: 1, backoffMs: 1, lockDurationMs: 1000, stalledIntervalMs: 1000, concurrency: 1 });
    (q.queue as unknown as { on(e: string, f: () => void): void }).on("error", () => {});
    const started = Date.now();
    await expect(q.enqueue(job(1), deps)).rejects.toThrow(/Redis did not answer within 0.3 s/);
    expect(Date.now() - started).toBeLessThan(2000);
    delete process.env.MAMORI_ENQUEUE_TIMEOUT_MS;
    await q.close();
  });
});
