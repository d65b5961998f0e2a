import { checkSync } from "recheck";
import { describe, expect, it } from "vitest";
import { loadRules } from "../../src/rules/load-rules.js";

// ReDoS check of every built-in pattern with recheck (offline: its Linux binary ships in an npm
// package; pure JavaScript elsewhere). Its automaton checker proves a pattern linear or finds an
// attack string; patterns with lookaround, or whose automaton is too large, it cannot decide.
process.env.RECHECK_BACKEND ??= process.platform === "linux" && process.arch === "x64" ? "native" : "pure";
const rules = loadRules();
const flagsOf = (flags: string | undefined) => ["u", ...new Set([...(flags ?? "")].filter((f) => f !== "d" && f !== "g" && f !== "u"))].join("");

describe("built-in patterns do not backtrack super-linearly", () => {
  it("no built-in pattern is shown vulnerable by recheck's automaton analysis", { timeout: 600_000 }, () => {
    const vulnerable: string[] = [];
    let safe = 0;
    for (const rule of rules) {
      const result = checkSync(rule.pattern, flagsOf(rule.flags), { checker: "automaton", timeout: 1000 });
      if (result.status === "vulnerable") vulnerable.push(`${rule.id}: ${result.complexity.summary}, e.g. ${result.attack.pattern}`);
      if (result.status === "safe") safe++;
    }
    expect(vulnerable).toEqual([]);
    // Most patterns are decided (proved linear); the rest have lookaround or a large automaton.
    expect(safe).toBeGreaterThan(rules.length * 0.8);
  });

  it("generic-name-value-secret: quadratic on runs of spaces before the fix, not any more", { timeout: 300_000 }, () => {
    const rule = rules.find((r) => r.id === "generic-name-value-secret")!;
    // The pattern as it was: `[ \t]*,?[ \t]*` splits a run of spaces in n ways at each start.
    const before = rule.pattern.replace("[ \\t]*(?:,[ \\t]*)?", "[ \\t]*,?[ \\t]*");
    expect(before).not.toBe(rule.pattern);
    // Step limits only, no clocks: under load a time limit reached in the attack reads as "vulnerable".
    const options = { checker: "fuzz" as const, randomSeed: 1, timeout: null, attackTimeout: null, incubationTimeout: null, seedingTimeout: null, recallTimeout: -1 };
    const old = checkSync(before, "i", options);
    expect(old.status).toBe("vulnerable");
    expect(checkSync(rule.pattern, "i", options).status).not.toBe("vulnerable");
  });
});
