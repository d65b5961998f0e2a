import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/parse-config.js";
import type { RuleInput } from "../../src/rules/rule-schema.js";
import { loadRules } from "../../src/rules/load-rules.js";
import { createScanPool, type ScanPool } from "../../src/worker/create-scan-pool.js";
import { runScanRequest, type ScanRequest } from "../../src/worker/run-scan-request.js";
import { makeSecrets } from "../app/helpers/samples.js";
import { bundleEntries } from "./helpers/bundle-entries.js";

const enc = new TextEncoder();
const builtin = loadRules();
const secrets = makeSecrets();
const awsLine = () => `AWS_ACCESS_KEY_ID=${secrets.awsKeyId}\n`;
const custom = (id: string, pattern: string): RuleInput => ({
  id,
  title: { en: "Custom", ja: "カスタム" },
  remediation: { en: "Remove it.", ja: "削除してください。" },
  category: "secret",
  kind: "custom-token",
  severity: "high",
  pattern,
  samples: { match: ["aaaa"], nomatch: ["b"] },
});

function request(text: string, customRules: RuleInput[] = [], re2 = true): ScanRequest {
  const config = parseConfig("test", { custom: customRules });
  return { inputs: [{ path: "config/app.env", bytes: enc.encode(text) }], config, rules: [...builtin, ...config.custom], customRuleIds: re2 ? config.custom.map((r) => r.id) : [] };
}

let pool: ScanPool;
beforeAll(async () => {
  const dir = await bundleEntries("scan-pool", { "scan-thread": "src/worker/scan-thread.ts" });
  pool = createScanPool({ size: 2, threadUrl: new URL(`file://${dir}/scan-thread.js`), timeoutMs: 20_000 });
});
afterAll(() => pool?.close());

describe("createScanPool (worker threads)", () => {
  it("gives the same findings as the inline pipeline, with only redacted previews crossing back", async () => {
    const req = request(`# app\n${awsLine()}`);
    const threaded = await pool.run(req);
    const inline = runScanRequest(req);
    expect(threaded.findings.map((f) => [f.ruleId, f.line, f.fingerprint])).toEqual(inline.findings.map((f) => [f.ruleId, f.line, f.fingerprint]));
    expect(threaded.findings.length).toBeGreaterThan(0);
    expect(JSON.stringify(threaded)).not.toContain(secrets.awsKeyId);
  });

  it("runs a repository's catastrophic custom pattern in linear time on RE2", async () => {
    const started = Date.now();
    const result = await pool.run(request(`${"a".repeat(20_000)}b\n`, [custom("evil-nested", "^(a+)+$")]));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(result.stats.files).toBe(1);
  });

  it("terminates a thread that overruns its time limit, rejects, and keeps serving", async () => {
    // The same pattern on JavaScript's RegExp (what RE2 prevents) backtracks for minutes.
    const stuck = pool.run(request(`${"a".repeat(40)}b\n`, [custom("evil-nested", "^(a+)+$")], false), { timeoutMs: 500 });
    await expect(stuck).rejects.toThrow(/did not finish within/);
    const after = await pool.run(request(awsLine()));
    expect(after.findings.length).toBeGreaterThan(0);
  });

  it("keeps the event loop free while threads scan", async () => {
    const big = Array.from({ length: 40_000 }, (_, i) => `line ${i} password = "x${i}y" 090-${String(i).padStart(4, "0")}-5678 山田太郎`).join("\n");
    let maxLag = 0;
    let last = Date.now();
    const tick = setInterval(() => {
      const now = Date.now();
      maxLag = Math.max(maxLag, now - last - 10);
      last = now;
    }, 10);
    const started = Date.now();
    await Promise.all([pool.run(request(big)), pool.run(request(big))]);
    clearInterval(tick);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThan(100); // real work happened
    // A scan on the main thread would stall the loop for about the whole scan; on threads the
    // loop only waits for messages. Relative to the scan, so a loaded machine does not fail it.
    expect(maxLag).toBeLessThan(elapsed / 2);
  });

  it("verifies in the thread when the request asks for it (verify: true), posting back only redacted findings", async () => {
    // An AWS secret access key without its key id: the verifier needs both, so it answers
    // `unknown` without any call (no test touches the network); the thread still ran verification.
    const text = `AWS_SECRET_ACCESS_KEY=${secrets.awsSecret}\n`;
    const plain = await pool.run(request(text));
    const verified = await pool.run({ ...request(text), verify: true });
    expect(plain.findings.map((f) => [f.ruleId, f.verified])).toEqual([["aws-secret-access-key", undefined]]);
    expect(verified.findings.map((f) => [f.ruleId, f.verified])).toEqual([["aws-secret-access-key", "unknown"]]);
    expect(JSON.stringify(verified)).not.toContain(secrets.awsSecret);
  });
});

