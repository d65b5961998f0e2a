import { readFileSync } from "node:fs";
import { configSchema, type Config } from "../config/config-schema.js";
import { parseConfigText } from "../config/parse-config-text.js";
import { UsageError } from "./usage-error.js";

/**
 * The configuration for `mamori scan`/`mamori rules`: the file given with `--config` or found
 * beside the scanned folder, or the defaults. A file that cannot be read is a usage error that
 * says what is wrong and how to fix it. `_extends: .github` is accepted: the organisation's
 * defaults live on GitHub, which the App reads; the CLI uses the file alone and says so in `notes`.
 */
export function loadCliConfig(file: string | undefined, notes: string[]): Config {
  if (file === undefined) return configSchema.parse({});
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UsageError(`--config ${file}: no such file (give the path of a mamori.yml; without --config, PATH/.github/mamori.yml is used when present)`);
    if (code === "EISDIR") throw new UsageError(`--config ${file}: is a folder, not a file (give the mamori.yml inside it, e.g. ${file.replace(/\/$/, "")}/.github/mamori.yml)`);
    if (code === "EACCES" || code === "EPERM") throw new UsageError(`--config ${file}: not allowed to read it (check the file's permissions)`);
    throw new UsageError(`--config ${file}: cannot read it (${code ?? (error as Error).message})`);
  }
  const config = parseConfigText(text, file);
  const extended = /^_extends\s*:\s*(.*)$/m.exec(text);
  if (extended) {
    notes.push(`${file}: _extends: ${extended[1].trim()} is followed by the GitHub App only; the CLI uses this file alone (organisation defaults and locks are not applied)`);
  }
  return config;
}
