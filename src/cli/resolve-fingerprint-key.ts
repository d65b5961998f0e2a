import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, relative, resolve, isAbsolute } from "node:path";
import { fingerprintKeyFromText } from "../scan/fingerprint-key-from-text.js";

export interface FingerprintKey {
  key: Buffer;
  /** Where it came from, for messages (never the key itself). */
  from: string;
  /** Set when the key file was created now (first use): the caller warns. */
  created?: string;
}

export interface ResolveKeyOptions {
  /** `--fingerprint-key-file`. */
  keyFile?: string;
  env?: NodeJS.ProcessEnv;
  /** The scanned folder: a key file inside it would be public, so it is refused. */
  root?: string;
  /** Create the default key file when there is no key (default true). */
  create?: boolean;
}

/** `$XDG_CONFIG_HOME/mamori/fingerprint.key`, by default `~/.config/mamori/fingerprint.key`. */
export function defaultKeyFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CONFIG_HOME || join(env.HOME || homedir(), ".config"), "mamori", "fingerprint.key");
}

/**
 * The CLI's fingerprint key, in this order: `--fingerprint-key-file`, MAMORI_FINGERPRINT_KEY,
 * the per-user key file (`~/.config/mamori/fingerprint.key`). With none, a random key is
 * created in that file (mode 600) and `created` says so. A key file inside the scanned folder
 * is refused: a committed key makes fingerprints reversible.
 */
export function resolveFingerprintKey(options: ResolveKeyOptions = {}): FingerprintKey {
  const env = options.env ?? process.env;
  if (options.keyFile) return { key: readKeyFile(resolve(options.keyFile), options.root), from: options.keyFile };
  if (env.MAMORI_FINGERPRINT_KEY) return { key: fingerprintKeyFromText(env.MAMORI_FINGERPRINT_KEY, "MAMORI_FINGERPRINT_KEY"), from: "MAMORI_FINGERPRINT_KEY" };
  const file = defaultKeyFile(env);
  if (existsSync(file)) return { key: readKeyFile(file, options.root), from: file };
  if (options.create === false) throw new Error(`no fingerprint key: set MAMORI_FINGERPRINT_KEY or give --fingerprint-key-file (${file} does not exist)`);
  const text = randomBytes(32).toString("hex");
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, text + "\n", { mode: 0o600, flag: "wx" });
  chmodSync(file, 0o600);
  return { key: fingerprintKeyFromText(text, file), from: file, created: file };
}

function readKeyFile(file: string, root: string | undefined): Buffer {
  if (!existsSync(file)) throw new Error(`fingerprint key file ${file} does not exist`);
  if (root !== undefined) {
    const rel = relative(realpathSync(root), realpathSync(file));
    if (rel === "" || (!rel.startsWith("..") && !isAbsolute(rel))) {
      throw new Error(`the fingerprint key file ${file} is inside the scanned folder: keep it outside the repository (a committed key makes fingerprints reversible)`);
    }
  }
  return fingerprintKeyFromText(readFileSync(file, "utf8"), file);
}
