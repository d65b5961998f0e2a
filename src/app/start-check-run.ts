import { CHECK_NAME, type Octokit, type ScanJob } from "./scan-job.js";

/**
 * Puts the one Mamori check run of the head commit in progress at once: the run the event
 * named (check_run.rerequested), else the one found by name on the commit, else a new one.
 * Returns its id.
 */
export async function startCheckRun(octokit: Octokit, job: ScanJob, now = new Date()): Promise<number> {
  const { owner, repo } = job;
  const files = job.expectedFiles;
  const output = {
    title: files === undefined ? "Scanning files" : `Scanning ${files} ${files === 1 ? "file" : "files"}`,
    summary: `Mamori is scanning what ${job.kind === "pull_request" ? `pull request #${job.pullNumber ?? "?"}` : `the push to \`${job.branch ?? job.headSha.slice(0, 7)}\``} adds (commit ${job.headSha.slice(0, 7)}).`,
  };
  let id = job.checkRunId;
  if (id === undefined) {
    const { data } = await octokit.request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
      owner,
      repo,
      ref: job.headSha,
      check_name: CHECK_NAME,
      filter: "latest",
      per_page: 10,
    });
    const found = data.check_runs.find((r) => r.name === CHECK_NAME && r.head_sha === job.headSha);
    if (found) id = Number(found.id);
  }
  if (id !== undefined) {
    await octokit.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
      owner,
      repo,
      check_run_id: id,
      status: "in_progress",
      started_at: now.toISOString(),
      output,
    });
    return id;
  }
  const { data } = await octokit.request("POST /repos/{owner}/{repo}/check-runs", {
    owner,
    repo,
    name: CHECK_NAME,
    head_sha: job.headSha,
    status: "in_progress",
    started_at: now.toISOString(),
    external_id: job.pullNumber !== undefined ? `pr-${job.pullNumber}` : `push-${job.branch ?? ""}`.slice(0, 200),
    output,
  });
  return Number(data.id);
}
