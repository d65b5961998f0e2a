/** Shortest fingerprint key accepted, in bytes: a short key could be guessed. */
export const MIN_FINGERPRINT_KEY_BYTES = 16;

/**
 * A fingerprint key as given (MAMORI_FINGERPRINT_KEY or a key file): its UTF-8 bytes, surrounding
 * whitespace removed, so the App and the CLI given the same text hash alike. Throws when it is
 * shorter than 16 bytes (e.g. `openssl rand -hex 32` gives 64). Never echoes the key.
 */
export function fingerprintKeyFromText(text: string, from: string): Buffer {
  const key = Buffer.from(text.trim(), "utf8");
  if (key.length < MIN_FINGERPRINT_KEY_BYTES) {
    throw new Error(`the fingerprint key from ${from} is too short (${key.length} bytes, at least ${MIN_FINGERPRINT_KEY_BYTES}): use a random one, e.g. \`openssl rand -hex 32\``);
  }
  return key;
}
