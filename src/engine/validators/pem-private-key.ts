import type { ValidatorResult } from "./types.js";
import { decodeBase64 } from "./decode-base64.js";

const BLOCK =
  /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----([\s\S]*?)-----END \1-----/;

/**
 * A PEM (or OpenSSH / PGP armoured) private key whose body is real key material: the base64 body
 * (headers such as `Proc-Type:` skipped, literal `\n` escapes allowed) decodes, is long enough for
 * a key, and starts as the format says — a DER SEQUENCE (0x30) for PKCS#1/#8/SEC1, the
 * `openssh-key-v1` magic for OpenSSH keys. Prose that only names the header is rejected.
 */
export function pemPrivateKey(value: string): ValidatorResult {
  const m = BLOCK.exec(value.replace(/\\r/g, ""));
  if (!m) return false;
  const kind = m[1];
  const lines = m[2]
    .split(/\\n|\r?\n/)
    .map((l) => l.trim().replace(/^["']|["'],?$/g, ""))
    .filter((l) => l && !/^[A-Za-z-]+:/.test(l) && !l.startsWith("="));
  const bytes = decodeBase64(lines.join(""));
  if (!bytes || bytes.length < 32) return false;
  if (kind.startsWith("OPENSSH")) return bytes.subarray(0, 15).toString("latin1") === "openssh-key-v1\0" ? "high" : false;
  if (kind.startsWith("PGP")) return "high";
  return bytes[0] === 0x30 ? "high" : false;
}
