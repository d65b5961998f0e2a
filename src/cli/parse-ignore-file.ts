/**
 * `.mamoriignore`: one fingerprint per line, optionally followed by `# reason`; blank lines and
 * lines starting with `#` are comments.
 */
export function parseIgnoreFile(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+#.*$/, "").trim();
    if (line && !line.startsWith("#")) out.add(line);
  }
  return out;
}
