import { parseIgnoreFile } from "../cli/parse-ignore-file.js";
import { ConfigError } from "../config/parse-config.js";
import { RuleError } from "../engine/compile-rules.js";
import { assessImpact } from "../impact/assess-impact.js";
import { formatCheckRun, formatCheckRunFailure, type CheckRunReport } from "../report/check-run.js";
import type { Language } from "../report/report-labels.js";
import { loadRules } from "../rules/load-rules.js";
import type { Rule } from "../rules/rule-schema.js";
import { checkRuleSamples } from "../rules/check-rule-samples.js";
import { selectRules } from "../rules/select-rules.js";
import { compileJobRules } from "../worker/compile-job-rules.js";
import type { ScanRequest } from "../worker/run-scan-request.js";
import { scanAndVerify } from "../worker/scan-and-verify.js";
import { appFingerprintKey } from "./app-fingerprint-key.js";
import { describeError } from "./describe-error.js";
import { fetchFileAt } from "./fetch-file-at.js";
import { isPathScanned } from "./is-path-scanned.js";
import { finishCheckRun } from "./finish-check-run.js";
import { listJobCommits, type JobCommits } from "./list-job-commits.js";
import { CONFIG_PATH, loadRepoConfig } from "./load-repo-config.js";
import { scanCommits } from "./scan-commits.js";
import type { ScanJob, ScanJobDeps, ScanJobOutcome } from "./scan-job.js";
import { startCheckRun } from "./start-check-run.js";
import { redactErrorText } from "../scan/redact-error-text.js";

const DEFAULT_TIMEOUT_MS = 9 * 60 * 1000;
/** 1,000 annotations = 20 update requests; a 100,000-row export would otherwise take 2,000. */
const DEFAULT_MAX_ANNOTATIONS = 1000;
let builtin: Rule[] | undefined;

/**
 * Executes one scan job: the check run goes in progress at once, then configuration (default
 * branch), commits, content, scan, report, completion. Any error — an API failure after
 * retries, truncated data, an invalid configuration, the time limit — completes the check as a
 * failure saying what broke and how to re-run: never success. Does not throw.
 */
