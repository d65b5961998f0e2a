import type { ValidatorResult } from "./types.js";
import { decodeBase64 } from "./decode-base64.js";
import { pemPrivateKey } from "./pem-private-key.js";

/**
 * A base64-encoded PEM private key, as in kubeconfig `client-key-data` or a Kubernetes TLS
 * Secret's `tls.key`: it decodes to a PEM block that `pemPrivateKey` accepts. Base64 of a
 * certificate or public key (`LS0tLS1CRUdJTiBDRVJU…`) is public and rejected.
 */
export function base64PemPrivateKey(value: string): ValidatorResult {
  const bytes = decodeBase64(value);
  if (!bytes) return false;
  return pemPrivateKey(bytes.toString("latin1"));
}
