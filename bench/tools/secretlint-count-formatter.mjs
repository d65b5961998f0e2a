// A secretlint formatter (passed by path to --format) that prints counts only: how many files
// secretlint linted, messages per rule and per file (paths relative to the working directory).
// No values, no source text.
import { relative } from "node:path";

export default function countFormatter(results) {
  const byRule = {};
  const paths = {};
  let findings = 0;
  for (const r of results) {
    if (r.messages.length === 0) continue;
    paths[relative(process.cwd(), r.filePath).split("\\").join("/")] = r.messages.length;
    for (const m of r.messages) {
      findings++;
      byRule[m.ruleId] = (byRule[m.ruleId] ?? 0) + 1;
    }
  }
  return JSON.stringify({ files: results.length, findings, byRule, paths });
}
