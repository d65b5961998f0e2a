/**
 * Strict base64 / base64url decoding: returns the bytes, or undefined when the text is not
 * base64 (wrong alphabet, impossible length). Whitespace and literal "\n" escapes are removed.
 */
export function decodeBase64(text: string): Buffer | undefined {
  const clean = text.replace(/\\[nr]|\s+/g, "");
  if (clean.length === 0) return undefined;
  let body = clean.replace(/=+$/, "");
  if (clean.length - body.length > 2) return undefined;
  if (/^[A-Za-z0-9+/]*$/.test(body)) {
    /* standard */
  } else if (/^[A-Za-z0-9_-]*$/.test(body)) {
    body = body.replace(/-/g, "+").replace(/_/g, "/");
  } else return undefined;
  if (body.length % 4 === 1) return undefined;
  return Buffer.from(body, "base64");
}
