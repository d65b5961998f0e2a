import { createHash, createHmac } from "node:crypto";
import { deriveAwsSigningKey } from "./derive-aws-signing-key.js";

export interface SignedRequest {
  url: string;
  method: "POST";
  headers: Record<string, string>;
  body: string;
}

const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

/**
 * An AWS Signature Version 4 signed `POST` of a form body to a global AWS service endpoint
 * (STS `GetCallerIdentity` here): canonical request, string to sign and the derived signing key
 * exactly as the SigV4 documentation lays them out. `now` is injectable so the signature can be
 * checked against a fixed vector.
 */
export function signAwsSigV4(options: {
  accessKeyId: string;
  secretAccessKey: string;
  host: string;
  region: string;
  service: string;
  body: string;
  now?: Date;
}): SignedRequest {
  const { accessKeyId, secretAccessKey, host, region, service, body } = options;
  const iso = (options.now ?? new Date()).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  const date = iso.slice(0, 8);
  const contentType = "application/x-www-form-urlencoded; charset=utf-8";
  const payloadHash = sha256(body);
  const canonicalHeaders = `content-type:${contentType}\nhost:${host}\nx-amz-date:${iso}\n`;
  const signedHeaders = "content-type;host;x-amz-date";
  const canonicalRequest = ["POST", "/", "", canonicalHeaders, signedHeaders, payloadHash].join("\n");
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", iso, scope, sha256(canonicalRequest)].join("\n");
  const kSigning = deriveAwsSigningKey(secretAccessKey, date, region, service);
  const signature = createHmac("sha256", kSigning).update(stringToSign, "utf8").digest("hex");
  return {
    url: `https://${host}/`,
    method: "POST",
    headers: {
      "content-type": contentType,
      "x-amz-date": iso,
      authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
    },
    body,
  };
}
