import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fakePersons } from "../helpers/fake-person.js";
import { runCliCapture } from "../helpers/run-cli-capture.js";

// `mamori scan --detail auto|columns|cells` (and `scan.detail`): what a table reports besides its
// column findings. Data generated here.
const dir = mkdtempSync(join(tmpdir(), "mamori-detail-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const N = 12;
writeFileSync(join(dir, "customers.csv"), ["氏名,電話番号", ...fakePersons(N, 31).map((p) => `${p.sei} ${p.mei},${p.mobile}`)].join("\n") + "\n");

type Json = { findings: { unit?: string; kind: string; line: number; count?: number }[]; impact: { persons: number } };
const json = async (...extra: string[]) => {
  const r = await runCliCapture(["scan", dir, "--format", "json", "--quiet", "--threads", "1", ...extra]);
  expect(r.code).toBe(1);
  return JSON.parse(r.stdout) as Json;
};
const columns = (j: Json) => j.findings.filter((f) => f.unit === "column").map((f) => [f.kind, f.count]);
const cells = (j: Json) => j.findings.filter((f) => f.unit === undefined).length;

describe("--detail", () => {
  it("auto (default): JSON has the column findings and every cell of a small table (each row's line stays reachable)", async () => {
    const j = await json();
    expect(columns(j)).toEqual([["name", N], ["phone", N]]);
    expect(cells(j)).toBe(2 * N);
    expect(new Set(j.findings.map((f) => f.line))).toEqual(new Set(Array.from({ length: N }, (_, i) => i + 2)));
    expect(j.impact.persons).toBe(N);
  });

  it("columns: column findings only; cells: the cells too; the persons count is the same", async () => {
    const only = await json("--detail", "columns");
    expect(columns(only)).toEqual([["name", N], ["phone", N]]);
    expect(cells(only)).toBe(0);
    expect(only.impact.persons).toBe(N);
    const all = await json("--detail", "cells");
    expect(cells(all)).toBe(2 * N);
    expect(all.impact.persons).toBe(N);
  });

  it("the configuration's scan.detail is the default of --detail", async () => {
    const config = join(dir, "mamori.yml");
    writeFileSync(config, "scan:\n  detail: columns\n");
    try {
      const j = await json("--config", config);
      expect(cells(j)).toBe(0);
      expect(cells(await json("--config", config, "--detail", "cells"))).toBe(2 * N);
    } finally {
      rmSync(config);
    }
  });

  it("text shows the columns, not the cells, whatever the size", async () => {
    const r = await runCliCapture(["scan", dir, "--quiet", "--threads", "1", "--no-color"]);
    const rows = r.stdout.split("\n").filter((l) => l.startsWith("  customers.csv:"));
    expect(rows).toHaveLength(2);
    expect(rows.join("\n")).toContain(`column 電話番号: ${N} phone numbers, rows 2–${N + 1}`);
  });

  it("a column fingerprint in .mamoriignore accepts the whole column (its cells and the persons it made)", async () => {
    const before = await json();
    const name = (before.findings as { unit?: string; kind: string; fingerprint?: string }[]).find((f) => f.unit === "column" && f.kind === "name")!;
    const ignore = join(dir, ".mamoriignore");
    writeFileSync(ignore, `${name.fingerprint}  # generated test names\n`);
    try {
      const r = await runCliCapture(["scan", dir, "--format", "json", "--quiet", "--threads", "1"]);
      const j = JSON.parse(r.stdout) as Json;
      expect(j.findings.map((f) => f.kind)).not.toContain("name");
      expect(columns(j)).toEqual([["phone", N]]);
      expect(j.impact.persons).toBe(0); // phone numbers with nobody named
    } finally {
      rmSync(ignore);
    }
  });

  it("rejects an unknown value", async () => {
    const r = await runCliCapture(["scan", dir, "--detail", "rows"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--detail must be one of auto, columns, cells/);
  });
});

describe("--since: a table's rows added by several commits", () => {
  it("gives a column finding per commit, counting the rows that commit added", async () => {
    const { createTestRepo } = await import("../helpers/git-repo.js");
    const repo = createTestRepo("mamori-columns-history-");
    try {
      const ps = fakePersons(6, 61).map((p) => `${p.sei} ${p.mei},${p.mobile}`);
      repo.write("README.md", "# shop\n");
      repo.git("add", "-A");
      repo.git("commit", "-qm", "start");
      repo.write("customers.csv", ["氏名,電話番号", ...ps.slice(0, 3)].join("\n") + "\n");
      repo.git("add", "-A");
      repo.git("commit", "-qm", "three customers");
      repo.write("customers.csv", ["氏名,電話番号", ...ps].join("\n") + "\n");
      repo.git("add", "-A");
      repo.git("commit", "-qm", "three more");
      const r = await runCliCapture(["scan", repo.dir, "--since", "HEAD~2", "--format", "json", "--quiet", "--detail", "columns"]);
      const j = JSON.parse(r.stdout) as { findings: { unit?: string; kind: string; count?: number; firstLine?: number; lastLine?: number }[] };
      const phone = j.findings.filter((f) => f.unit === "column" && f.kind === "phone").map((f) => [f.count, f.firstLine, f.lastLine]);
      expect(phone.sort()).toEqual([[3, 2, 4], [3, 5, 7]]);
    } finally {
      repo.remove();
    }
  });
});
