/** C0/C1 controls, DEL, and the bidirectional overrides that reorder what a reader sees. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
const CONTROL_KEEP_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * Untrusted text (a file name, a preview, a rule title, an error message) made safe for a
 * terminal or a check run: control characters (ESC, BEL, CR, LF, …) and bidi overrides become
 * visible escapes (`\x1b`, `\n`, `\u202e`), so a file name cannot move the cursor, rewrite a
 * line or fake a report. `keepNewlines` leaves LF alone for multi-line messages.
 */
export function escapeControl(text: string, options: { keepNewlines?: boolean } = {}): string {
  const re = options.keepNewlines ? CONTROL_KEEP_NEWLINE : CONTROL;
  re.lastIndex = 0;
  if (!re.test(text)) return text;
  return text.replace(re, (ch) => {
    if (NAMED[ch]) return NAMED[ch];
    const code = ch.codePointAt(0)!;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
