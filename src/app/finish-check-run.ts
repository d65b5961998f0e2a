import type { CheckRunReport } from "../report/check-run.js";
import type { Octokit } from "./scan-job.js";

/** GitHub takes at most 50 annotations per create/update request. */
export const ANNOTATIONS_PER_REQUEST = 50;

/**
 * Completes the check run with the report: the annotations go in batches of 50 (GitHub appends
 * them update by update); the last update carries the conclusion.
 */
export async function finishCheckRun(octokit: Octokit, owner: string, repo: string, checkRunId: number, report: CheckRunReport, now = new Date()): Promise<number> {
  const batches: CheckRunReport["annotations"][] = [];
  for (let i = 0; i < report.annotations.length; i += ANNOTATIONS_PER_REQUEST) batches.push(report.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  if (batches.length === 0) batches.push([]);
  const output = { title: report.title, summary: report.summary };
  for (let i = 0; i < batches.length; i++) {
    const last = i === batches.length - 1;
    await octokit.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
      owner,
      repo,
      check_run_id: checkRunId,
      ...(last ? { status: "completed" as const, conclusion: report.conclusion, completed_at: now.toISOString() } : {}),
      output: batches[i].length > 0 ? { ...output, annotations: batches[i] } : output,
    });
  }
  return batches.length;
}
