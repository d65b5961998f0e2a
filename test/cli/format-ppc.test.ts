import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { withoutCredentials } from "../../src/cli/read-leak-sources.js";
import { runCli } from "../../src/cli/run-cli.js";
import { expandTemplate } from "../helpers/expand-template.js";

function io() {
  let out = "";
  let err = "";
  return {
    io: { stdout: (s: string) => (out += s), stderr: (s: string) => (err += s), stdin: () => Buffer.alloc(0), isTty: false, stdoutTty: false, version: "9.9.9" },
    out: () => out,
    err: () => err,
  };
}

describe("mamori scan --format ppc", () => {
  const dir = mkdtempSync(join(tmpdir(), "mamori-ppc-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const git = (...args: string[]) => execFileSync("git", ["-C", dir, "-c", "user.email=dev@example.com", "-c", "user.name=Dev Example", ...args]).toString().trim();

  it("drafts the PPC report with the commit that added the file, its author, and dates from --known-since", async () => {
    git("init", "-q", "-b", "main");
    git("remote", "add", "origin", `https://bot:${expandTemplate("{{alnum:20}}")}@git.example/acme/shop.git`);
    const rows = Array.from({ length: 6 }, (_, i) => expandTemplate(`{{sei}} {{mei}},{{mobile}},病歴: {{disease}} ${i}`));
    mkdirSync(join(dir, "data"));
    writeFileSync(join(dir, "data", "patients.csv"), `氏名,電話番号,備考\n${rows.join("\n")}\n`);
    git("add", ".");
    git("commit", "-qm", "add test data");
    const sha = git("rev-parse", "HEAD");
    const t = io();
    const code = await runCli(["scan", dir, "--format", "ppc", "--lang", "ja", "--known-since", "2027-03-31", "--threads", "1"], t.io);
    expect(t.err()).toBe("");
    expect(code).toBe(1);
    const draft = t.out();
    expect(draft).toContain("# 個人データの漏えい等報告（下書き）");
    expect(draft).toContain("| 事態を知った日（1日目） | 2027-03-31 |");
    expect(draft).toContain("**2027-04-30** まで"); // day 30 = 4/29 (昭和の日) → 4/30
    expect(draft).toContain(`\`${sha.slice(0, 12)}\``);
    expect(draft).toContain("Dev Example");
    expect(draft).toContain("https://git.example/acme/shop.git");
    expect(draft).not.toContain("bot:");
    for (const row of rows) for (const v of row.split(",").slice(0, 2)) expect(draft).not.toContain(v);
  });

  it("puts the draft and the dates into the HTML report when a report is due", async () => {
    const t = io();
    await runCli(["scan", dir, "--format", "html", "--lang", "en", "--known-since", "2027-03-31", "--threads", "1"], t.io);
    const html = t.out();
    expect(html).toContain('<section id="ppc-draft"><h2>Draft report to the PPC</h2>');
    expect(html).toContain("final report by 2027-04-30");
    expect(html).toContain("Assumed damages (JNSA model, an estimate)");
    expect(html).not.toContain("bot:");
  });

  it("rejects a malformed --known-since", async () => {
    const t = io();
    expect(await runCli(["scan", dir, "--format", "ppc", "--known-since", "last tuesday"], t.io)).toBe(2);
    expect(t.err()).toMatch(/--known-since must be a date/);
  });
});

describe("withoutCredentials", () => {
  it.each([
    ["https://user:pass@github.example/o/r.git", "https://github.example/o/r.git"],
    ["https://github.example/o/r?token=abc#x", "https://github.example/o/r"],
    ["git@github.example:o/r.git", "github.example:o/r.git"],
    ["ssh://git@github.example/o/r.git", "ssh://github.example/o/r.git"],
  ])("%s → %s", (url, want) => expect(withoutCredentials(url)).toBe(want));
});
