import { CHECK_NAME, type Octokit, type ScanJob } from "./scan-job.js";

export interface StartedCheckRun {
  id: number;
  /** Annotations the run already has from an earlier scan (GitHub appends, never replaces them). */
  previousAnnotations: number;
}

/**
 * Puts the one Mamori check run of the head commit in progress at once: the run the event
 * named (check_run.rerequested), else the one found by name on the commit, else a new one.
 */
export async function startCheckRun(octokit: Octokit, job: ScanJob, now = new Date()): Promise<StartedCheckRun> {
  const { owner, repo } = job;
  const files = job.expectedFiles;
  const output = {
    title: files === undefined ? "Scanning files" : `Scanning ${files} ${files === 1 ? "file" : "files"}`,
    summary: `Mamori is scanning what ${job.kind === "pull_request" ? `pull request #${job.pullNumber ?? "?"}` : `the push to \`${job.branch ?? job.headSha.slice(0, 7)}\``} adds (commit ${job.headSha.slice(0, 7)}).`,
  };
  let id = job.checkRunId;
  let previousAnnotations = job.checkRunId === undefined ? 0 : Number.POSITIVE_INFINITY; // unknown: look them up at the end
  if (id === undefined) {
    // A failed lookup is not fatal: a second run on the commit beats no check at all.
    const data = await octokit
      .request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", { owner, repo, ref: job.headSha, check_name: CHECK_NAME, filter: "latest", per_page: 10 })
      .then((res) => res.data)
      .catch(() => ({ check_runs: [] as { id: number; name: string; head_sha: string; output?: { annotations_count?: number } }[] }));
    const found = data.check_runs.find((r) => r.name === CHECK_NAME && r.head_sha === job.headSha);
    if (found) {
      id = Number(found.id);
      previousAnnotations = found.output?.annotations_count ?? Number.POSITIVE_INFINITY;
    }
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
    return { id, previousAnnotations };
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
  return { id: Number(data.id), previousAnnotations: 0 };
}
