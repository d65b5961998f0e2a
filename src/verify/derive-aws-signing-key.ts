import { createHmac } from "node:crypto";

const hmac = (key: Buffer | string, s: string) => createHmac("sha256", key).update(s, "utf8").digest();

/** The SigV4 signing key: HMAC chain of "AWS4"+secret over date (YYYYMMDD), region, service and "aws4_request". */
export function deriveAwsSigningKey(secretAccessKey: string, date: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, date), region), service), "aws4_request");
}
