import { getMetrics } from "./get-metrics.js";

/** Counts one HTTP attempt to GitHub (each retry counts; status 0: no answer) and keeps the rate limit it reported. */
export function recordGitHubRequest(method: string, status: number, headers?: Headers): void {
  const m = getMetrics();
  m.githubRequests.inc({ method: method.toUpperCase(), status: String(status) });
  const remaining = headers?.get("x-ratelimit-remaining");
  if (remaining !== null && remaining !== undefined && remaining !== "" && Number.isFinite(Number(remaining))) m.rateLimitRemaining.set(Number(remaining));
}
