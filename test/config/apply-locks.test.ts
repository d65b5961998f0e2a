import { describe, expect, it } from "vitest";
import { applyLocks } from "../../src/config/apply-locks.js";
import { mergeConfigs } from "../../src/config/merge-configs.js";
import { parseConfig } from "../../src/config/parse-config.js";

const orgRaw = {
  failOn: "medium",
  rules: { disable: ["org-off"], severity: { "aws-access-key": "high" } },
  paths: { ignore: ["vendor/**"] },
  allow: [{ fingerprint: "f-org", reason: "accepted by security" }],
  locks: { rules: true, failOn: true, paths: true, allow: true },
};
const repoRaw = {
  failOn: "critical",
  rules: { enable: ["only-this"], disable: ["github-pat-classic"], severity: { "aws-access-key": "critical", "github-pat-classic": "low" } },
  pii: { enabled: false, minConfidence: "high", kinds: ["email"] },
  paths: { ignore: ["**"], include: ["docs/**"] },
  allow: [{ fingerprint: "f-repo", reason: "mine" }],
};

describe("applyLocks", () => {
  it("keeps a repository from loosening locked keys", () => {
    const org = parseConfig("org", orgRaw);
    const merged = parseConfig("merged", mergeConfigs([orgRaw, repoRaw]));
    const { config, overridden } = applyLocks(org, merged);
    expect(config.failOn).toBe("medium");
    expect(config.rules.enable).toEqual([]);
    expect(config.rules.disable).toEqual(["org-off"]);
    expect(config.rules.severity).toEqual({ "aws-access-key": "critical" });
    expect(config.pii).toMatchObject({ enabled: true, minConfidence: "medium", kinds: [] });
    expect(config.paths).toEqual({ ignore: ["vendor/**"], include: [] });
    expect(config.allow.map((a) => a.fingerprint)).toEqual(["f-org"]);
    expect(overridden).toEqual(
      expect.arrayContaining(["failOn", "rules.enable", "rules.disable", "rules.severity", "pii.enabled", "pii.minConfidence", "pii.kinds", "paths.ignore", "paths.include", "allow"]),
    );
  });

  it("lets a repository be stricter", () => {
    const org = parseConfig("org", { failOn: "high", locks: { failOn: true, rules: true } });
    const merged = parseConfig("merged", { failOn: "low", pii: { minConfidence: "low" } });
    const { config, overridden } = applyLocks(org, merged);
    expect(config.failOn).toBe("low");
    expect(config.pii.minConfidence).toBe("low");
    expect(overridden).toEqual([]);
  });

  it("changes nothing without locks", () => {
    const org = parseConfig("org", { failOn: "medium" });
    const merged = parseConfig("merged", repoRaw);
    expect(applyLocks(org, merged)).toEqual({ config: merged, overridden: [] });
  });
});

describe("mergeConfigs", () => {
  it("merges objects, concatenates arrays, lets later files win and drops _extends", () => {
    expect(mergeConfigs([{ a: { b: 1, c: [1] }, d: "x" }, { _extends: ".github", a: { c: [1, 2] }, d: "y" }, null])).toEqual({
      a: { b: 1, c: [1, 2] },
      d: "y",
    });
  });
  it("ignores __proto__ keys", () => {
    const merged = mergeConfigs([JSON.parse('{"__proto__": {"polluted": true}}')]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(merged).toEqual({});
  });
});
