import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCliCapture } from "../helpers/run-cli-capture.js";

describe("mamori scan --config", () => {
  const dir = mkdtempSync(join(tmpdir(), "mamori-config-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, "a.txt"), "hello\n");
  const config = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it("accepts _extends: .github (the README's example) and says the CLI uses the file alone", async () => {
    const file = config("extends.yml", "_extends: .github\nlanguage: ja\n");
    const { code, stderr } = await runCliCapture(["scan", dir, "--config", file]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/_extends: \.github is followed by the GitHub App only/);
  });

  it("makes an unknown pii.kinds value an error instead of silently turning detection off", async () => {
    const file = config("kinds.yml", "pii:\n  kinds: [fooo]\n");
    const { code, stderr } = await runCliCapture(["scan", dir, "--config", file]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/pii\.kinds: unknown kind "fooo" \(known: .*my-number/);
  });

  it("suggests the key a misspelt one was meant to be", async () => {
    const file = config("typo.yml", "failon: high\npii:\n  kind: [phone]\n");
    const { code, stderr } = await runCliCapture(["scan", dir, "--config", file]);
    expect(code).toBe(2);
    expect(stderr).toContain('failon: did you mean "failOn"?');
    expect(stderr).toContain('pii.kind: did you mean "pii.kinds"?');
  });

  it("says what is wrong with a missing file or a folder", async () => {
    const missing = await runCliCapture(["scan", dir, "--config", join(dir, "nope.yml")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--config .*nope\.yml: no such file \(give the path of a mamori\.yml/);
    expect(missing.stderr).not.toMatch(/ENOENT/);
    mkdirSync(join(dir, "conf"), { recursive: true });
    const folder = await runCliCapture(["scan", dir, "--config", join(dir, "conf")]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/is a folder, not a file \(give the mamori\.yml inside it, e\.g\. .*conf\/\.github\/mamori\.yml\)/);
  });

  it("runs custom rules' samples at load: a rule that misses its own sample is an error", async () => {
    const rule = (pattern: string) =>
      [
        "custom:",
        "  - id: acme-token",
        "    title: { en: Acme token, ja: Acme トークン }",
        "    remediation: { en: Revoke it., ja: 無効化してください。 }",
        "    category: secret",
        "    kind: acme-token",
        "    severity: high",
        "    keywords: [acme_]",
        `    pattern: '${pattern}'`,
        "    samples:",
        "      match: ['token = acme_{{base62:32}}']",
        "      nomatch: ['token = acme_short']",
      ].join("\n") + "\n";
    const good = await runCliCapture(["scan", dir, "--config", config("good.yml", rule("acme_[A-Za-z0-9]{32}"))]);
    expect(good.stderr).toBe("");
    expect(good.code).toBe(0);
    const bad = await runCliCapture(["scan", dir, "--config", config("bad.yml", rule("acme_[a-f0-9]{40}"))]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("rule acme-token: samples.match[0] gives no finding");
    // mamori rules --config lists the custom rule with the built-in ones.
    const listed = await runCliCapture(["rules", "--config", join(dir, "good.yml")]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^acme-token +secret +high +Acme token +\(custom\)$/m);
    expect(listed.stdout).toMatch(/\(1 custom\)\n$/);
    const json = JSON.parse((await runCliCapture(["rules", "-f", "json", "-c", join(dir, "good.yml")])).stdout) as { id: string; source: string }[];
    expect(json.find((r) => r.id === "acme-token")?.source).toBe("custom");
  });
});
