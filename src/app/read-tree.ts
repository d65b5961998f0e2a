import type { Octokit } from "./scan-job.js";

/**
 * The files of a commit's tree (path -> blob sha), in one request; `truncated` when GitHub cut
 * the listing (over 100,000 entries or 7 MB). Symbolic links (mode 120000: the blob is the
 * link's target) are in `links`, not in `files`: they are listed as skipped, never read.
 */
export async function readTree(octokit: Octokit, owner: string, repo: string, sha: string): Promise<{ files: Map<string, string>; links: Map<string, string>; truncated: boolean }> {
  const res = await octokit.request("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", { owner, repo, tree_sha: sha, recursive: "1" });
  const files = new Map<string, string>();
  const links = new Map<string, string>();
  for (const entry of res.data.tree) {
    if (entry.type !== "blob" || !entry.path || !entry.sha) continue;
    (entry.mode === "120000" ? links : files).set(entry.path, entry.sha);
  }
  return { files, links, truncated: res.data.truncated };
}
