import type { Probot } from "probot";
import { describeError } from "./describe-error.js";
import { hasOpenPullRequest } from "./has-open-pull-request.js";
import { jobFromPullRequest } from "./job-from-pull-request.js";
import { jobFromPush } from "./job-from-push.js";
import { jobFromRerequest } from "./job-from-rerequest.js";
import { runScanJob } from "./run-scan-job.js";
import type { ScanJob, ScanJobDeps } from "./scan-job.js";

export interface MamoriAppOptions {
  /** Executes a job; a queue (issue 7) can enqueue here instead. Default: run it in-process. */
  run?: (job: ScanJob, deps: ScanJobDeps) => Promise<unknown>;
}

/**
 * The Probot application: turns events into scan jobs. Pull requests (opened, synchronize,
 * reopened, ready_for_review), pushes to branches without an open pull request (tags and
 * deletions are ignored), and re-runs of the check suite or of the Mamori check run.
 */
export function mamoriApp(app: Probot, options: MamoriAppOptions = {}): void {
  const run = options.run ?? runScanJob;

  app.on(["pull_request.opened", "pull_request.synchronize", "pull_request.reopened", "pull_request.ready_for_review"], async (context) => {
    await run(jobFromPullRequest(context.payload, context.id), { octokit: context.octokit, log: context.log });
  });

  app.on("push", async (context) => {
    const job = jobFromPush(context.payload, context.id);
    if (!job) {
      context.log.debug({ ref: context.payload.ref }, "ignored: tag push or branch deletion");
      return;
    }
    if (job.branch !== job.defaultBranch) {
      try {
        if (await hasOpenPullRequest(context.octokit, job.owner, job.repo, job.branch!)) {
          context.log.debug({ branch: job.branch }, "ignored: the open pull request's events scan this branch");
          return;
        }
      } catch (error) {
        context.log.warn({ error: describeError(error) }, "could not look for an open pull request; scanning the push");
      }
    }
    await run(job, { octokit: context.octokit, log: context.log });
  });

  app.on(["check_suite.rerequested", "check_run.rerequested"], async (context) => {
    const job = jobFromRerequest(context.payload, context.id);
    if (job) await run(job, { octokit: context.octokit, log: context.log });
  });
}
