/**
 * True for values people type as examples rather than secrets: ascending runs of five or more
 * (12345, abcde, 3456789), a word followed by a number (usertoken123), or a lower-case slug of
 * words and numbers (secret-2-levels, my_api_key_1). Random keys almost never look like this.
 */
export function isDummyValue(value: string): boolean {
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    const a = value.charCodeAt(i - 1);
    const b = value.charCodeAt(i);
    run = b === a + 1 && /[0-9a-zA-Z]/.test(value[i]) ? run + 1 : 1;
    if (run >= 5) return true;
  }
  if (/^[a-z]+[-_.]?\d{1,6}$/.test(value)) return true;
  if (/^[a-z0-9]+(?:[-_.][a-z0-9]+)+$/.test(value) && value.split(/[-_.]/).every((p) => /^[a-z]{2,}$/.test(p) || /^\d+$/.test(p))) return true;
  return false;
}
