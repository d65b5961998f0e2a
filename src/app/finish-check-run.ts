import type { CheckRunReport } from "../report/check-run.js";
import type { Octokit } from "./scan-job.js";

/** GitHub takes at most 50 annotations per create/update request. */
export const ANNOTATIONS_PER_REQUEST = 50;

/**
 * Completes the check run with the report: the annotations go in batches of 50 (GitHub appends
 * them update by update); the last update carries the conclusion. On a re-run of a run that
 * already has annotations, the ones it already shows are not sent again (GitHub cannot remove
 * annotations, so re-sending would duplicate them). Returns the number of updates.
 */
export async function finishCheckRun(
  octokit: Octokit,
  owner: string,
  repo: string,
  checkRunId: number,
  report: CheckRunReport,
  previousAnnotations = 0,
  now = new Date(),
): Promise<number> {
  let annotations = report.annotations;
  if (previousAnnotations > 0 && annotations.length > 0) {
    const shown = new Set<string>();
    for await (const page of octokit.paginate.iterator("GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations", { owner, repo, check_run_id: checkRunId, per_page: 100 })) {
      for (const a of page.data) shown.add(annotationKey(a));
    }
    annotations = annotations.filter((a) => !shown.has(annotationKey(a)));
  }
  const batches: CheckRunReport["annotations"][] = [];
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
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

function annotationKey(a: { path: string; start_line: number; end_line: number; annotation_level?: string | null; title?: string | null; message?: string | null }): string {
  return [a.path, a.start_line, a.end_line, a.annotation_level ?? "", a.title ?? "", a.message ?? ""].join("\u0000");
}
