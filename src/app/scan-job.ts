import type { Logger, ProbotOctokit } from "probot";
import type { ScanResult } from "../scan/scan-files.js";
import type { ScanRequest } from "../worker/run-scan-request.js";

/** An installation-authenticated Octokit as Probot gives it to handlers (`context.octokit`). */
export type Octokit = InstanceType<typeof ProbotOctokit>;

/** The name of the one check run Mamori keeps per head commit. */
export const CHECK_NAME = "Mamori";

/**
 * What to scan, built from a webhook by the handlers and executed by `runScanJob`. Plain data
 * (JSON-serialisable), so a queue (issue 7) can carry it to a worker unchanged.
 */
export interface ScanJob {
  kind: "pull_request" | "push";
  installationId: number;
  owner: string;
  repo: string;
  /** The commit the check run belongs to. */
  headSha: string;
  /**
   * Pull request: the base branch's tip. Push: the commit before the push. Absent for a new
   * branch (then the default branch is the base) or when unknown.
   */
  baseSha?: string;
  /** Branch name (push) or the pull request's head branch. */
  branch?: string;
  defaultBranch: string;
  pullNumber?: number;
  publicRepository: boolean;
  /** A force push (push events): the old commits may be gone. */
  forced?: boolean;
  /** Update this check run (check_run.rerequested) instead of looking one up by name. */
  checkRunId?: number;
  /** Number of changed files the event reports, for the first title ("Scanning N files"). */
  expectedFiles?: number;
  /** X-GitHub-Delivery of the event that asked for the scan, for logs. */
  deliveryId?: string;
}

/** What `runScanJob` needs besides the job: GitHub access and a logger. */
export interface ScanJobDeps {
  octokit: Octokit;
  log: Logger;
  /** Abort the job (fail closed) after this many milliseconds. Default: MAMORI_JOB_TIMEOUT_MS or 9 minutes. */
  timeoutMs?: number;
  /** Runs the CPU-bound pipeline (a worker-thread pool, src/worker); default: inline on this thread. */
  scan?: (request: ScanRequest) => Promise<ScanResult>;
}

export interface ScanJobOutcome {
  checkRunId: number | null;
  conclusion: "success" | "neutral" | "failure";
  findings: number;
  /** Set when the job failed closed. */
  error?: string;
  /** Reported findings by category ("secret", "pii"), for metrics. */
  categories?: Record<string, number>;
}
