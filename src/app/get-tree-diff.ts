import type { ChangedFile } from "./get-commit-files.js";
import type { Octokit } from "./scan-job.js";

/**
 * What a commit changed against its parent, from the two recursive trees (for commits past the
 * 3,000-file limit of the commits API): no patches, so every added or modified file is read
 * whole. A truncated tree (over 100,000 entries) is an error: the caller fails closed.
 */
export async function getTreeDiff(octokit: Octokit, owner: string, repo: string, sha: string, parent: string | undefined): Promise<ChangedFile[]> {
  const after = await readTree(octokit, owner, repo, sha);
  const before = parent ? await readTree(octokit, owner, repo, parent) : new Map<string, string>();
  const out: ChangedFile[] = [];
  for (const [path, blob] of after) {
    const old = before.get(path);
    if (old === undefined) out.push({ filename: path, status: "added", sha: blob });
    else if (old !== blob) out.push({ filename: path, status: "modified", sha: blob });
  }
  for (const path of before.keys()) if (!after.has(path)) out.push({ filename: path, status: "removed", sha: null });
  return out;
}

async function readTree(octokit: Octokit, owner: string, repo: string, sha: string): Promise<Map<string, string>> {
  const res = await octokit.request("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", { owner, repo, tree_sha: sha, recursive: "1" });
  if (res.data.truncated) throw new Error(`the tree of ${sha.slice(0, 12)} is too large for GitHub to list (truncated)`);
  const out = new Map<string, string>();
  for (const entry of res.data.tree) if (entry.type === "blob" && entry.path && entry.sha) out.set(entry.path, entry.sha);
  return out;
}
