import type { Context } from "probot";
import { CHECK_NAME, type ScanJob } from "./scan-job.js";

type SuitePayload = Context<"check_suite.rerequested">["payload"];
type RunPayload = Context<"check_run.rerequested">["payload"];

interface SuiteLike {
  head_sha: string;
  head_branch: string | null;
  before?: string | null;
  pull_requests: { number: number; head: { ref: string; sha: string }; base: { ref: string; sha: string } }[];
}

/**
 * The scan job of a re-run: `check_suite.rerequested` (all checks of a commit) or
 * `check_run.rerequested` (the Mamori run only; null for another app's run). A suite with a
 * pull request is scanned as that pull request, otherwise as a push of its branch.
 */
export function jobFromRerequest(payload: SuitePayload | RunPayload, deliveryId?: string): ScanJob | null {
  let suite: SuiteLike;
  let checkRunId: number | undefined;
  if ("check_run" in payload) {
    if (payload.check_run.name !== CHECK_NAME) return null;
    checkRunId = Number(payload.check_run.id);
    const s = payload.check_run.check_suite as unknown as Partial<SuiteLike>;
    suite = {
      head_sha: payload.check_run.head_sha,
      head_branch: s.head_branch ?? null,
      before: s.before ?? null,
      pull_requests: (payload.check_run.pull_requests?.length ? payload.check_run.pull_requests : (s.pull_requests ?? [])) as SuiteLike["pull_requests"],
    };
  } else {
    suite = payload.check_suite as unknown as SuiteLike;
  }
  const repo = payload.repository;
  const pr = suite.pull_requests.find((p) => p.head.sha === suite.head_sha) ?? suite.pull_requests[0];
  const common = {
    installationId: payload.installation?.id ?? 0,
    owner: repo.owner.login,
    repo: repo.name,
    headSha: suite.head_sha,
    defaultBranch: repo.default_branch,
    publicRepository: repo.private === false,
    ...(checkRunId !== undefined ? { checkRunId } : {}),
    ...(deliveryId ? { deliveryId } : {}),
  };
  if (pr) return { ...common, kind: "pull_request", baseSha: pr.base.sha, branch: pr.head.ref, pullNumber: pr.number };
  const before = suite.before && !/^0+$/.test(suite.before) ? suite.before : undefined;
  return { ...common, kind: "push", ...(before ? { baseSha: before } : {}), ...(suite.head_branch ? { branch: suite.head_branch } : {}) };
}
