/** Data files: read whole (not only the added lines) when a change adds or modifies them. */
const DATA = /\.(csv|tsv|psv|xlsx|xlsm|xls|ods|docx|pptx|json|jsonl|ndjson|geojson|sql|dump|bak|ipynb|xml|zip|tar|tgz|gz|jar)$/i;
/** Lock files are generated JSON that change on most pull requests: their added lines are enough. */
const LOCKFILE = /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|bun\.lock|deno\.lock)$/i;
/** Media and compiled files the decoder cannot read: not worth a blob request. */
const OPAQUE = /\.(png|jpe?g|gif|webp|bmp|ico|icns|tiff?|psd|ai|sketch|mp3|mp4|m4a|mov|avi|mkv|webm|wav|flac|ogg|woff2?|ttf|otf|eot|pdf|exe|dll|so|dylib|o|a|class|pyc|wasm|bin|iso|dmg)$/i;

/** How the app reads a changed file: whole ("data"), by its patch ("text"), or not at all ("opaque"). */
export function classifyPath(path: string): "data" | "text" | "opaque" {
  if (OPAQUE.test(path)) return "opaque";
  if (DATA.test(path) && !LOCKFILE.test(path)) return "data";
  return "text";
}
