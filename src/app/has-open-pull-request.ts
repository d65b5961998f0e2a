import type { Octokit } from "./scan-job.js";

/** Whether `branch` is the head of an open pull request in the same repository (its pull_request events cover it). */
export async function hasOpenPullRequest(octokit: Octokit, owner: string, repo: string, branch: string): Promise<boolean> {
  const { data } = await octokit.request("GET /repos/{owner}/{repo}/pulls", { owner, repo, state: "open", head: `${owner}:${branch}`, per_page: 1 });
  return data.length > 0;
}
