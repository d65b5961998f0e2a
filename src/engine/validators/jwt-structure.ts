import type { ValidatorResult } from "./types.js";
import { decodeBase64 } from "./decode-base64.js";

function decodeJson(segment: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(segment)) return undefined;
  const bytes = decodeBase64(segment);
  if (!bytes) return undefined;
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    return undefined;
  }
}

/**
 * A JSON Web Token (RFC 7519) that could be used: three base64url segments, a header that decodes
 * to a JSON object with a string `alg` other than "none", a payload that decodes to a JSON
 * object, and a non-empty signature. Random text that merely starts with "eyJ" is rejected, and so is
 * the jwt.io documentation token (sub 1234567890, John Doe).
 */
export function jwtStructure(value: string): ValidatorResult {
  const parts = value.split(".");
  if (parts.length !== 3) return false;
  const [h, p, s] = parts;
  const header = decodeJson(h);
  if (!header || typeof header !== "object" || Array.isArray(header)) return false;
  const alg = (header as Record<string, unknown>).alg;
  if (typeof alg !== "string" || alg.toLowerCase() === "none") return false;
  const payload = decodeJson(p);
  if (!payload || typeof payload !== "object" || Array.isArray(payload)) return false;
  if (!/^[A-Za-z0-9_-]{16,}$/.test(s)) return false;
  const claims = payload as Record<string, unknown>;
  if (claims.sub === "1234567890" && claims.name === "John Doe") return false; // the jwt.io example token

  return "high";
}
