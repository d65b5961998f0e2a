import Encoding from "encoding-japanese";
import { zipSync } from "fflate";
import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/parse-config.js";
import { loadRules } from "../../src/rules/load-rules.js";
import type { ScanInput } from "../../src/scan/scan-files.js";
import { scanAndVerify } from "../../src/worker/scan-and-verify.js";
import { expandTemplate } from "../helpers/expand-template.js";

// The App's live verification (verify: true) runs where the scan runs; providers simulated with nock.
beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

const rules = loadRules();
const enc = new TextEncoder();
const sjis = (text: string) => Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to: "SJIS", from: "UNICODE" }));

function request(inputs: ScanInput[], verify: boolean) {
  const config = parseConfig("test", { verify });
  return { inputs, config, rules, customRuleIds: [], fingerprintKey: new Uint8Array(32), verify };
}

function digitalOcean(token: string, status: number) {
  return nock("https://api.digitalocean.com").get("/v2/account").matchHeader("authorization", `Bearer ${token}`).reply(status, {});
}

describe("scanAndVerify", () => {
  it("reads each value back from the input it was found in (a commit's lines, an archive entry) and verifies it", async () => {
    // Templates are seeded by their text: three texts, three values.
    const [a, b, c] = ["a", "b", "c"].map((x) => expandTemplate(`dop_v1_${x}{{hex:63}}`));
    const live = [digitalOcean(a, 200), digitalOcean(b, 200)];
    const revoked = digitalOcean(c, 401);
    const inputs: ScanInput[] = [
      // The same path in two commits: each value is read from its own commit's text.
      { path: "deploy/cloud.env", bytes: enc.encode(`DIGITALOCEAN_TOKEN=${a}\n`), commit: "1".repeat(40) },
      { path: "deploy/cloud.env", bytes: enc.encode(`# rotated\nDIGITALOCEAN_TOKEN=${c}\n`), commit: "2".repeat(40) },
      { path: "backup/settings.zip", bytes: zipSync({ "prod/cloud.env": enc.encode(`NAME=prod\nDIGITALOCEAN_TOKEN=${b}\n`) }) },
    ];
    const result = await scanAndVerify(request(inputs, true));
    const got = result.findings.map((f) => [f.path, f.line, f.verified, f.severity]);
    expect(got).toEqual(
      expect.arrayContaining([
        ["deploy/cloud.env", 1, "live", "critical"],
        ["deploy/cloud.env", 2, "revoked", "high"],
        ["backup/settings.zip!prod/cloud.env", 2, "live", "critical"],
      ]),
    );
    for (const scope of [...live, revoked]) expect(scope.isDone()).toBe(true);
    const out = JSON.stringify(result);
    for (const v of [a, b, c]) expect(out).not.toContain(v);
  });

  it("reads a value from a Shift_JIS file, where the bytes are not the text", async () => {
    const token = expandTemplate("dop_v1_{{hex:64}}");
    const scope = digitalOcean(token, 200);
    const result = await scanAndVerify(request([{ path: "運用/設定.env", bytes: sjis(`# 本番環境の接続設定です\nDO_NOTE="本番用" DIGITALOCEAN_TOKEN=${token}\n`) }], true));
    expect(result.findings.map((f) => [f.ruleId, f.verified])).toEqual([["digitalocean-pat", "live"]]);
    expect(scope.isDone()).toBe(true);
  });

  it("calls no provider without verify, and says unknown when the provider cannot be reached", async () => {
    const token = expandTemplate("dop_v1_{{hex:64}}");
    const inputs = [{ path: "cloud.env", bytes: enc.encode(`DIGITALOCEAN_TOKEN=${token}\n`) }];
    const off = await scanAndVerify(request(inputs, false));
    expect(off.findings.map((f) => f.verified)).toEqual([undefined]);
    // No interceptor and no network: the call fails, the key is `unknown` and keeps its severity.
    const unreachable = await scanAndVerify(request(inputs, true));
    expect(unreachable.findings.map((f) => [f.verified, f.severity])).toEqual([["unknown", "high"]]);
  });
});
