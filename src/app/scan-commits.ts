import type { Finding } from "../engine/types.js";
import type { CheckRunFinding } from "../report/check-run.js";
import { splitArchivePath } from "../report/split-archive-path.js";
import type { ScanInput, ScanResult } from "../scan/scan-files.js";
import type { ImpactFact } from "../impact/assess-impact.js";
import { completeColumns, regroupColumns } from "../scan/regroup-columns.js";
import { classifyPath } from "./classify-path.js";
import { BlobTooLargeError } from "./fetch-blob.js";
import { fetchBlobs } from "./fetch-blobs.js";
import { fetchFileAt } from "./fetch-file-at.js";
import { getCommitFiles, type ChangedFile } from "./get-commit-files.js";
import { getTreeDiff } from "./get-tree-diff.js";
import { mapLimit } from "./map-limit.js";
import { readTree } from "./read-tree.js";
import { mapOldLine, parsePatch, type ParsedPatch } from "./parse-patch.js";
import type { Octokit } from "./scan-job.js";

export interface ScanCommitsContext {
  octokit: Octokit;
  owner: string;
  repo: string;
  headSha: string;
  /** The commit whose content is "already there": findings also present there are not reported. */
  baseSha?: string;
  /** Paths the configuration does not scan: their content is not fetched. */
  skipPath?: (path: string) => boolean;
  /** Runs the pipeline (scanFiles with the job's configuration and rules); `reported`: the scan whose findings are reported (live verification, when configured). */
  scan: (inputs: ScanInput[], options?: { reported?: boolean }) => ScanResult | Promise<ScanResult>;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Largest blob read (the configuration's `scan.maxFileBytes`); a bigger one is listed as skipped, too large. */
  maxFileBytes?: number;
  /** Report every cell of a table beside its column findings (`scan.detail: cells`). */
  keepCells?: boolean;
}

export interface ScanCommitsResult {
  stats: ScanResult["stats"];
  findings: CheckRunFinding[];
  commits: number;
  /** Findings dropped because the base already has them. */
  onBase: number;
  /**
   * The personal-data facts of what the change adds (every cell of every table, the base's
   * values removed), when the scan kept them: the impact is counted from these, not from the
   * column findings.
   */
  facts?: ImpactFact[];
}

interface Change {
  index: number;
  sha: string;
  file: ChangedFile;
  patch?: ParsedPatch;
}

const utf8 = new TextEncoder();

/**
 * Scans what every commit added (not only the net diff), oldest first:
 * - text files: the added lines of each commit's patch (`onlyLines`), the patch's context lines
 *   kept for the rules' context words; a file whose patch is missing (large, binary) or garbled
 *   (not UTF-8) is read whole from its blob;
 * - data files (CSV, JSON, SQL, workbooks, archives…): the last version the commits left, whole;
 * - removed lines are scanned too, to tell "removed in <sha>, still in history" from "present".
 * Findings whose value the base already has are dropped (what the change introduces only).
 */
export async function scanCommits(ctx: ScanCommitsContext, commits: readonly { sha: string; parents: string[] }[]): Promise<ScanCommitsResult> {
  const { octokit, owner, repo } = ctx;
  const limit = ctx.concurrency ?? 4;

  // 1. What each commit changed (one request per commit; the trees past 3,000 files).
  const perCommit = await mapLimit(commits, limit, async (c) => {
    const listed = await getCommitFiles(octokit, owner, repo, c.sha);
    const files = listed.truncated ? await getTreeDiff(octokit, owner, repo, c.sha, c.parents[0]) : listed.files;
    if (c.parents.length < 2) return files;
    // A merge commit lists what it changed against its first parent, which includes everything
    // the merged branch brought (e.g. the base merged into a pull request). Keep what differs
    // from the other parent too: the merge's own content (conflict resolutions).
    const other = await readTree(octokit, owner, repo, c.parents[1]);
    if (other.truncated) return files;
    return files.filter((f) => (f.status === "removed" ? other.files.has(f.filename) || other.links.has(f.filename) : (other.files.get(f.filename) ?? other.links.get(f.filename)) !== f.sha));
  });
  const history = new Map<string, Change[]>();
  perCommit.forEach((files, index) => {
    for (const file of files) {
      const change: Change = { index, sha: commits[index].sha, file };
      if (file.patch && !file.patch.includes("\uFFFD")) change.patch = parsePatch(file.patch);
      const list = history.get(file.filename) ?? [];
      list.push(change);
      history.set(file.filename, list);
    }
  });

  // 2. Inputs: added lines, whole blobs where a patch is not enough, last versions of data files.
  const added: ScanInput[] = [];
  const removed: ScanInput[] = [];
  const blobs: { path: string; sha: string; commit: string }[] = [];
  const notRead: { path: string; reason: string }[] = [];
  for (const [path, changes] of history) {
    const kind = classifyPath(path);
    if (ctx.skipPath?.(path)) continue;
    const last = changes[changes.length - 1];
    if (last.file.symlink && last.file.status !== "removed") {
      notRead.push({ path, reason: "symlink" }); // a link's blob is its target: never followed
      continue;
    }
    if (kind === "data") {
      const last = [...changes].reverse().find((c) => c.file.status !== "removed" && c.file.sha);
      if (last) blobs.push({ path, sha: last.file.sha!, commit: last.sha });
      continue;
    }
    for (const c of changes) {
      if (c.patch) {
        if (c.patch.added.size > 0) added.push(patchInput(path, c, "added"));
        if (c.patch.removed.size > 0) removed.push(patchInput(path, c, "removed"));
      } else if (c.file.status !== "removed" && c.file.sha && !(c.file.status === "renamed" && c.file.changes === 0)) {
        blobs.push({ path, sha: c.file.sha, commit: c.sha });
      }
    }
  }
  const { fetched, skipped: tooLarge } = await fetchBlobs(octokit, owner, repo, ctx.headSha, blobs, limit, ctx.maxFileBytes);
  const result = await ctx.scan([...added, ...fetched], { reported: true });
  result.stats.skipped.push(...notRead, ...tooLarge);
  // Tables speak in columns, but the base is compared cell by cell: columns are rebuilt at the end.
  const complete = completeColumns(result.findings);
  let facts = result.facts;
  const removals = removed.length > 0 ? (await ctx.scan(removed)).findings : [];

  // 3. For each value: the last commit that added it, and a later commit that removed it, if any.
  const indexOf = new Map(commits.map((c, i) => [c.sha, i]));
  const at = (f: Finding) => indexOf.get(f.commit ?? "") ?? -1;
  const lastAdd = new Map<string, number>();
  for (const f of result.findings) lastAdd.set(f.fingerprint, Math.max(lastAdd.get(f.fingerprint) ?? -1, at(f)));
  const removedAt = new Map<string, number>();
  for (const f of removals) {
    const i = at(f);
    if (i > (lastAdd.get(f.fingerprint) ?? Infinity) && i < (removedAt.get(f.fingerprint) ?? Infinity)) removedAt.set(f.fingerprint, i);
  }

  const findings: CheckRunFinding[] = [];
  const verifyAtHead = new Set<string>();
  for (const f of result.findings) {
    const i = at(f);
    if (i !== lastAdd.get(f.fingerprint)) continue; // an older copy of a value added again later
    const out: CheckRunFinding = { ...f };
    const gone = removedAt.get(f.fingerprint);
    const later = (history.get(archiveFile(f.path)) ?? []).filter((c) => c.index > i);
    const deleted = later.find((c) => c.file.status === "removed");
    if (gone !== undefined && (deleted === undefined || gone <= deleted.index)) out.removedIn = commits[gone].sha;
    else if (deleted) out.removedIn = deleted.sha;
    else if (classifyPath(archiveFile(f.path)) !== "data" && f.line !== null) {
      // Follow the line through later patches so the annotation lands on the head's line.
      let line: number | null = f.line;
      for (const c of later) {
        if (!c.patch) {
          verifyAtHead.add(f.path);
          break;
        }
        line = line === null ? null : mapOldLine(c.patch, line);
      }
      if (line === null) out.removedIn = later.find((c) => c.patch && c.patch.removed.size > 0)?.sha ?? later[0].sha;
      else if (line !== f.line) {
        out.endLine = f.endLine === null ? null : f.endLine - f.line + line;
        out.line = line;
      }
    }
    findings.push(out);
  }

  // 4. Values whose later changes had no patch: look at the head's version.
  let kept = findings;
  if (verifyAtHead.size > 0) {
    const unread = new Set<string>(); // too large at the head (listed as skipped): the findings stay as found
    const heads = await mapLimit([...verifyAtHead], limit, async (path) => ({
      path,
      bytes: await fetchFileAt(octokit, owner, repo, path, ctx.headSha, ctx.maxFileBytes).catch((error) => {
        if (!(error instanceof BlobTooLargeError)) throw error;
        unread.add(path);
        return null;
      }),
    }));
    const atHead = (await ctx.scan(heads.filter((h): h is { path: string; bytes: Uint8Array } => h.bytes !== null))).findings;
    const lineAtHead = new Map(atHead.map((f) => [`${f.path}\0${f.fingerprint}`, f]));
    kept = findings.map((f) => {
      if (!verifyAtHead.has(f.path) || f.removedIn || unread.has(f.path)) return f;
      const now = lineAtHead.get(`${f.path}\0${f.fingerprint}`);
      if (now) return { ...f, line: now.line, column: now.column, endLine: now.endLine, endColumn: now.endColumn };
      const later = (history.get(f.path) ?? []).filter((c) => c.index > at(f) && !c.patch);
      return { ...f, removedIn: later[0]?.sha ?? ctx.headSha };
    });
  }

  // 5. Drop what the base already has: the same value under the same rule in the file's base
  //    version (its previous name when the change renamed it). Files the change added are skipped.
  let onBase = 0;
  if (ctx.baseSha && kept.length > 0) {
    const basePaths = new Map<string, string>();
    for (const f of kept) {
      const first = history.get(archiveFile(f.path))?.[0]?.file;
      if (!first || first.status === "added") continue;
      basePaths.set(archiveFile(f.path), first.previous_filename ?? first.filename);
    }
    if (basePaths.size > 0) {
      const base = await mapLimit([...basePaths.values()], limit, async (path) => ({ path, bytes: await fetchFileAt(octokit, owner, repo, path, ctx.baseSha, ctx.maxFileBytes).catch(absentIfTooLarge) }));
      const present = base.filter((b): b is { path: string; bytes: Uint8Array } => b.bytes !== null);
      if (present.length > 0) {
        const onBaseScan = await ctx.scan(present);
        const there = new Set(onBaseScan.findings.map((f) => `${f.ruleId}\0${f.valueHash}`));
        const before = kept.length;
        kept = kept.filter((f) => !(basePaths.has(archiveFile(f.path)) && there.has(`${f.ruleId}\0${f.valueHash}`)));
        onBase = before - kept.length;
        if (facts && onBaseScan.facts) {
          const values = new Set(onBaseScan.facts.map((f) => `${f.kind}\0${f.valueHash}`));
          facts = facts.filter((f) => !(basePaths.has(archiveFile(f.path)) && values.has(`${f.kind}\0${f.valueHash}`)));
        }
      }
    }
  }
  const reported = regroupColumns(kept, complete, ctx.keepCells ?? false);
  return { findings: reported, stats: result.stats, commits: commits.length, onBase, ...(facts ? { facts } : {}) };
}

/** A base version over the size limit is not compared: what the change added stays reported. */
function absentIfTooLarge(error: unknown): null {
  if (error instanceof BlobTooLargeError) return null;
  throw error;
}

/** The repository file of a finding path (`data.zip!inner.csv` -> `data.zip`, `book.xlsx!Sheet1` -> `book.xlsx`). */
function archiveFile(path: string): string {
  return splitArchivePath(path).file;
}

/** A text built from a patch: its added (or removed) lines at their line numbers, context lines around them, other lines blank. */
function patchInput(path: string, change: Change, side: "added" | "removed"): ScanInput {
  const patch = change.patch!;
  const lines = new Map<number, string>();
  if (side === "added") {
    for (const [n, text] of patch.context) lines.set(n, text);
    for (const [n, text] of patch.added) lines.set(n, text);
  } else {
    for (const [oldN, newN] of patch.moved) lines.set(oldN, patch.context.get(newN) ?? "");
    for (const [n, text] of patch.removed) lines.set(n, text);
  }
  const max = Math.max(...lines.keys());
  const text = Array.from({ length: max }, (_, i) => lines.get(i + 1) ?? "").join("\n") + "\n";
  const only = side === "added" ? patch.added : patch.removed;
  return { path, bytes: utf8.encode(text), onlyLines: new Set(only.keys()), commit: change.sha };
}