export async function runScanJob(job: ScanJob, deps: ScanJobDeps): Promise<ScanJobOutcome> {
  const { octokit } = deps;
  const log = deps.log.child({ job: { kind: job.kind, repo: `${job.owner}/${job.repo}`, sha: job.headSha.slice(0, 12), delivery: job.deliveryId } });
  let checkRunId: number;
  let previousAnnotations: number;
  try {
    ({ id: checkRunId, previousAnnotations } = await startCheckRun(octokit, job));
  } catch (error) {
    const message = describeError(error);
    log.error({ error: message }, "could not create the Mamori check run");
    return { checkRunId: null, conclusion: "failure", findings: 0, error: message };
  }
  const state: { language: Language; timedOut: boolean; categories?: Record<string, number> } = { language: "en", timedOut: false };
  let timer: NodeJS.Timeout | undefined;
  const timeoutMs = deps.timeoutMs ?? (Number(process.env.MAMORI_JOB_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS);
  try {
    const report = await Promise.race([
      scanJob(job, deps, state),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          state.timedOut = true;
          reject(new Error(`the scan did not finish within ${Math.round(timeoutMs / 1000)} s (MAMORI_JOB_TIMEOUT_MS)`));
        }, timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    await finishCheckRun(octokit, job.owner, job.repo, checkRunId, report, previousAnnotations);
    const findings = report.findings;
    log.info({ conclusion: report.conclusion, findings }, "scan finished");
    return { checkRunId, conclusion: report.conclusion, findings, categories: state.categories };
  } catch (error) {
    clearTimeout(timer);
    const config = error instanceof ConfigError;
    // Redacted like findings: a config error can quote a key or a rule id holding a value.
    const message = redactErrorText(config ? error.message : describeError(error));
    log.warn({ error: config ? `invalid configuration (${redactErrorText(error.keys.join(", ")) || "YAML"})` : message }, "scan failed closed");
    try {
      await finishCheckRun(octokit, job.owner, job.repo, checkRunId, formatCheckRunFailure(config ? "config" : "error", message, state.language));
    } catch (again) {
      log.error({ error: describeError(again) }, "could not complete the check run as failed");
    }
    return { checkRunId, conclusion: "failure", findings: 0, error: message };
  }
}

async function scanJob(job: ScanJob, deps: ScanJobDeps, state: { language: Language; timedOut: boolean; categories?: Record<string, number> }): Promise<CheckRunReport> {
  const { octokit } = deps;
  const { owner, repo } = job;
  const { config, overridden, sources } = await loadRepoConfig(octokit, owner, repo);
  state.language = config.language;
  let rules: Rule[];
  try {
    builtin ??= loadRules();
    rules = selectRules(builtin, config);
  } catch (error) {
    const message = (error as Error).message.split("\n")[0];
    throw new ConfigError(sources[0] ?? `${owner}/${repo}:${CONFIG_PATH}`, ["rules"], `Invalid configuration in ${sources.join(", ") || CONFIG_PATH}\n${message}\nFix: use rule ids and personal-data kinds that exist (built-in or under \`custom\`), then re-run the check.`);
  }
  const customRuleIds = config.custom.map((r) => r.id);
  let compiled: ReturnType<typeof compileJobRules>;
  try {
    compiled = compileJobRules(rules, customRuleIds); // fail fast, naming the rule (custom rules compile with RE2)
  } catch (error) {
    if (!(error instanceof RuleError)) throw error;
    throw new ConfigError(sources[0] ?? `${owner}/${repo}:${CONFIG_PATH}`, ["custom"], `Invalid configuration in ${sources.join(", ") || CONFIG_PATH}\n${error.message}\nFix: correct or remove the rule \`${error.ruleId}\`, then re-run the check.`);
  }
  // Custom rules' own samples must hold, as the built-in ones do in the tests.
  const selected = new Set(rules.map((r) => r.id));
  const broken = checkRuleSamples(config.custom.filter((r) => selected.has(r.id)), compiled);
  if (broken.length > 0) {
    throw new ConfigError(sources[0] ?? `${owner}/${repo}:${CONFIG_PATH}`, ["custom"], `Invalid configuration in ${sources.join(", ") || CONFIG_PATH}\n${broken.slice(0, 10).join("\n")}\nFix: correct the rule's pattern or its samples, then re-run the check.`);
  }
  const skipPath = (path: string) => !isPathScanned(path, config);
  const ignoreFile = await fetchFileAt(octokit, owner, repo, ".mamoriignore");
  const ignoredFingerprints = ignoreFile ? parseIgnoreFile(new TextDecoder().decode(ignoreFile)) : new Set<string>();

  const fingerprintKey = appFingerprintKey(job.installationId);
  const range = await listCommits(job, deps);
  if (state.timedOut) throw new Error("timed out");
  const result = await scanCommits(
    {
      octokit,
      owner,
      repo,
      headSha: job.headSha,
      baseSha: range.mergeBase ?? job.baseSha,
      skipPath,
      maxFileBytes: config.scan.maxFileBytes,
      keepCells: config.scan.detail === "cells",
      scan: (inputs, options) => {
        // `verify: true`: the reported findings' credentials are checked where the scan runs (the raw values never leave it).
        const verify = config.verify && options?.reported === true;
        const request: ScanRequest = { inputs, config, rules, customRuleIds, ignoredFingerprints, fingerprintKey, publicRepository: job.publicRepository, verify };
        return deps.scan ? deps.scan(request) : scanAndVerify(request);
      },
    },
    range.commits,
  );
  state.categories = {};
  for (const f of result.findings) state.categories[f.category] = (state.categories[f.category] ?? 0) + 1;
  const ja = config.language === "ja";
  const notes: string[] = [];
  if (overridden.length > 0) {
    notes.push(
      ja
        ? `組織のポリシーでロックされた設定のため、リポジトリの値を使いませんでした: ${overridden.map((k) => `\`${k}\``).join(", ")}`
        : `Locked by the organisation's policy, the repository's value was not used for: ${overridden.map((k) => `\`${k}\``).join(", ")}`,
    );
  }
  notes.push(
    ja
      ? `設定: ${sources.length ? sources.map((s) => `\`${s}\``).join(", ") : "既定値"}（デフォルトブランチ）`
      : `Configuration: ${sources.length ? sources.map((s) => `\`${s}\``).join(", ") : "defaults"} (default branch)`,
  );
  if (result.onBase > 0) {
    notes.push(ja ? `ベースにすでにある ${result.onBase} 件は報告していません。` : `${result.onBase} findings already on the base are not reported here.`);
  }
  return formatCheckRun({
    findings: result.findings,
    // Impact of what is reported (the base's findings are gone); a push already reached GitHub.
    // Persons are counted from every cell (the facts), not from the column findings.
    impact: assessImpact(result.facts ?? result.findings, {
      secrets: result.findings.filter((f) => f.category === "secret").length,
      publicRepository: job.publicRepository,
      reachedSharedBranch: job.kind === "push",
      knownAt: new Date(),
      damages: config.impact,
    }),
    stats: result.stats,
    config,
    rulesById: new Map(rules.map((r) => [r.id, r])),
    scope: { kind: job.kind, commits: result.commits, defaultBranch: job.kind === "push" && job.branch === job.defaultBranch },
    notes,
    maxAnnotations: Number(process.env.MAMORI_MAX_ANNOTATIONS) || DEFAULT_MAX_ANNOTATIONS,
  });
}

/**
 * The commits to scan. Pull request: base...head. Push: before...after; a new branch (or a
 * force push whose old commit is gone): what the branch has that the default branch has not;
 * the first push of the default branch: its history.
 */
async function listCommits(job: ScanJob, { octokit }: ScanJobDeps): Promise<JobCommits> {
  const { owner, repo } = job;
  const zero = (sha?: string) => !sha || /^0+$/.test(sha);
  if (job.kind === "pull_request") return listJobCommits(octokit, owner, repo, job.baseSha, job.headSha);
  const fallback = job.branch === job.defaultBranch ? undefined : job.defaultBranch;
  if (zero(job.baseSha)) return listJobCommits(octokit, owner, repo, fallback, job.headSha);
  try {
    return await listJobCommits(octokit, owner, repo, job.baseSha, job.headSha);
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (!job.forced || (status !== 404 && status !== 422)) throw error;
    return listJobCommits(octokit, owner, repo, fallback, job.headSha);
  }
}
