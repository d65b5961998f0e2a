import type { ChangedFile } from "./get-commit-files.js";
import { readTree } from "./read-tree.js";
import type { Octokit } from "./scan-job.js";

/**
 * What a commit changed against its parent, from the two recursive trees (for commits past the
 * 3,000-file limit of the commits API): no patches, so every added or modified file is read
 * whole; symbolic links are marked (`symlink`) so they are listed, never read. A truncated tree (over 100,000 entries) is an error: the caller fails closed.
 */
export async function getTreeDiff(octokit: Octokit, owner: string, repo: string, sha: string, parent: string | undefined): Promise<ChangedFile[]> {
  const after = await complete(octokit, owner, repo, sha);
  const before = parent ? await complete(octokit, owner, repo, parent) : new Map<string, string>();
  const out: ChangedFile[] = [];
  for (const [path, blob] of after) {
    const old = before.get(path);
    const link = blob.startsWith(LINK) ? { symlink: true as const } : {};
    if (old === undefined) out.push({ filename: path, status: "added", sha: blob.replace(LINK, ""), ...link });
    else if (old !== blob) out.push({ filename: path, status: "modified", sha: blob.replace(LINK, ""), ...link });
  }
  for (const path of before.keys()) if (!after.has(path)) out.push({ filename: path, status: "removed", sha: null });
  return out;
}

/** Marks a link's blob sha in the merged map (a path is a file or a link, never both). */
const LINK = "link:";

async function complete(octokit: Octokit, owner: string, repo: string, sha: string): Promise<Map<string, string>> {
  const tree = await readTree(octokit, owner, repo, sha);
  if (tree.truncated) throw new Error(`the tree of ${sha.slice(0, 12)} is too large for GitHub to list (truncated)`);
  const all = new Map(tree.files);
  for (const [path, blob] of tree.links) all.set(path, LINK + blob);
  return all;
}
