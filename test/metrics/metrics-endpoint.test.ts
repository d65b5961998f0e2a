import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import nock from "nock";
import { Probot, createNodeMiddleware } from "probot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProbotApp } from "../../src/app/probot-app.js";
import { createJobRunner } from "../../src/queue/create-job-runner.js";
import { createMemoryQueue } from "../../src/queue/create-memory-queue.js";
import { FakeGitHub } from "../app/helpers/fake-github.js";
import { privateKey } from "../app/helpers/make-probot.js";
import { createMamoriOctokit } from "../../src/app/mamori-octokit.js";
import { pullRequestPayload } from "../app/helpers/payloads.js";
import { envFile, makeSecrets } from "../app/helpers/samples.js";
import { sendHttp } from "../app/helpers/send-http.js";

const SECRET = "test-webhook-secret";
let server: Server;
let port: number;
let gh: FakeGitHub;
// Mamori's Octokit (it counts GitHub requests) with retries and write pacing off for speed.
const TestOctokit = createMamoriOctokit().defaults((o: Record<string, any>) => ({ ...o, retry: { enabled: false }, throttle: { ...o.throttle, enabled: false } }));
const queue = createMemoryQueue({ run: createJobRunner(), concurrency: 2 });

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1/);
  gh = new FakeGitHub();
  gh.install();
  const probot = new Probot({ appId: 123, privateKey, secret: SECRET, logLevel: "fatal", Octokit: TestOctokit });
  const middleware = await createNodeMiddleware(createProbotApp({ queue }), { probot });
  server = createServer((req, res) => middleware(req, res, () => res.writeHead(404).end()));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await queue.close(5000);
  await new Promise((resolve) => server.close(resolve));
  nock.cleanAll();
  nock.enableNetConnect();
});

const send = (method: string, path: string, body?: string, headers?: Record<string, string>) => sendHttp(port, method, path, body, headers);

describe("the web process", () => {
  it("acknowledges a webhook before the scan runs, then completes the check", async () => {
    gh.slow(/\/compare\//, 1500); // GitHub is slow: the scan takes longer than the webhook may
    const s = makeSecrets();
    const base = gh.base({ "README.md": "# widgets\n" });
    const head = gh.commit(base, { ".env": envFile(s) });
    const body = JSON.stringify(pullRequestPayload(gh, { base, head }).payload);
    const started = Date.now();
    const res = await send("POST", "/api/github/webhooks", body, {
      "content-type": "application/json",
      "x-github-event": "pull_request",
      "x-github-delivery": "aaaaaaaa-2222-3333-4444-555555555555",
      "x-hub-signature-256": "sha256=" + createHmac("sha256", SECRET).update(body).digest("hex"),
    });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(gh.checkRuns[0]?.status).not.toBe("completed");
    await expect.poll(() => gh.checkRuns[0]?.status, { timeout: 10_000 }).toBe("completed");
    expect(gh.checkRun().conclusion).toBe("failure");
  });

  it("serves Prometheus metrics: scans, findings by category, durations, queue depth, GitHub requests", async () => {
    await queue.idle();
    const res = await send("GET", "/metrics");
    expect(res.status).toBe(200);
    const text = res.body;
    expect(text).toMatch(/^mamori_scans_total\{conclusion="failure",error="false"\} 1$/m);
    expect(text).toMatch(/^mamori_findings_total\{category="secret"\} 3$/m);
    expect(text).toMatch(/^mamori_job_duration_seconds_count\{phase="total"\} 1$/m);
    expect(text).toMatch(/^mamori_queue_jobs\{state="waiting"\} 0$/m);
    expect(text).toMatch(/^mamori_github_requests_total\{method="[A-Z]+",status="\d+"\} \d+$/m);
    expect(text).toMatch(/^mamori_process_resident_memory_bytes \d+/m);
    expect(text).not.toMatch(/AKIA|ghp_/); // no value ever reaches the metrics
  });

  it("still answers the health check", async () => {
    expect(await send("GET", "/healthz")).toEqual({ status: 200, body: '{"status":"ok"}' });
  });
});
