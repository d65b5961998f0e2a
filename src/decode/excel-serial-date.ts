/**
 * A cell serial number as Excel shows a date: "YYYY/MM/DD" (1900 date system, with Excel's
 * phantom 1900-02-29; the 1904 system when `date1904`). Undefined for values that are not
 * plausible dates.
 */
export function excelSerialDate(serial: number, date1904 = false): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return undefined;
  const days = Math.floor(serial) + (date1904 ? 1462 : 0);
  // 1900 system: serial 1 = 1900-01-01, serial 60 = the phantom 1900-02-29
  const ms = Date.UTC(1899, 11, 31) + (days > 60 ? days - 1 : days) * 86_400_000;
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}`;
}
