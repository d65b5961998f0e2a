/** Data files: read whole (not only the added lines) when a change adds or modifies them. */
const DATA = /\.(csv|tsv|psv|xlsx|xlsm|xls|ods|docx|pptx|json|jsonl|ndjson|geojson|sql|dump|bak|ipynb|xml|zip|tar|tgz|gz|jar|sqlite|sqlite3|db|db3)$/i;
/** Lock files are generated JSON that change on most pull requests: their added lines are enough. */
const LOCKFILE = /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|bun\.lock|deno\.lock)$/i;
/**
 * How the app reads a changed file: whole ("data") or by its patch ("text"; read whole when
 * GitHub gives no patch). No extension is skipped unread: a `.png` or `.bin` may hold text, and
 * the decoder decides (what it cannot read is listed as skipped with the reason).
 */
export function classifyPath(path: string): "data" | "text" {
  if (DATA.test(path) && !LOCKFILE.test(path)) return "data";
  return "text";
}
