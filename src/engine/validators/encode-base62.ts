const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Base62 (digits, upper, lower) of a non-negative integer, left-padded with "0" to `width`. */
export function encodeBase62(n: number, width = 0): string {
  let out = "";
  let rest = Math.floor(n);
  do {
    out = ALPHABET[rest % 62] + out;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  return out.padStart(width, "0");
}
