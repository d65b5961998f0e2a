import { appendFileSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { CliIo } from "../cli/run-cli.js";

/** What the Action reads from the runner: the `GITHUB_*`/`RUNNER_*` variables and its `INPUT_*` inputs. */
export type ActionEnv = Record<string, string | undefined>;

export interface ActionDeps {
  /** The CLI (`runCli`), run in-process. */
  scan: (argv: string[], io: CliIo) => Promise<number>;
  /** The runner's log (workflow commands such as ::error go here). */
  log: (s: string) => void;
  version: string;
}

interface SarifLog {
  runs: {
    results: { ruleId: string; message: { text: string }; level?: string; locations?: { physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } } }[] }[];
    properties?: { impact?: { persons?: number }; impactSummary?: string };
  }[];
}

const ZERO_SHA = /^0+$/;

/**
 * The GitHub Action (action.yml): scans what a pull request's commits add (`--since` the base
 * commit) with the base branch's configuration (`--config-from` the base, so a pull request
 * cannot weaken its own scan), writes SARIF for code scanning upload, annotates the lines,
 * writes outputs (`findings`, `persons`, `sarif`, `exit-code`) and a job summary, and returns
 * the CLI's exit code (1 on findings: the step fails). On a push it scans what the push added;
 * without a base (a new branch's first push, a manual run) the whole work tree.
 */
export async function runAction(env: ActionEnv, deps: ActionDeps): Promise<number> {
  const input = (name: string) => env[`INPUT_${name.toUpperCase()}`]?.trim() || undefined;
  const workspace = resolve(env.GITHUB_WORKSPACE ?? ".");
  const event = env.GITHUB_EVENT_PATH ? (JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8")) as Record<string, any>) : {};
  const base = input("base") ?? event.pull_request?.base?.sha ?? (typeof event.before === "string" && !ZERO_SHA.test(event.before) ? event.before : undefined);
  const sarif = resolve(workspace, input("sarif") ?? "mamori.sarif");

  const args = ["scan", workspace, "--format", "sarif", "--output", sarif, "--quiet"];
  if (base) args.push("--since", base, "--config-from", base);
  const failOn = input("fail-on");
  if (failOn) args.push("--fail-on", failOn);
  const lang = input("lang");
  if (lang) args.push("--lang", lang);
  if (input("public") === "true" || event.repository?.private === false) args.push("--public");

  deps.log(`mamori ${deps.version}: ${args.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(" ")}\n`);
  const code = await deps.scan(args, { stdout: deps.log, stderr: deps.log, stdin: () => Buffer.alloc(0), isTty: false, stdoutTty: false, version: deps.version });
  if (code === 2) {
    deps.log(`::error title=Mamori::the scan could not run (see the log above); it fails closed\n`);
    writeOutputs(env, { findings: "", persons: "", sarif: "", "exit-code": "2" });
    return 2;
  }

  const log = JSON.parse(readFileSync(sarif, "utf8")) as SarifLog;
  const run = log.runs[0];
  const results = run?.results ?? [];
  for (const r of results.slice(0, 50)) {
    const loc = r.locations?.[0]?.physicalLocation;
    const file = loc?.artifactLocation?.uri;
    const line = loc?.region?.startLine;
    const level = r.level === "error" ? "error" : r.level === "warning" ? "warning" : "notice";
    const props = [file ? `file=${escapeProperty(file)}` : "", line ? `line=${line}` : "", `title=${escapeProperty(`Mamori: ${r.ruleId}`)}`].filter(Boolean).join(",");
    deps.log(`::${level} ${props}::${escapeData(r.message.text)}\n`);
  }
  const persons = run?.properties?.impact?.persons ?? 0;
  writeOutputs(env, { findings: String(results.length), persons: String(persons), sarif, "exit-code": String(code) });
  if (env.GITHUB_STEP_SUMMARY) {
    const head = results.length === 0 ? "✔ No findings" : `✖ ${results.length} finding${results.length === 1 ? "" : "s"}`;
    const summary = run?.properties?.impactSummary ? `\n\n${run.properties.impactSummary}` : "";
    appendFileSync(env.GITHUB_STEP_SUMMARY, `### Mamori\n\n${head}${base ? ` in the commits since \`${base.slice(0, 7)}\`` : ""}${summary}\n\nSARIF: \`${sarif.startsWith(workspace) ? sarif.slice(workspace.length + 1) : sarif}\`\n`);
  }
  return code;
}

function writeOutputs(env: ActionEnv, outputs: Record<string, string>): void {
  if (!env.GITHUB_OUTPUT) return;
  appendFileSync(env.GITHUB_OUTPUT, Object.entries(outputs).map(([k, v]) => `${k}=${v.replace(/[\r\n]/g, " ")}\n`).join(""));
}

/** Workflow command escaping (as @actions/core does). */
function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

