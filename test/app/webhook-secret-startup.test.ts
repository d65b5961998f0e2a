import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleEntries } from "../worker/helpers/bundle-entries.js";
import { privateKey } from "./helpers/make-probot.js";

// Issue 11, item 4: with NODE_ENV=production and no WEBHOOK_SECRET, the web process started and
// accepted webhooks signed with Probot's public default `development` (and minted installation
// tokens for them). The real entry point is started here: it must exit, not listen.
let dir: string;
const cwd = mkdtempSync(join(tmpdir(), "mamori-webhook-secret-")); // no .env here
afterAll(() => rmSync(cwd, { recursive: true, force: true }));
beforeAll(async () => {
  dir = await bundleEntries("webhook-secret", { index: "src/index.ts", "scan-thread": "src/worker/scan-thread.ts" });
}, 120_000);

/** Starts `npm start`'s entry point; a process still running after `ms` is killed (code null: it started). */
function start(env: Record<string, string>, ms = 30_000) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, [`${dir}/index.js`], { cwd, env: { PATH: process.env.PATH, APP_ID: "1", PRIVATE_KEY: privateKey, PORT: "0", LOG_LEVEL: "warn", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d));
    child.stderr.on("data", (d: Buffer) => (output += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), ms);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe("the web process outside development", () => {
  it.each([
    ["without WEBHOOK_SECRET", { NODE_ENV: "production" }, /WEBHOOK_SECRET is not set/],
    ["with Probot's public default secret", { NODE_ENV: "production", WEBHOOK_SECRET: "development" }, /WEBHOOK_SECRET is Probot's public default/],
  ])("%s refuses to start (exit 1)", { timeout: 60_000 }, async (_name, env, message) => {
    const run = await start(env);
    expect(run.code, run.output).toBe(1);
    expect(run.output).toMatch(message);
  });
});
