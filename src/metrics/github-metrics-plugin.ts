import { getMetrics } from "./get-metrics.js";

interface HookedOctokit {
  hook: {
    after(name: "request", fn: (response: { status: number; headers: Record<string, unknown> }, options: { method: string }) => void): void;
    error(name: "request", fn: (error: unknown, options: { method: string }) => unknown): void;
  };
}

/** An Octokit plugin that counts GitHub requests by method and status and records the rate limit left. */
export function githubMetricsPlugin(octokit: HookedOctokit): void {
  const record = (method: string, status: number, headers?: Record<string, unknown>) => {
    const m = getMetrics();
    m.githubRequests.inc({ method, status: String(status) });
    const remaining = Number(headers?.["x-ratelimit-remaining"]);
    if (headers?.["x-ratelimit-remaining"] !== undefined && Number.isFinite(remaining)) m.rateLimitRemaining.set(remaining);
  };
  octokit.hook.after("request", (response, options) => record(options.method, response.status, response.headers));
  octokit.hook.error("request", (error, options) => {
    const e = error as { status?: number; response?: { status: number; headers: Record<string, unknown> } };
    record(options.method, e.response?.status ?? 0, e.response?.headers);
    throw error;
  });
}
