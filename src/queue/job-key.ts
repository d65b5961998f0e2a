import type { ScanJob } from "../app/scan-job.js";

/**
 * The deduplication key of a job: one scan per (repository, head SHA). Safe as a BullMQ job id
 * (no ":"; repository names hold only letters, digits, "-", "_" and ".").
 */
export function jobKey(job: Pick<ScanJob, "owner" | "repo" | "headSha">): string {
  return `${job.owner}/${job.repo}@${job.headSha}`.replace(/:/g, "_").toLowerCase();
}
