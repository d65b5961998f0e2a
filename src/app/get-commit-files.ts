import type { Octokit } from "./scan-job.js";

export interface ChangedFile {
  filename: string;
  status: "added" | "removed" | "modified" | "renamed" | "copied" | "changed" | "unchanged";
  /** Blob sha of the file after the change (absent for a removed file when the API gives none). */
  sha?: string | null;
  /** Unified diff; absent for binary files and for diffs too large for GitHub to show. */
  patch?: string;
  previous_filename?: string;
  /** Lines added plus removed. */
  changes?: number;
  /** A symbolic link (git mode 120000), known from the trees: listed as skipped, never read. */
  symlink?: boolean;
}

export interface CommitFiles {
  sha: string;
  parents: string[];
  files: ChangedFile[];
  /** True when GitHub's 3,000-file limit cut the list: the caller must use the trees instead. */
  truncated: boolean;
}

/** GitHub lists at most this many files of one commit (300 per page). */
export const COMMIT_FILE_LIMIT = 3000;

/** The files one commit changed, with their patches, following the file pages (300 files each). */
export async function getCommitFiles(octokit: Octokit, owner: string, repo: string, sha: string): Promise<CommitFiles> {
  const files: ChangedFile[] = [];
  let parents: string[] = [];
  for (let page = 1; ; page++) {
    const res = await octokit.request("GET /repos/{owner}/{repo}/commits/{ref}", { owner, repo, ref: sha, ...(page > 1 ? { page } : {}) });
    if (page === 1) parents = res.data.parents.map((p) => p.sha);
    const batch = (res.data.files ?? []) as ChangedFile[];
    files.push(...batch);
    const next = /<[^>]*>;\s*rel="next"/.test(String(res.headers.link ?? ""));
    if (!next || batch.length === 0) break;
  }
  return { sha, parents, files, truncated: files.length >= COMMIT_FILE_LIMIT };
}
