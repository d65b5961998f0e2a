/**
 * Splits a finding path at the first archive separator: `data/export.zip!2024/customers.csv`
 * is the repository file `data/export.zip` and the member `2024/customers.csv` (a nested
 * archive keeps the rest: `a.zip!b.zip!c.csv` -> `a.zip` + `b.zip!c.csv`; a workbook cell
 * `book.xlsx!Sheet1!C3` -> `book.xlsx` + `Sheet1!C3`). A path without `!` is a plain file. Report formats that point into the repository (SARIF, Check Run
 * annotations) must point at `file`: the member does not exist in the tree.
 */
export function splitArchivePath(path: string): { file: string; member: string | null } {
  const i = path.indexOf("!");
  if (i <= 0 || i === path.length - 1) return { file: path, member: null };
  return { file: path.slice(0, i), member: path.slice(i + 1) };
}
