/**
 * The unit a finding belongs to: the longest table unit path that the finding's path equals or
 * extends with "!" (a cell suffix such as "Sheet1!C12"), else the finding's own path.
 */
export function unitOf(path: string, tableRecords: ReadonlyMap<string, number>): string {
  if (tableRecords.has(path)) return path;
  let cut = path.lastIndexOf("!");
  while (cut > 0) {
    const head = path.slice(0, cut);
    if (tableRecords.has(head)) return head;
    cut = path.lastIndexOf("!", cut - 1);
  }
  return path;
}
