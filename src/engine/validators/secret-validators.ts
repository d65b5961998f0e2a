import type { Validator } from "./types.js";
import { awsAccessKeyId } from "./aws-access-key-id.js";
import { awsSecretAccessKey } from "./aws-secret-access-key.js";
import { azureAccountKey } from "./azure-account-key.js";
import { base64PemPrivateKey } from "./base64-pem-private-key.js";
import { base64UserPass } from "./base64-user-pass.js";
import { basicAuthValue } from "./basic-auth-value.js";
import { bearerTokenValue } from "./bearer-token-value.js";
import { urlPasswordValue } from "./url-password-value.js";
import { dbUriCredentials } from "./db-uri-credentials.js";
import { genericPasswordValue } from "./generic-password-value.js";
import { plainPasswordCell } from "./plain-password-cell.js";
import { genericSecretValue } from "./generic-secret-value.js";
import { githubTokenChecksum } from "./github-token-checksum.js";
import { jwtStructure } from "./jwt-structure.js";
import { npmTokenChecksum } from "./npm-token-checksum.js";
import { pemPrivateKey } from "./pem-private-key.js";
import { randomToken } from "./random-token.js";
import { otpSeedValue } from "./otp-seed-value.js";
import { saltNonceValue } from "./salt-nonce-value.js";

/** Validators used by rules/secrets/*.yml (`validator: <name>`). */
export const secretValidators: Record<string, Validator> = {
  "plain-password-cell": plainPasswordCell,
  "aws-access-key-id": awsAccessKeyId,
  "aws-secret-access-key": awsSecretAccessKey,
  "azure-account-key": azureAccountKey,
  "base64-pem-private-key": base64PemPrivateKey,
  "base64-user-pass": base64UserPass,
  "basic-auth-value": basicAuthValue,
  "bearer-token-value": bearerTokenValue,
  "url-password-value": urlPasswordValue,
  "db-uri-credentials": dbUriCredentials,
  "generic-password-value": genericPasswordValue,
  "generic-secret-value": genericSecretValue,
  "github-token-checksum": githubTokenChecksum,
  "jwt-structure": jwtStructure,
  "npm-token-checksum": npmTokenChecksum,
  "pem-private-key": pemPrivateKey,
  "random-token": randomToken,
  "otp-seed-value": otpSeedValue,
  "salt-nonce-value": saltNonceValue,
};
