function percentBytes(s: string): Uint8Array | undefined {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "%") {
      const hex = s.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return undefined;
      out.push(parseInt(hex, 16));
      i += 2;
    } else if (c === "+") out.push(0x20);
    else {
      const code = c.charCodeAt(0);
      if (code > 0x7f) return undefined;
      out.push(code);
    }
  }
  return Uint8Array.from(out);
}

/** Percent-decoded text ("+" is a space): UTF-8, else Shift_JIS as older Japanese sites send; undefined when neither fits. */
export function percentDecode(s: string): string | undefined {
  const bytes = percentBytes(s);
  if (!bytes) return undefined;
  for (const label of ["utf-8", "shift_jis"]) {
    try {
      return new TextDecoder(label, { fatal: true }).decode(bytes);
    } catch {
      // next encoding
    }
  }
  return undefined;
}
