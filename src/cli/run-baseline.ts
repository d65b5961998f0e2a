import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { CliIo } from "./run-cli.js";
import { gitLocation } from "./git-location.js";
import { parseIgnoreFile } from "./parse-ignore-file.js";
import { UsageError } from "./usage-error.js";

interface ReportFinding {
  fingerprint: string;
  path: string;
  line: number | null;
  ruleId: string;
}

/**
 * `mamori baseline [PATH] [scan options]`: scans as `mamori scan` does and appends every
 * finding not yet accepted to `.mamoriignore` at the top of the work tree (the scanned folder
 * outside git): its fingerprint, `# path:line rule`, and a reason to fill in. A team adopting
 * Mamori on an old repository then fails only on new leaks, and each accepted one is reviewed
 * like any other change. Exit 0 when written, 2 on an error.
 */
export async function runBaseline(args: string[], io: CliIo, scan: (argv: string[], io: CliIo) => Promise<number>): Promise<number> {
  if (args.some((a) => a === "--format" || a === "-f" || a.startsWith("--format=") || a === "--output" || a === "-o" || a === "--since" || a === "--staged" || a === "-"))
    throw new UsageError("mamori baseline takes a folder and scan options (--config, --threads …), not --format, --output, --since, --staged or -");
  const positional = args.filter((a, i) => !a.startsWith("-") && !(i > 0 && /^(?:--config|-c|--threads|-j|--lang|--fail-on)$/.test(args[i - 1])));
  const target = resolve(positional[0] ?? ".");
  let stdout = "";
  const code = await scan(["scan", ...args, "--format", "json", "--quiet"], { ...io, stdout: (s) => (stdout += s), stdoutTty: false });
  if (code === 2) return 2;
  const findings = (JSON.parse(stdout) as { findings: ReportFinding[] }).findings;
  const dir = gitLocation(target)?.top ?? target;
  const file = join(dir, ".mamoriignore");
  const known = existsSync(file) ? parseIgnoreFile(readFileSync(file, "utf8")) : new Set<string>();
  const lines: string[] = [];
  for (const f of findings) {
    if (known.has(f.fingerprint)) continue;
    known.add(f.fingerprint);
    const where = f.line === null ? f.path : `${f.path}:${f.line}`;
    lines.push(`${f.fingerprint}  # ${where} ${f.ruleId} — reason: TODO (why this is accepted)`);
  }
  if (lines.length > 0) {
    const before = existsSync(file) ? readFileSync(file, "utf8") : "";
    const header = `${before && !before.endsWith("\n") ? "\n" : ""}# mamori baseline ${new Date().toISOString().slice(0, 10)}: findings accepted as they are; fill in each reason\n`;
    appendFileSync(file, header + lines.join("\n") + "\n");
  }
  io.stderr(`mamori: ${lines.length} finding${lines.length === 1 ? "" : "s"} added to ${file}${lines.length ? " (fill in the reasons, then commit it)" : ""}\n`);
  return 0;
}
