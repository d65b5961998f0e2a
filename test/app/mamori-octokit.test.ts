import { Writable } from "node:stream";
import nock from "nock";
import { pino } from "pino";
import { Probot } from "probot";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mamoriApp } from "../../src/app/mamori-app.js";
import { createMamoriOctokit } from "../../src/app/mamori-octokit.js";
import { getMetrics } from "../../src/metrics/get-metrics.js";
import { FakeGitHub } from "./helpers/fake-github.js";
import { privateKey } from "./helpers/make-probot.js";
import { validateRequestBody } from "./helpers/openapi.js";
import { pullRequestPayload } from "./helpers/payloads.js";

// GitHub faults injected with nock in front of the simulated GitHub, through Probot's Octokit
// with Mamori's retry/throttle budget (real plugins, tiny waits): each fault is retried within
// the budget and the scan completes; past the budget the check fails closed with the reason.
const TinyBudgetOctokit = createMamoriOctokit({ retries: 2, retryAfterBaseValue: 1, rateLimitRetries: 2, maxRateLimitWaitS: 60, throttleBaseValue: 1, requestTimeoutMs: 500 });

let gh: FakeGitHub;
let faults: nock.Scope;
beforeAll(() => {
  validateRequestBody("POST", "/repos/acme/widgets/check-runs", { name: "Mamori", head_sha: "0".repeat(40) }); // load GitHub's OpenAPI description before the clock matters
});
beforeEach(() => {
  nock.disableNetConnect();
  gh = new FakeGitHub();
  faults = nock("https://api.github.com"); // registered before the simulated GitHub: answers first
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

async function scanCleanPullRequest(): Promise<{ logs: string[] }> {
  gh.install();
  const logs: string[] = [];
  const log = pino({ level: "trace" }, new Writable({ write: (c, _e, done) => (logs.push(String(c)), done()) }));
  const probot = new Probot({ appId: 123, privateKey, secret: "s", log, Octokit: TinyBudgetOctokit });
  await probot.load((app) => mamoriApp(app));
  const base = gh.base({ "README.md": "# widgets\n" });
  const head = gh.commit(base, { "src/add.ts": "export const add = (a: number, b: number) => a + b;\n" });
  await probot.receive(pullRequestPayload(gh, { base, head }));
  return { logs };
}

const COMPARE = /\/repos\/acme\/widgets\/compare\//;
const compareCalls = () => gh.requests.filter((r) => COMPARE.test(r.path)).length;
const reset = (inSeconds: number) => String(Math.floor(Date.now() / 1000) + inSeconds);

describe("GitHub faults are retried within the budget", () => {
  it("5xx twice, then an answer", async () => {
    faults.get(COMPARE).times(2).reply(502, { message: "Bad Gateway" });
    await scanCleanPullRequest();
    expect(gh.checkRun()).toMatchObject({ status: "completed", conclusion: "success" });
    expect(faults.isDone()).toBe(true);
    expect(compareCalls()).toBe(1);
  });

  it("a secondary rate limit with retry-after", async () => {
    faults.get(COMPARE).reply(403, { message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again." }, { "retry-after": "1" });
    await scanCleanPullRequest();
    expect(gh.checkRun().conclusion).toBe("success");
    expect(faults.isDone()).toBe(true);
  });

  it("primary rate-limit exhaustion that resets soon", async () => {
    faults.get(COMPARE).reply(403, { message: "API rate limit exceeded for installation ID 1." }, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset(1) });
    await scanCleanPullRequest();
    expect(gh.checkRun().conclusion).toBe("success");
    expect(faults.isDone()).toBe(true);
  });

  it("a timeout (no answer within the request time limit)", async () => {
    faults.get(COMPARE).delay(2000).reply(200, {});
    await scanCleanPullRequest();
    expect(gh.checkRun().conclusion).toBe("success");
    expect(faults.isDone()).toBe(true);
  });

  it("a broken connection", async () => {
    faults.get(COMPARE).replyWithError({ code: "ECONNRESET", message: "socket hang up" });
    await scanCleanPullRequest();
    expect(gh.checkRun().conclusion).toBe("success");
    expect(faults.isDone()).toBe(true);
  });
});

describe("past the budget the check fails closed with the reason", () => {
  it.each([
    ["5xx on every try", () => faults.get(COMPARE).times(3).reply(503, { message: "Service Unavailable" }), /compare.*answered 503/],
    ["secondary rate limit on every try", () => faults.get(COMPARE).times(3).reply(403, { message: "You have exceeded a secondary rate limit." }, { "retry-after": "1" }), /answered 403: You have exceeded a secondary rate limit/],
    ["primary rate limit that resets in an hour", () => faults.get(COMPARE).reply(403, { message: "API rate limit exceeded for installation ID 1." }, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset(3600) }), /answered 403: API rate limit exceeded/],
    ["no answer on every try", () => faults.get(COMPARE).times(3).delay(2000).reply(200, {}), /no answer within/],
    ["connection broken on every try", () => faults.get(COMPARE).times(3).replyWithError({ code: "ECONNRESET", message: "socket hang up" }), /connection failed: .*socket hang up/],
  ])("%s", async (_, inject, reason) => {
    inject();
    await scanCleanPullRequest();
    const run = gh.checkRun();
    expect(run).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(`${run.output.title}\n${run.output.summary}`).toMatch(reason);
    expect(faults.isDone()).toBe(true);
    expect(compareCalls()).toBe(0); // the simulated GitHub never answered the compare
  });

  it("counts every try in the metrics, with the status", async () => {
    const before = (await getMetrics().githubRequests.get()).values.find((v) => v.labels.status === "502" && v.labels.method === "GET")?.value ?? 0;
    faults.get(COMPARE).times(3).reply(502, { message: "Bad Gateway" });
    await scanCleanPullRequest();
    const after = (await getMetrics().githubRequests.get()).values.find((v) => v.labels.status === "502" && v.labels.method === "GET")?.value ?? 0;
    expect(after - before).toBe(3);
    expect(gh.checkRun().conclusion).toBe("failure");
  });
});
