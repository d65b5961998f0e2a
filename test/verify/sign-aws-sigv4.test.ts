import { describe, expect, it } from "vitest";
import { deriveAwsSigningKey } from "../../src/verify/derive-aws-signing-key.js";
import { signAwsSigV4 } from "../../src/verify/sign-aws-sigv4.js";

describe("AWS SigV4", () => {
  it("derives the signing key of AWS's documented example", () => {
    // AWS General Reference, "Examples of how to derive a signing key for Signature Version 4" (documentation example key).
    const key = deriveAwsSigningKey("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215", "us-east-1", "iam");
    expect(key.toString("hex")).toBe("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
  });

  it("signs an STS GetCallerIdentity POST with the credential scope, signed headers and date", () => {
    const now = new Date(Date.UTC(2015, 7, 30, 12, 36, 0));
    const req = signAwsSigV4({ accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", host: "sts.amazonaws.com", region: "us-east-1", service: "sts", body: "Action=GetCallerIdentity&Version=2011-06-15", now });
    expect(req.url).toBe("https://sts.amazonaws.com/");
    expect(req.headers["x-amz-date"]).toBe("20150830T123600Z");
    expect(req.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20150830\/us-east-1\/sts\/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=[0-9a-f]{64}$/);
    const other = signAwsSigV4({ accessKeyId: "AKIDEXAMPLE", secretAccessKey: "another-secret", host: "sts.amazonaws.com", region: "us-east-1", service: "sts", body: "Action=GetCallerIdentity&Version=2011-06-15", now });
    expect(other.headers.authorization).not.toBe(req.headers.authorization);
  });
});
