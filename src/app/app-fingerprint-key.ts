import { hkdfSync, randomBytes } from "node:crypto";
import { readPrivateKey } from "./check-startup-env.js";
import { fingerprintKeyFromText } from "../scan/fingerprint-key-from-text.js";

let processKey: Buffer | undefined;

/**
 * The App's fingerprint key for one installation: MAMORI_FINGERPRINT_KEY when set (the same
 * value in the CLI gives the same fingerprints), otherwise derived from the App's private key
 * with HKDF-SHA256, one key per installation (so fingerprints of one organisation say nothing
 * about another's). Without either (setup mode, tests) a random key for this process.
 */
export function appFingerprintKey(installationId: number, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Buffer {
  if (env.MAMORI_FINGERPRINT_KEY) return fingerprintKeyFromText(env.MAMORI_FINGERPRINT_KEY, "MAMORI_FINGERPRINT_KEY");
  const privateKey = readPrivateKey(env, cwd);
  if (privateKey) {
    return Buffer.from(hkdfSync("sha256", privateKey.text.trim(), "mamori fingerprint key v1", `installation:${installationId}`, 32));
  }
  processKey ??= randomBytes(32);
  return processKey;
}
