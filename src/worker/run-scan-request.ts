import type { Config } from "../config/config-schema.js";
import type { Rule } from "../rules/rule-schema.js";
import { scanFiles, type ScanInput, type ScanResult } from "../scan/scan-files.js";
import { compileJobRules } from "./compile-job-rules.js";

/** One call of the pipeline as plain data, so it can cross to a worker thread (structured clone). */
export interface ScanRequest {
  inputs: ScanInput[];
  config: Config;
  rules: Rule[];
  /** Ids of the repository's own rules: compiled with RE2. */
  customRuleIds: string[];
  ignoredFingerprints?: ReadonlySet<string>;
  /** The installation's fingerprint key (HMAC). */
  fingerprintKey: Uint8Array;
  publicRepository?: boolean;
  /**
   * Check found credentials against their providers in the thread, before anything leaves it
   * (`verify: true` in the configuration; scanAndVerify). Only for the scan whose findings are reported.
   */
  verify?: boolean;
}

/** Runs `scanFiles` for a request (in a worker thread, or inline when there is no pool). Findings hold only redacted previews and hashes. */
export function runScanRequest(request: ScanRequest): ScanResult {
  const compiled = compileJobRules(request.rules, request.customRuleIds);
  return scanFiles(request.inputs, request.config, {
    rules: request.rules,
    compiled,
    ignoredFingerprints: request.ignoredFingerprints,
    fingerprintKey: request.fingerprintKey,
    publicRepository: request.publicRepository,
    // The check run speaks in columns; the cells of ordinary-size columns come along so that what
    // the base already has can be dropped cell by cell (scanCommits rebuilds the columns after).
    cells: request.config.scan.detail === "cells" ? "all" : "small",
    // The impact is counted from every cell of every table (the facts), not from column findings.
    keepFacts: true,
  });
}
