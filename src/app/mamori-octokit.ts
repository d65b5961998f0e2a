import { ProbotOctokit } from "probot";
import { githubMetricsPlugin } from "../metrics/github-metrics-plugin.js";

/** How hard Mamori tries before a GitHub fault fails the check (closed, with the reason). */
export interface GitHubBudget {
  /** Retries of a 5xx, a timeout or a broken connection (plugin-retry; waits 1, 4, 9… × retryAfterBaseValue ms). Default 3. */
  retries: number;
  /** Base of plugin-retry's back-off in ms. Default 1000. */
  retryAfterBaseValue: number;
  /** Rate-limit retries (primary and secondary, plugin-throttling) per request. Default 2. */
  rateLimitRetries: number;
  /** Longest wait in seconds for a rate limit to reset; beyond it the request fails. Default 120 (MAMORI_GITHUB_MAX_WAIT_S). */
  maxRateLimitWaitS: number;
  /** Multiplier of plugin-throttling's seconds (1000 = real seconds; tests use 1). */
  throttleBaseValue: number;
  /** No answer within this many ms aborts the request (then retried). Default 60,000 (MAMORI_GITHUB_TIMEOUT_MS). */
  requestTimeoutMs: number;
}

export function defaultGitHubBudget(env: NodeJS.ProcessEnv = process.env): GitHubBudget {
  return {
    retries: numberOr(env.MAMORI_GITHUB_RETRIES, 3),
    retryAfterBaseValue: 1000,
    rateLimitRetries: 2,
    maxRateLimitWaitS: numberOr(env.MAMORI_GITHUB_MAX_WAIT_S, 120),
    throttleBaseValue: 1000,
    requestTimeoutMs: numberOr(env.MAMORI_GITHUB_TIMEOUT_MS, 60_000),
  };
}

type Fetch = typeof globalThis.fetch;

/**
 * Probot's Octokit (which bundles @octokit/plugin-retry and @octokit/plugin-throttling) with
 * Mamori's budget: 5xx, timeouts and broken connections are retried with back-off; primary and
 * secondary rate limits wait for `retry-after` / the reset when that is short enough; past the
 * budget the request throws and the job fails closed naming the request. Counts requests for
 * the metrics.
 */
export function createMamoriOctokit(budget: GitHubBudget = defaultGitHubBudget()): typeof ProbotOctokit {
  return ProbotOctokit.plugin(githubMetricsPlugin as never).defaults((options: Record<string, any>) => {
    const inner: Fetch | undefined = options.request?.fetch;
    const fetchWithTimeout: Fetch = async (input, init) => {
      const timeout = AbortSignal.timeout(budget.requestTimeoutMs);
      const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
      try {
        return await (inner ?? globalThis.fetch)(input, { ...init, signal });
      } catch (error) {
        if (timeout.aborted) throw new Error(`no answer within ${Math.round(budget.requestTimeoutMs / 1000)} s`, { cause: error });
        throw error;
      }
    };
    const allow = (kind: string) => (retryAfter: number, request: { method: string; url: string }, octokit: { log?: { warn: (...a: unknown[]) => void } }, retryCount: number) => {
      const retry = retryCount < budget.rateLimitRetries && retryAfter <= budget.maxRateLimitWaitS;
      octokit?.log?.warn({ request: `${request.method} ${request.url}`, retryAfter, retryCount }, retry ? `${kind} rate limit: retrying in ${retryAfter} s` : `${kind} rate limit: giving up`);
      return retry;
    };
    return {
      ...options,
      request: { ...options.request, fetch: fetchWithTimeout },
      retry: { retries: budget.retries, retryAfterBaseValue: budget.retryAfterBaseValue, ...options.retry },
      throttle: {
        ...options.throttle,
        retryAfterBaseValue: budget.throttleBaseValue,
        onRateLimit: allow("primary"),
        onSecondaryRateLimit: allow("secondary"),
      },
    };
  }) as typeof ProbotOctokit;
}

function numberOr(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== "" && Number.isFinite(n) && n >= 0 ? n : fallback;
}
