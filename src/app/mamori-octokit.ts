import { ProbotOctokit } from "probot";
import { recordGitHubRequest } from "../metrics/record-github-request.js";

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
const WRAPPED = Symbol("mamori fetch wrapper");

/**
 * Probot's Octokit (which bundles @octokit/plugin-retry and @octokit/plugin-throttling) with
 * Mamori's budget: 5xx, timeouts and broken connections are retried with back-off; primary and
 * secondary rate limits wait for `retry-after` / the reset when that is short enough; past the
 * budget the request throws and the job fails closed naming the request. Counts requests for
 * the metrics.
 */
export function createMamoriOctokit(budget: GitHubBudget = defaultGitHubBudget()): typeof ProbotOctokit {
  return ProbotOctokit.defaults((options: Record<string, any>) => {
    const inner: (Fetch & { [WRAPPED]?: true }) | undefined = options.request?.fetch;
    // Probot builds installation clients from the app client's options: wrap fetch only once.
    const fetchWithTimeout: Fetch & { [WRAPPED]?: true } = inner?.[WRAPPED] ? inner : async (input, init) => {
      const timeout = AbortSignal.timeout(budget.requestTimeoutMs);
      const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
      const method = init?.method ?? "GET";
      try {
        const response = await (inner ?? globalThis.fetch)(input, { ...init, signal });
        recordGitHubRequest(method, response.status, response.headers);
        return response;
      } catch (error) {
        recordGitHubRequest(method, 0);
        if (init?.signal?.aborted) throw error; // the caller's own abort
        if (timeout.aborted) throw new Error(`no answer within ${budget.requestTimeoutMs / 1000} s`, { cause: error });
        // Name the network failure (fetch's own message is a bare "fetch failed").
        const e = error as { message?: string; cause?: { code?: string; message?: string } };
        const detail = [e?.cause?.code, e?.cause?.message ?? e?.message].filter(Boolean).join(" ");
        throw new Error(`connection failed${detail ? `: ${detail}` : ""}`, { cause: error });
      }
    };
    fetchWithTimeout[WRAPPED] = true;
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
