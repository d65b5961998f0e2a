import { isUtf8 } from "node:buffer";

const sjis = new TextDecoder("shift_jis");
const utf8 = new TextDecoder("utf-8");

/**
 * The readable name of a zip entry. Zips made by Windows' "compressed folder" or Japanese tools
 * store names in CP932 without the UTF-8 flag, and fflate then reads them as Latin-1
 * ("é¡§å®¢.csv"): such names are turned back into bytes and decoded as UTF-8 when valid,
 * else as Shift_JIS (CP932).
 */
export function zipEntryName(name: string): string {
  if (!/[\x80-\xff]/.test(name) || /[^\x00-\xff]/.test(name)) return name;
  const bytes = Uint8Array.from(name, (c) => c.charCodeAt(0));
  return isUtf8(bytes) ? utf8.decode(bytes) : sjis.decode(bytes);
}
