import { shannonEntropy } from "./shannon-entropy.js";

/**
 * A cheap "is this a random token rather than a word or a placeholder" test: enough distinct
 * characters, no long runs of one character, at least two character classes (lower, upper,
 * digit), and entropy above `minEntropy` bits per character (default 3.0).
 */
export function looksRandom(value: string, minEntropy = 3.0): boolean {
  if (value.length < 8) return false;
  if (/(.)\1{5,}/.test(value)) return false;
  if (/(?:x{4,}|X{4,}|\*{3,}|\.{3})/.test(value)) return false;
  let classes = 0;
  if (/[a-z]/.test(value)) classes++;
  if (/[A-Z]/.test(value)) classes++;
  if (/[0-9]/.test(value)) classes++;
  if (/[^A-Za-z0-9]/.test(value)) classes++;
  if (classes < 2) return false;
  return shannonEntropy(value) >= minEntropy;
}
