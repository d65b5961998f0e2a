import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { configSchema } from "../config/config-schema.js";
import { parseConfigText } from "../config/parse-config-text.js";
import { loadRules } from "../rules/load-rules.js";
import { selectRules } from "../rules/select-rules.js";
import { listFiles } from "./list-files.js";
import { readFiles } from "./read-files.js";
import { rekeyIgnores } from "./rekey-ignores.js";
import { resolveFingerprintKey } from "./resolve-fingerprint-key.js";

export interface RekeyOptions {
  target: string;
  config?: string;
  oldKeyFile?: string;
  fromUnkeyed: boolean;
  newKeyFile?: string;
  dryRun: boolean;
}

/**
 * `mamori rekey [PATH] --old-key-file OLD [--new-key-file NEW] [--dry-run]`: rewrites the
 * fingerprints of `PATH/.mamoriignore` and the `allow` entries of the configuration from the old
 * key to the new one (default: the key `mamori scan` uses). `--from-unkeyed` migrates
 * fingerprints made before keys existed. Returns the lines to print.
 */
export function runRekey(options: RekeyOptions): string[] {
  const root = resolve(options.target);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new Error(`rekey needs a folder, got ${options.target}`);
  if (!options.oldKeyFile && !options.fromUnkeyed) throw new Error("rekey needs --old-key-file FILE (or --from-unkeyed for fingerprints made before keys existed)");
  const oldKey = options.fromUnkeyed ? null : resolveFingerprintKey({ keyFile: options.oldKeyFile, root, create: false }).key;
  const newKey = resolveFingerprintKey({ keyFile: options.newKeyFile, root, create: true }).key;
  if (oldKey !== null && oldKey.equals(newKey)) throw new Error("the old and the new fingerprint key are the same");
  const configFile = options.config ?? [".github/mamori.yml", ".github/mamori.yaml", ".mamori.yml"].map((n) => join(root, n)).find((f) => existsSync(f));
  const config = configFile ? parseConfigText(readFileSync(configFile, "utf8"), configFile) : configSchema.parse({});
  const rules = selectRules(loadRules(), config);
  const files: Record<string, string> = {};
  const ignoreFile = join(root, ".mamoriignore");
  if (existsSync(ignoreFile)) files[ignoreFile] = readFileSync(ignoreFile, "utf8");
  if (configFile) files[configFile] = readFileSync(configFile, "utf8");
  if (Object.keys(files).length === 0) return ["mamori rekey: no .mamoriignore and no configuration: nothing to re-key"];
  const paths = listFiles(root);
  const result = rekeyIgnores({ inputs: () => readFiles(root, paths, []), config, rules, oldKey, newKey, texts: files });
  const out: string[] = [];
  for (const [file, text] of Object.entries(result.texts)) {
    const n = result.replaced[file];
    if (n > 0 && !options.dryRun) writeFileSync(file, text);
    out.push(`${options.dryRun ? "would re-key" : "re-keyed"} ${n} fingerprint${n === 1 ? "" : "s"} in ${file}`);
  }
  if (result.unmatched.length > 0) {
    out.push(`${result.unmatched.length} fingerprint(s) left as they were: no value in the tree gives them with the old key (value removed, other path, or another key):`);
    for (const fp of result.unmatched) out.push(`  ${fp}`);
  }
  return out;
}
