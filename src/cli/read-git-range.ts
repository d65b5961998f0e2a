import { execFileSync } from "node:child_process";
import type { ScanInput } from "../scan/scan-files.js";
import { parseUnifiedDiff } from "./parse-unified-diff.js";

/** Files whose whole content is scanned when a commit touches them: one row is one person. */
export const DATA_FILE = /\.(csv|tsv|tab|xlsx|xlsm|xls|json|ndjson|jsonl|sql|ipynb|zip|jar|gz|tgz|tar|docx|pptx)$/i;

/** Runs git in `root` (paths never quoted: non-ASCII names come out as they are) and returns its standard output. */
export type Git = (args: string[]) => Buffer;

export function gitIn(root: string): Git {
  return (args) => execFileSync("git", ["-C", root, "-c", "core.quotePath=false", ...args], { maxBuffer: 1024 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });
}

/**
 * What each commit in `since..HEAD` added: for every commit, every file it changed, the file's
 * content at that commit with the added lines (data files: the whole file). A value added by
 * one commit and deleted by a later one is still found.
 */
export function* readGitRange(root: string, since: string): Generator<ScanInput> {
  const git = gitIn(root);
  const commits = git(["rev-list", "--reverse", "--no-merges", `${since}..HEAD`]).toString().split("\n").filter(Boolean);
  for (const sha of commits) {
    yield* readChanges(git, ["show", "--format=", sha], (path) => git(["cat-file", "blob", `${sha}:${path}`]), sha);
  }
}

/**
 * The files a diff (`git show SHA`, `git diff --cached`) adds or changes, listed NUL-separated
 * (`--numstat -z`, so no file name is quoted or lost), each with its added lines from the patch
 * and its new content from `read`. Binary and data files are scanned whole.
 */
export function* readChanges(git: Git, diffArgs: string[], read: (path: string) => Buffer, commit?: string): Generator<ScanInput> {
  const options = ["--no-color", "--no-renames", "--no-ext-diff", "--diff-filter=AMT"];
  const changed = changedFiles(git([...diffArgs, ...options, "--numstat", "-z"]));
  if (changed.length === 0) return;
  const added = addedLines(git([...diffArgs, ...options, "--unified=0"]).toString("utf8"));
  for (const { path, binary } of changed) {
    const lines = binary ? null : (added.get(path) ?? new Set<number>());
    const whole = lines === null || DATA_FILE.test(path);
    if (!whole && lines.size === 0) continue; // only deleted lines or a mode change
    let bytes: Buffer;
    try {
      bytes = read(path);
    } catch {
      continue; // a submodule or a symlink: nothing to read
    }
    yield { path, bytes, ...(commit ? { commit } : {}), ...(whole ? {} : { onlyLines: lines }) };
  }
}

/** `--numstat -z` output: "added<TAB>deleted<TAB>path<NUL>" per file; "-" counts mark a binary file. */
export function changedFiles(numstat: Buffer): { path: string; binary: boolean }[] {
  const out: { path: string; binary: boolean }[] = [];
  for (const record of numstat.toString("utf8").split("\0")) {
    const m = /^\n?(-|\d+)\t(-|\d+)\t(.+)$/s.exec(record);
    if (m) out.push({ path: m[3], binary: m[1] === "-" });
  }
  return out;
}

/** Parses a unified diff into path -> added line numbers (in the new file); null: a binary file, scanned whole. */
export function addedLines(diff: string): Map<string, Set<number> | null> {
  const files = new Map<string, Set<number> | null>();
  for (const f of parseUnifiedDiff(diff)) if (!f.deleted) files.set(f.path, f.binary ? null : f.added);
  return files;
}
