import type { Context } from "probot";
import type { ScanJob } from "./scan-job.js";

type Payload = Context<"pull_request.opened" | "pull_request.synchronize" | "pull_request.reopened" | "pull_request.ready_for_review">["payload"];

/** The scan job of a pull request event: every commit between the base and the head. */
export function jobFromPullRequest(payload: Payload, deliveryId?: string): ScanJob {
  const pr = payload.pull_request;
  return {
    kind: "pull_request",
    installationId: payload.installation?.id ?? 0,
    owner: payload.repository.owner.login,
    repo: payload.repository.name,
    headSha: pr.head.sha,
    baseSha: pr.base.sha,
    branch: pr.head.ref,
    defaultBranch: payload.repository.default_branch,
    pullNumber: pr.number,
    publicRepository: payload.repository.private === false,
    ...(typeof pr.changed_files === "number" ? { expectedFiles: pr.changed_files } : {}),
    ...(deliveryId ? { deliveryId } : {}),
  };
}
