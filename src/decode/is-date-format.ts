/** Built-in Excel number formats that show a date (ids 14–17, 22 and the East Asian 27–36, 50–58). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a number format (built-in id and custom format code) shows a date. */
export function isDateFormat(id: number, code: string | undefined): boolean {
  if (BUILTIN_DATE_FORMATS.has(id)) return true;
  if (!code) return false;
  // drop quoted literals, escapes and [colour]/[$-411] sections, then look for y, m with d, or 年月日
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "");
  return /[yY年]|[dD日]/.test(bare) && !/^[hHsS:.0#,\s]*$/.test(bare);
}
