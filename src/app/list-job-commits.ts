import type { Octokit } from "./scan-job.js";

export interface JobCommits {
  /** Commits to scan, oldest first, with their parents. */
  commits: { sha: string; parents: string[] }[];
  /** The commit whose content counts as "already there" (merge base), if any. */
  mergeBase?: string;
}

/** Most commits one job scans; a bigger range fails closed and points at the CLI. */
export const MAX_JOB_COMMITS = Number(process.env.MAMORI_MAX_COMMITS) || 1000;

/**
 * The commits in `base...head` (what head has that base has not), oldest first, through the
 * compare API's pages (100 commits each; the 300-file limit of compare does not matter: files
 * come per commit). With no base, the head's history (a repository's first push).
 */
export async function listJobCommits(octokit: Octokit, owner: string, repo: string, base: string | undefined, head: string): Promise<JobCommits> {
  const commits: JobCommits["commits"] = [];
  if (!base) {
    for await (const res of octokit.paginate.iterator("GET /repos/{owner}/{repo}/commits", { owner, repo, sha: head, per_page: 100 })) {
      for (const c of res.data) commits.push({ sha: c.sha, parents: c.parents.map((p) => p.sha) });
      if (commits.length > MAX_JOB_COMMITS) throw tooMany(commits.length);
    }
    return { commits: commits.reverse() };
  }
  let mergeBase: string | undefined;
  let total = 0;
  for (let page = 1; ; page++) {
    const res = await octokit.request("GET /repos/{owner}/{repo}/compare/{basehead}", { owner, repo, basehead: `${base}...${head}`, per_page: 100, page });
    total = res.data.total_commits;
    mergeBase ??= res.data.merge_base_commit?.sha;
    if (total > MAX_JOB_COMMITS) throw tooMany(total);
    for (const c of res.data.commits) commits.push({ sha: c.sha, parents: c.parents.map((p) => p.sha) });
    if (res.data.commits.length === 0 || commits.length >= total) break;
  }
  if (commits.length < total) throw new Error(`GitHub listed ${commits.length} of ${total} commits in ${base.slice(0, 12)}...${head.slice(0, 12)}: the list is incomplete`);
  return { commits, mergeBase };
}

function tooMany(n: number): Error {
  return new Error(
    `${n} commits to scan, more than this app scans in one job (${MAX_JOB_COMMITS}, MAMORI_MAX_COMMITS). Scan the range on a clone with \`mamori scan . --since BASE\` instead.`,
  );
}
