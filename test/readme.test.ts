import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCliConfig } from "../src/cli/load-cli-config.js";
import { loadRules } from "../src/rules/load-rules.js";
import { selectRules } from "../src/rules/select-rules.js";

// What the README promises must hold: its examples name real rules and files and are accepted.
const readme = readFileSync("README.md", "utf8");

describe("README.md", () => {
  it("names only rule ids that exist in its examples", () => {
    const ids = new Set(loadRules().map((r) => r.id));
    const named = [...readme.matchAll(/"ruleId":"([^"]+)"/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((id) => !ids.has(id))).toEqual([]);
  });

  it("has a configuration example the CLI accepts as it is (with _extends)", () => {
    const block = /```yaml\n(# \.github\/mamori\.yml\n[\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toContain("_extends: .github");
    const dir = mkdtempSync(join(tmpdir(), "mamori-readme-"));
    try {
      writeFileSync(join(dir, "mamori.yml"), block!);
      const notes: string[] = [];
      const config = loadCliConfig(join(dir, "mamori.yml"), notes);
      expect(() => selectRules(loadRules(), config)).not.toThrow();
      expect(notes.join("\n")).toMatch(/_extends/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("links no file outside the repository and no placeholder URL", () => {
    expect(readme).not.toMatch(/\.\.\/shared\//);
    expect(readme).not.toMatch(/https:\/\/[^\s`)]*<owner>/);
    for (const m of readme.matchAll(/`(docs\/[\w.-]+)`/g)) expect(existsSync(m[1]), m[1]).toBe(true);
  });

  it("does not tell the Docker user to read a .pem file the setup never writes", () => {
    expect(readme).not.toMatch(/cat [\w.-]+\.pem/);
  });

  it("says how to get smee-client before relying on it", () => {
    expect(readme).toMatch(/npm install --no-save smee-client@/);
  });
});
