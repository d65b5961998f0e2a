import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { ConfigError, parseConfig } from "../../src/config/parse-config.js";

const SOURCE = "acme/widgets:.github/mamori.yml";

const valid: [string, string][] = [
  ["empty file", ""],
  ["language and failOn", "language: ja\nfailOn: medium\n"],
  ["rules", "rules:\n  disable: [generic-password]\n  severity:\n    github-pat-classic: critical\n"],
  ["paths", "paths:\n  ignore: ['test/fixtures/**']\n  include: ['src/**']\n"],
  ["allow", "allow:\n  - fingerprint: abc123\n    reason: test fixture\n"],
  ["pii", "pii:\n  minConfidence: high\n  kinds: [phone, email]\n"],
  ["scan", "scan:\n  archives: false\n  maxFileBytes: 1000000\n"],
  ["locks", "locks:\n  rules: true\n  failOn: true\n  paths: true\n"],
  ["_extends is accepted", "_extends: .github\nlanguage: ja\n"],
];

const invalid: [string, string, string][] = [
  ["unknown top-level key", "ruels:\n  disable: [x]\n", "ruels"],
  ["misspelled nested key", "paths:\n  ignored: ['a/**']\n", "paths.ignored"],
  ["bad enum", "failOn: severe\n", "failOn"],
  ["bad severity override", "rules:\n  severity:\n    github-pat: urgent\n", "rules.severity.github-pat"],
  ["wrong type", "paths:\n  ignore: test/**\n", "paths.ignore"],
  ["allow without reason", "allow:\n  - fingerprint: abc\n", "allow.0.reason"],
  ["huge number", "scan:\n  maxFileBytes: 1e300\n", "scan.maxFileBytes"],
  ["bad lock", "locks:\n  failOn: yes please\n", "locks.failOn"],
  ["anchor/alias to wrong type", "x: &a [1]\nlanguage: *a\n", "x"],
];

describe("parseConfig", () => {
  it.each(valid)("accepts %s", (_name, yaml) => {
    const config = parseConfig(SOURCE, parseYaml(yaml));
    expect(config.failOn).toMatch(/critical|high|medium|low/);
    expect(config.locks).toBeDefined();
  });

  it("keeps the defaults", () => {
    const config = parseConfig(SOURCE, null);
    expect(config).toMatchObject({ language: "en", failOn: "high", locks: { rules: false, failOn: false, paths: false, allow: false } });
  });

  it.each(invalid)("rejects %s naming the file, the key and a fix", (_name, yaml, key) => {
    let error: unknown;
    try {
      parseConfig(SOURCE, parseYaml(yaml));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const ce = error as ConfigError;
    expect(ce.keys).toContain(key);
    expect(ce.message).toContain(SOURCE);
    expect(ce.message).toContain(key.split(".").at(-1)!);
    expect(ce.message).toMatch(/How to fix:/);
  });

  it("suggests the allowed values for an enum", () => {
    expect(() => parseConfig(SOURCE, { failOn: "severe" })).toThrow(/"critical", "high", "medium", "low"/);
  });
});
