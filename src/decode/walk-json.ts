/** Callbacks of walkJson; offsets are UTF-16 offsets in the source (string tokens include their quotes). */
export interface JsonVisitor {
  open?(kind: "object" | "array", start: number): void;
  close?(kind: "object" | "array", end: number): void;
  key?(start: number, end: number): void;
  value?(kind: "string" | "literal", start: number, end: number): void;
}

/** End offset (exclusive) of the JSON string token starting at `start` (a quote); tolerant of a missing close quote. */
function jsonStringEnd(source: string, start: number): number {
  let i = start + 1;
  const len = source.length;
  while (i < len) {
    const c = source.charCodeAt(i);
    if (c === 92) i += 2;
    else if (c === 34) return i + 1;
    else if (c === 10) return i; // unterminated: stop at the line end
    else i++;
  }
  return len;
}

/**
 * A tolerant, iterative (no recursion: deep nesting cannot overflow the stack) JSON tokenizer.
 * Several top-level values in a row are allowed (NDJSON). Invalid characters are skipped.
 */
export function walkJson(source: string, v: JsonVisitor): void {
  const stack: number[] = []; // 0 = object, 1 = array
  let expectKey = false;
  const len = source.length;
  let i = 0;
  while (i < len) {
    const c = source.charCodeAt(i);
    if (c === 34) {
      const end = jsonStringEnd(source, i);
      if (expectKey && stack[stack.length - 1] === 0) {
        v.key?.(i, end);
        expectKey = false;
      } else v.value?.("string", i, end);
      i = end;
    } else if (c === 123 || c === 91) {
      const kind = c === 123 ? "object" : "array";
      v.open?.(kind, i);
      stack.push(c === 123 ? 0 : 1);
      expectKey = c === 123;
      i++;
    } else if (c === 125 || c === 93) {
      if (stack.length > 0) {
        const kind = stack.pop() === 0 ? "object" : "array";
        v.close?.(kind, i + 1);
      }
      expectKey = false;
      i++;
    } else if (c === 44) {
      expectKey = stack[stack.length - 1] === 0;
      i++;
    } else if (c === 58) {
      expectKey = false;
      i++;
    } else if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
    } else {
      // literal: number, true, false, null (or junk) up to a delimiter
      let j = i + 1;
      while (j < len) {
        const d = source.charCodeAt(j);
        if (d === 44 || d === 58 || d === 93 || d === 125 || d === 32 || d === 9 || d === 10 || d === 13 || d === 34 || d === 91 || d === 123) break;
        j++;
      }
      v.value?.("literal", i, j);
      i = j;
    }
  }
}
