import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import nock from "nock";
import { Probot, createNodeMiddleware } from "probot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probotApp } from "../../src/app/probot-app.js";
import { FakeGitHub } from "./helpers/fake-github.js";
import { TestOctokit, privateKey } from "./helpers/make-probot.js";
import { pullRequestPayload } from "./helpers/payloads.js";
import { envFile, makeSecrets } from "./helpers/samples.js";
import { sendHttp } from "./helpers/send-http.js";

const SECRET = "test-webhook-secret";
let server: Server;
let port: number;
let gh: FakeGitHub;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1/);
  gh = new FakeGitHub();
  gh.install();
  const probot = new Probot({ appId: 123, privateKey, secret: SECRET, logLevel: "fatal", Octokit: TestOctokit });
  const middleware = await createNodeMiddleware(probotApp, { probot });
  server = createServer((req, res) => middleware(req, res, () => res.writeHead(404).end()));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  nock.cleanAll();
  nock.enableNetConnect();
});

const send = (method: string, path: string, body?: string, headers?: Record<string, string>) => sendHttp(port, method, path, body, headers);

describe("through the real HTTP middleware", () => {
  it("answers the health check", async () => {
    expect(await send("GET", "/healthz")).toEqual({ status: 200, body: '{"status":"ok"}' });
  });

  it("runs a scan for a correctly signed pull_request webhook", async () => {
    const s = makeSecrets();
    const base = gh.base({ "README.md": "# widgets\n" });
    const head = gh.commit(base, { ".env": envFile(s) });
    const body = JSON.stringify(pullRequestPayload(gh, { base, head }).payload);
    const signature = "sha256=" + createHmac("sha256", SECRET).update(body).digest("hex");
    const res = await send("POST", "/api/github/webhooks", body, {
      "content-type": "application/json",
      "x-github-event": "pull_request",
      "x-github-delivery": "11111111-2222-3333-4444-555555555555",
      "x-hub-signature-256": signature,
    });
    expect(res.status).toBe(200);
    await expect.poll(() => gh.checkRuns[0]?.status, { timeout: 5000 }).toBe("completed");
    expect(gh.checkRun().conclusion).toBe("failure");
    expect(gh.invalid).toEqual([]);
  });

  it("rejects a webhook with a bad signature and scans nothing", async () => {
    const before = gh.requests.length;
    const body = JSON.stringify(pullRequestPayload(gh, { base: "a".repeat(40), head: "b".repeat(40) }).payload);
    const res = await send("POST", "/api/github/webhooks", body, {
      "content-type": "application/json",
      "x-github-event": "pull_request",
      "x-github-delivery": "11111111-2222-3333-4444-666666666666",
      "x-hub-signature-256": "sha256=" + createHmac("sha256", "not-the-secret").update(body).digest("hex"),
    });
    expect(res.status).toBe(400);
    expect(gh.requests.length).toBe(before);
  });
});
