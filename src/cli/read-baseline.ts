import { readFileSync } from "node:fs";
import { UsageError } from "./usage-error.js";

/**
 * The fingerprints of a saved JSON report (`mamori scan --format json -o baseline.json`): with
 * `--baseline FILE` a scan reports, counts and fails only on findings that are not in it.
 */
export function readBaseline(file: string): Set<string> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UsageError(`--baseline ${file}: no such file (save one with mamori scan --format json --output ${file})`);
    if (code === "EISDIR") throw new UsageError(`--baseline ${file}: is a folder, not a JSON report`);
    throw new UsageError(`--baseline ${file}: cannot read it (${code ?? (error as Error).message})`);
  }
  let report: unknown;
  try {
    report = JSON.parse(text);
  } catch {
    throw new UsageError(`--baseline ${file}: not JSON (save a report with mamori scan --format json --output ${file})`);
  }
  const findings = (report as { findings?: unknown }).findings;
  if (!Array.isArray(findings)) throw new UsageError(`--baseline ${file}: not a Mamori JSON report (it has no "findings" list)`);
  const out = new Set<string>();
  for (const f of findings) {
    const fp = (f as { fingerprint?: unknown }).fingerprint;
    if (typeof fp === "string" && fp.length > 0) out.add(fp);
  }
  return out;
}
