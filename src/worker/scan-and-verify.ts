import { decodeFile } from "../decode/decode-file.js";
import type { Finding, TextUnit } from "../engine/types.js";
import type { ScanInput, ScanResult } from "../scan/scan-files.js";
import { readUnitValue } from "../verify/read-unit-value.js";
import { verifyFindings, type VerifyOptions } from "../verify/verify-findings.js";
import { runScanRequest, type ScanRequest } from "./run-scan-request.js";

/**
 * Runs a scan request and, when it asks for it (`verify: true` in the configuration), checks the
 * credentials found against their providers right here, where the scanned bytes still are (the
 * scan thread of the App, or the job's own thread without a pool): a value is read back from the
 * input it was found in, sent only to its own provider (verifyFindings: host allowlist, HTTPS, no
 * redirects, bounded concurrency, per-call timeout, as the CLI's `--verify`) and dropped. What
 * leaves this function is the redacted findings with `verified` set: never a raw value.
 */
export async function scanAndVerify(request: ScanRequest, options: VerifyOptions = {}): Promise<ScanResult> {
  const result = runScanRequest(request);
  if (!request.verify || result.findings.length === 0) return result;
  const units = new Map<ScanInput, TextUnit[]>();
  /** The decoded units of an input (its text, archive entries, Shift_JIS…), decoded again only for inputs with a finding to verify. */
  const unitsOf = (input: ScanInput): TextUnit[] => {
    let list = units.get(input);
    if (!list) {
      try {
        list = input.units ?? decodeFile(input.path, input.bytes, request.config.scan).units;
      } catch {
        list = [];
      }
      units.set(input, list);
    }
    return list;
  };
  const valueOf = (f: Finding): string | undefined => {
    for (const input of request.inputs) {
      if ((input.commit ?? undefined) !== f.commit) continue;
      if (input.path !== f.path && !f.path.startsWith(`${input.path}!`)) continue;
      for (const unit of unitsOf(input)) {
        if (unit.path !== f.path) continue;
        const value = readUnitValue(f, unit);
        if (value !== undefined) return value;
      }
    }
    return undefined;
  };
  return { ...result, findings: await verifyFindings(result.findings, valueOf, options) };
}
