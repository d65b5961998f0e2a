import type { Finding } from "../engine/types.js";
import type { Verifier, VerifyStatus } from "./types.js";
import { verifiers as builtinVerifiers } from "./verifiers.js";

export interface VerifyOptions {
  /** The HTTP client (tests pass none: nock intercepts the global fetch). */
  fetch?: typeof fetch;
  /** Calls in flight at once (default 4). */
  concurrency?: number;
  /** Per-call timeout in milliseconds (default 5000). */
  timeoutMs?: number;
  verifiers?: readonly Verifier[];
}

/**
 * Opt-in live verification, after the scan (I/O: never inside the engine). For each finding a
 * verifier knows, the raw value (read back by `valueOf`, held only in memory) goes to that
 * provider's own host in one harmless read-only call, and the finding gets `verified`: `live`
 * (raised to critical), `revoked`, or `unknown` (no value, network error, timeout, unexpected
 * answer). A value is never sent to a host outside its verifier's `hosts`, over anything but
 * HTTPS, or along a redirect. The same value is checked once. Findings no verifier knows are
 * returned unchanged.
 */
export async function verifyFindings(
  findings: readonly Finding[],
  valueOf: (finding: Finding) => string | undefined,
  options: VerifyOptions = {},
): Promise<Finding[]> {
  const table = options.verifiers ?? builtinVerifiers;
  const byRule = new Map<string, Verifier>();
  for (const v of table) for (const id of v.ruleIds) byRule.set(id, v);
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 5000;
  const cache = new Map<string, Promise<VerifyStatus>>();
  const out = findings.map((f) => ({ ...f }));
  const jobs: (() => Promise<void>)[] = [];
  for (const f of out) {
    const verifier = byRule.get(f.ruleId);
    if (!verifier) continue;
    jobs.push(async () => {
      const value = valueOf(f);
      let partner: string | undefined;
      if (verifier.needs) partner = nearestPartner(f, out, verifier.needs, valueOf);
      let status: VerifyStatus = "unknown";
      if (value !== undefined && (!verifier.needs || partner !== undefined)) {
        const key = `${verifier.provider}\u0000${value}\u0000${partner ?? ""}`;
        let pending = cache.get(key);
        if (!pending) {
          pending = call(verifier, value, partner, doFetch, timeoutMs);
          cache.set(key, pending);
        }
        status = await pending;
      }
      f.verified = status;
      if (status === "live") f.severity = "critical";
    });
  }
  await runLimited(jobs, Math.max(1, options.concurrency ?? 4));
  return out;
}

async function call(verifier: Verifier, value: string, partner: string | undefined, doFetch: typeof fetch, timeoutMs: number): Promise<VerifyStatus> {
  try {
    const req = verifier.request(value, partner);
    const url = new URL(req.url);
    if (url.protocol !== "https:" || !verifier.hosts.includes(url.hostname) || url.port !== "") return "unknown";
    const res = await doFetch(url, {
      method: req.method ?? "GET",
      headers: req.headers,
      body: req.body,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await res.text()).slice(0, 4096);
    return (verifier.interpret ?? defaultInterpret)(res.status, body);
  } catch {
    return "unknown";
  }
}

function defaultInterpret(status: number): VerifyStatus {
  if (status >= 200 && status < 300) return "live";
  if (status === 401) return "revoked";
  return "unknown";
}

/** The value of the closest finding of `ruleId` in the same file (AWS: the key id beside a secret). */
function nearestPartner(f: Finding, all: readonly Finding[], ruleId: string, valueOf: (finding: Finding) => string | undefined): string | undefined {
  let best: Finding | undefined;
  for (const o of all) {
    if (o.ruleId !== ruleId || o.path !== f.path) continue;
    if (!best || Math.abs((o.line ?? 0) - (f.line ?? 0)) < Math.abs((best.line ?? 0) - (f.line ?? 0))) best = o;
  }
  return best ? valueOf(best) : undefined;
}

async function runLimited(jobs: (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await jobs[next++]();
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
}
