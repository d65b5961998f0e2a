import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { addedLines, readGitRange } from "../../src/cli/read-git-range.js";
import { createTestRepo } from "../helpers/git-repo.js";
import { runCliCapture } from "../helpers/run-cli-capture.js";

describe("addedLines", () => {
  it("maps each file to the new-file line numbers of its added lines", () => {
    const diff = [
      "diff --git a/a.txt b/a.txt",
      "--- a/a.txt",
      "+++ b/a.txt",
      "@@ -1,0 +2,2 @@",
      "+one",
      "+two",
      "@@ -9 +11 @@",
      "-old",
      "+new",
      "diff --git a/\"\\346\\227\\245.txt\" b/\"\\346\\227\\245.txt\"",
      "--- /dev/null",
      '+++ "b/\\346\\227\\245.txt"',
      "@@ -0,0 +1 @@",
      "+x",
      "diff --git a/gone.txt b/gone.txt",
      "--- a/gone.txt",
      "+++ /dev/null",
      "@@ -1 +0,0 @@",
      "-bye",
    ].join("\n");
    const got = addedLines(diff);
    expect([...got.keys()]).toEqual(["a.txt", "日.txt"]);
    expect([...got.get("a.txt")!]).toEqual([2, 3, 11]);
    expect([...got.get("日.txt")!]).toEqual([1]);
  });
});

describe("readGitRange", () => {
  const dir = mkdtempSync(join(tmpdir(), "mamori-git-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const git = (...args: string[]) => execFileSync("git", ["-C", dir, "-c", "user.email=t@t", "-c", "user.name=t", ...args]).toString().trim();

  it("yields what every commit added, including lines a later commit deleted", () => {
    git("init", "-q", "-b", "main");
    writeFileSync(join(dir, "app.txt"), "line one\n");
    git("add", ".");
    git("commit", "-qm", "base");
    const base = git("rev-parse", "HEAD");
    writeFileSync(join(dir, "app.txt"), "line one\nadded later\n");
    writeFileSync(join(dir, "people.csv"), "name\nx\n");
    git("add", ".");
    git("commit", "-qm", "add");
    const added = git("rev-parse", "HEAD");
    writeFileSync(join(dir, "app.txt"), "line one\n");
    git("commit", "-qam", "remove");
    const inputs = [...readGitRange(dir, base)];
    expect(inputs.map((i) => [i.path, i.commit, i.onlyLines ? [...i.onlyLines] : "whole"])).toEqual([
      ["app.txt", added, [2]],
      ["people.csv", added, "whole"],
    ]);
    expect(Buffer.from(inputs[0].bytes).toString()).toBe("line one\nadded later\n");
  });
});

describe("readGitRange with names git would quote", () => {
  const repo = createTestRepo();
  afterAll(() => repo.remove());

  it("finds binary and text files whose names are not ASCII (顧客.zip)", () => {
    repo.write("base.txt", "x\n");
    repo.git("add", ".");
    repo.git("commit", "-qm", "base");
    const base = repo.git("rev-parse", "HEAD");
    repo.write("data/顧客.zip", Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]));
    repo.write("data/メモ 1.txt", "one\ntwo\n");
    repo.git("add", ".");
    repo.git("commit", "-qm", "add");
    const got = [...readGitRange(repo.dir, base)].map((i) => `${i.path} ${i.onlyLines ? [...i.onlyLines].join(",") : "whole"}`);
    expect(got.sort()).toEqual(["data/メモ 1.txt 1,2", "data/顧客.zip whole"]);
  });

  it("says what to do with a revision the clone does not have", async () => {
    const { code, stderr } = await runCliCapture(["scan", repo.dir, "--since", "origin/nope"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--since origin\/nope: this clone has no commit "origin\/nope" \(fetch it first/);
  });

  it("says when the folder is not in a git repository", async () => {
    const { code, stderr } = await runCliCapture(["scan", tmpdir(), "--since", "HEAD~1"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--since needs a git repository/);
  });
});
