import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleEntries } from "../worker/helpers/bundle-entries.js";

// The `mamori` executable itself (src/cli/main.ts), compiled on the fly and run as a process.
let dir: string;
beforeAll(async () => {
  dir = await bundleEntries("cli-main", { main: "src/cli/main.ts" });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], options: { env?: NodeJS.ProcessEnv; closeAfterFirstLine?: boolean } = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [`${dir}/main.js`, ...args], { env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      // Like `| head -1`: the reader goes away after the first line.
      if (options.closeAfterFirstLine && stdout.includes("\n")) child.stdout.destroy();
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("the mamori command", () => {
  it("stops quietly when its reader goes away (mamori rules -f json | head -1)", async () => {
    const { code, stderr } = await run(["rules", "-f", "json"], { closeAfterFirstLine: true });
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  });

  it("runs the queue worker as `mamori worker`", async () => {
    const env = { ...process.env, APP_ID: "", PRIVATE_KEY: "", PRIVATE_KEY_PATH: "", REDIS_URL: "" };
    const { code, stderr } = await run(["worker"], { env });
    expect(stderr).toMatch(/^mamori worker: a worker needs APP_ID/);
    expect(code).toBe(2);
  });

  it("prints its version", async () => {
    const { code, stdout } = await run(["--version"]);
    expect(stdout).toMatch(/^\d+\.\d+\.\d+/);
    expect(code).toBe(0);
  });
});
