import type { ValidatorResult } from "./types.js";
import { decodeBase64 } from "./decode-base64.js";

/**
 * An Azure storage account key or Cosmos DB key: base64 of exactly 64 random bytes (88 characters
 * ending in "=="). The well-known storage emulator key (Eby8vdM02xNOcqF…) is public and rejected.
 */
export function azureAccountKey(value: string): ValidatorResult {
  if (!/^[A-Za-z0-9+/]{86}==$/.test(value)) return false;
  if (value.startsWith("Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq")) return false;
  const bytes = decodeBase64(value);
  if (!bytes || bytes.length !== 64) return false;
  return new Set(bytes).size >= 32 ? "high" : false;
}
