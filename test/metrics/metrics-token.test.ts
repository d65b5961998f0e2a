import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Probot, createNodeMiddleware } from "probot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProbotApp } from "../../src/app/probot-app.js";
import { createJobRunner } from "../../src/queue/create-job-runner.js";
import { createMemoryQueue } from "../../src/queue/create-memory-queue.js";
import { serveWorkerHealth } from "../../src/worker/serve-worker-health.js";
import { privateKey } from "../app/helpers/make-probot.js";
import { sendHttp } from "../app/helpers/send-http.js";

// A token generated per run: MAMORI_METRICS_TOKEN protects /metrics on the web process and on a worker.
const token = randomBytes(18).toString("base64url");
const servers: Server[] = [];
let webPort = 0;
let workerPort = 0;
const queue = createMemoryQueue({ run: createJobRunner(), concurrency: 1 });

beforeAll(async () => {
  const before = process.env.MAMORI_METRICS_TOKEN;
  process.env.MAMORI_METRICS_TOKEN = token;
  try {
    const probot = new Probot({ appId: 123, privateKey, secret: "test-secret", logLevel: "fatal" });
    const middleware = await createNodeMiddleware(createProbotApp({ queue }), { probot });
    const web = createServer((req, res) => middleware(req, res, () => res.writeHead(404).end()));
    await new Promise<void>((resolve) => web.listen(0, "127.0.0.1", resolve));
    servers.push(web);
    webPort = (web.address() as AddressInfo).port;
    const worker = await serveWorkerHealth(0, "127.0.0.1");
    servers.push(worker);
    workerPort = (worker.address() as AddressInfo).port;
  } finally {
    if (before === undefined) delete process.env.MAMORI_METRICS_TOKEN;
    else process.env.MAMORI_METRICS_TOKEN = before;
  }
});
afterAll(async () => {
  await queue.close(1000);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

describe("MAMORI_METRICS_TOKEN", () => {
  for (const which of ["web process", "worker"] as const) {
    it(`${which}: /metrics answers 401 without the bearer token or with a wrong one, 200 with it; /healthz stays open`, async () => {
      const port = which === "web process" ? webPort : workerPort;
      const none = await sendHttp(port, "GET", "/metrics");
      expect(none.status).toBe(401);
      expect(none.body).not.toContain("mamori_");
      expect((await sendHttp(port, "GET", "/metrics", undefined, { authorization: `Bearer ${token}x` })).status).toBe(401);
      expect((await sendHttp(port, "GET", "/metrics", undefined, { authorization: token })).status).toBe(401);
      const ok = await sendHttp(port, "GET", "/metrics", undefined, { authorization: `Bearer ${token}` });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatch(/^mamori_process_resident_memory_bytes \d+/m);
      expect((await sendHttp(port, "GET", "/healthz")).status).toBe(200);
    });
  }
});
