import type { Config } from "../config/config-schema.js";
import { compileJobRules } from "../worker/compile-job-rules.js";
import type { Rule } from "../rules/rule-schema.js";
import { scanFiles, type ScanInput } from "../scan/scan-files.js";

export interface RekeyInput {
  /** The files of the tree, read afresh for each key (a generator factory keeps memory flat). */
  inputs: () => Iterable<ScanInput>;
  config: Config;
  rules: readonly Rule[];
  /** The key the existing fingerprints were made with; `null`: Mamori 0.1's unkeyed hash. */
  oldKey: Uint8Array | null;
  newKey: Uint8Array;
  /** Texts to rewrite, by name (`.mamoriignore`, `.github/mamori.yml`). */
  texts: Record<string, string>;
}

export interface RekeyResult {
  /** The rewritten texts (same names). */
  texts: Record<string, string>;
  /** How many fingerprints were replaced, per text. */
  replaced: Record<string, number>;
  /** Fingerprints in the texts that no value of the tree produces (kept as they were). */
  unmatched: string[];
}

const FINGERPRINT = /[A-Za-z0-9][\w.-]*:[^\s#'"]*:[0-9a-f]{20}(?![0-9a-f])/g;

/**
 * Re-keys accepted fingerprints. A fingerprint is a keyed hash, so it cannot be converted
 * without the value: the tree is scanned twice (old key, new key; no finding suppressed) and
 * each old fingerprint is replaced by the new fingerprint of the same value, rule and path.
 * Fingerprints whose value is no longer in the tree are listed and left alone.
 */
export function rekeyIgnores(input: RekeyInput): RekeyResult {
  const config: Config = { ...input.config, allow: [] };
  const compiled = compileJobRules(input.rules, input.config.custom.map((r) => r.id));
  const collect = (key: Uint8Array | null) => {
    const out: { at: string; fingerprint: string }[] = [];
    scanFiles(input.inputs(), config, {
      rules: input.rules,
      compiled,
      fingerprintKey: key,
      cells: "all", // column fingerprints and every cell's: either may be in the texts
      onFindings: (found) => {
        for (const f of found) out.push({ at: `${f.ruleId}\0${f.path}\0${f.line}\0${f.column}\0${f.endLine}\0${f.endColumn}`, fingerprint: f.fingerprint });
      },
    });
    return out;
  };
  const before = collect(input.oldKey);
  const after = new Map(collect(input.newKey).map((f) => [f.at, f.fingerprint]));
  const map = new Map<string, string>();
  for (const f of before) {
    const next = after.get(f.at);
    if (next !== undefined) map.set(f.fingerprint, next);
  }
  const texts: Record<string, string> = {};
  const replaced: Record<string, number> = {};
  const unmatched = new Set<string>();
  for (const [name, text] of Object.entries(input.texts)) {
    replaced[name] = 0;
    texts[name] = text.replace(FINGERPRINT, (fp) => {
      const next = map.get(fp);
      if (next === undefined) {
        if (![...map.values()].includes(fp)) unmatched.add(fp);
        return fp;
      }
      replaced[name]++;
      return next;
    });
  }
  return { texts, replaced, unmatched: [...unmatched].sort() };
}
