import { computeLineStarts, locateIn } from "./locate-in-unit.js";
import type { TextUnit } from "./types.js";

const B64 = /^[A-Za-z0-9+/]{4,}={0,2}$/;
const MAX_VALUE = 64 * 1024;

/**
 * Kubernetes stores Secret values base64-encoded (`data:` of a `kind: Secret` manifest, in YAML
 * or JSON) and kubeconfigs embed keys and certificates as `*-data` fields. Rules cannot see a
 * credential through base64, so this returns one extra text unit per decoded value: its text is
 * `KEY: <decoded value>` (the key keeps name-based rules such as `JWT_SIGNING_KEY` working) and
 * every offset in it locates to the encoded value in the original file, so a finding points at
 * the encoded line. Values that do not decode to printable UTF-8 (binary keystores) are skipped.
 * Pure: no I/O; the caller scans the returned units with the same rules.
 */
export function expandBase64Secrets(unit: TextUnit): TextUnit[] {
  const { text } = unit;
  const out: TextUnit[] = [];
  if (!/kind["']?\s*:\s*["']?(?:Secret|Config)\b/.test(text) && !/-data["']?\s*:/.test(text)) return out;
  const lineStarts = computeLineStarts(text);
  for (const doc of splitDocuments(text)) {
    const body = text.slice(doc.start, doc.end);
    const isSecret = /^kind:[ \t]*["']?Secret["']?[ \t]*$/m.test(body) || /"kind"\s*:\s*"Secret"/.test(body);
    const isKubeconfig = /^kind:[ \t]*["']?Config["']?[ \t]*$/m.test(body) || /^[ \t]*(?:client-key|client-certificate|certificate-authority)-data:/m.test(body);
    const pairs: { key: string; value: string; offset: number }[] = [];
    if (isSecret) pairs.push(...yamlDataPairs(body), ...jsonDataPairs(body));
    if (isKubeconfig) pairs.push(...kubeconfigPairs(body));
    for (const p of pairs) {
      const decoded = decodePrintable(p.value);
      if (decoded === undefined) continue;
      const at = doc.start + p.offset;
      const where = locateIn(unit, lineStarts, at);
      out.push({
        path: unit.path,
        text: `${p.key}: ${decoded}`,
        locate: () => ({ ...where }),
        ...(unit.onlyLines ? { onlyLines: unit.onlyLines } : {}),
      });
    }
  }
  return out;
}

function splitDocuments(text: string): { start: number; end: number }[] {
  const docs: { start: number; end: number }[] = [];
  const re = /^---[ \t]*(?:#.*)?$/gm;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    docs.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  docs.push({ start, end: text.length });
  return docs;
}

/** `data:` block of a YAML Secret: `  KEY: base64` lines indented under it. */
function yamlDataPairs(body: string): { key: string; value: string; offset: number }[] {
  const pairs: { key: string; value: string; offset: number }[] = [];
  const lines = body.split("\n");
  let offset = 0;
  let dataIndent = -1;
  for (const line of lines) {
    const indent = line.length - line.trimStart().length;
    const trimmed = line.trim();
    if (dataIndent >= 0 && trimmed !== "" && !trimmed.startsWith("#") && indent <= dataIndent) dataIndent = -1;
    if (/^(?:binaryData|data):[ \t]*$/.test(trimmed)) dataIndent = indent;
    else if (dataIndent >= 0) {
      const m = /^([ \t]*)(["']?)([A-Za-z0-9._-]{1,253})\2:[ \t]*(["']?)([A-Za-z0-9+/=]{4,})\4[ \t]*(?:#.*)?\r?$/.exec(line);
      if (m && B64.test(m[5])) pairs.push({ key: m[3], value: m[5], offset: offset + line.indexOf(m[5], m[1].length + m[3].length) });
    }
    offset += line.length + 1;
  }
  return pairs;
}

/** `"data": { "KEY": "base64", … }` of a JSON Secret (kubectl get secret -o json). */
function jsonDataPairs(body: string): { key: string; value: string; offset: number }[] {
  const pairs: { key: string; value: string; offset: number }[] = [];
  const block = /"data"\s*:\s*\{([^{}]{0,200000})\}/g;
  let b: RegExpExecArray | null;
  while ((b = block.exec(body)) !== null) {
    const inner = b[1];
    const innerStart = b.index + b[0].indexOf("{") + 1;
    const pair = /"([A-Za-z0-9._-]{1,253})"\s*:\s*"([A-Za-z0-9+/=]{4,})"/g;
    let p: RegExpExecArray | null;
    while ((p = pair.exec(inner)) !== null) {
      if (B64.test(p[2])) pairs.push({ key: p[1], value: p[2], offset: innerStart + p.index + p[0].lastIndexOf(p[2]) });
    }
  }
  return pairs;
}

/** kubeconfig `client-key-data`, `client-certificate-data`, `certificate-authority-data`. */
function kubeconfigPairs(body: string): { key: string; value: string; offset: number }[] {
  const pairs: { key: string; value: string; offset: number }[] = [];
  const re = /^[ \t]*((?:client-key|client-certificate|certificate-authority)-data):[ \t]*["']?([A-Za-z0-9+/=]{8,})/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body)) !== null) {
    if (B64.test(m[2])) pairs.push({ key: m[1], value: m[2], offset: m.index + m[0].lastIndexOf(m[2]) });
  }
  return pairs;
}

function decodePrintable(value: string): string | undefined {
  if (value.length > MAX_VALUE || value.replace(/=+$/, "").length % 4 === 1) return undefined;
  const bytes = Buffer.from(value, "base64");
  if (bytes.length === 0) return undefined;
  const text = bytes.toString("utf8");
  if (!Buffer.from(text, "utf8").equals(bytes)) return undefined;
  if (/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(text)) return undefined;
  return text;
}

