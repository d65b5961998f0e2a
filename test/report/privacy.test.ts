import { randomBytes, randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashValue } from "../../src/engine/hash-value.js";
import { redact } from "../../src/engine/redact.js";
import type { Finding } from "../../src/engine/types.js";
import type { Mask } from "../../src/rules/rule-schema.js";
import { toJson } from "../../src/report/to-json.js";
import { toSarif } from "../../src/report/to-sarif.js";
import { toText } from "../../src/report/to-text.js";
import type { ScanResult } from "../../src/scan/scan-files.js";
import { sampleResult, sampleRules } from "./fixtures/sample-result.js";

/**
 * Builds findings from values generated here (never committed) the way the engine does — the
 * Finding keeps only the redacted preview and salted hashes — and checks that no report format
 * lets anything of the raw value through: not the value, not a long piece of it, not its
 * valueHash. The raw value is also smuggled into the finding under extra keys, to prove that
 * every format copies findings from an allow-list instead of passing objects through.
 */
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const pick = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join("");
const digits = (n: number) => pick("0123456789", n);
const GIVEN = ["美咲", "陽翔", "結衣", "蒼空", "凛花", "湊斗"];
const FAMILY = ["佐々木", "高橋", "渡辺", "伊藤"];

interface Raw {
  ruleId: string;
  value: string;
  mask: Mask;
  /** Pieces of the value that must never appear (beyond the whole value). */
  secretParts: string[];
}

function generate(): Raw[] {
  const token = "ghp_" + pick(BASE62, 36);
  const aws = pick(BASE62 + "/+", 40);
  const phone = `090-${digits(4)}-${digits(4)}`;
  const card = `4${digits(15)}`;
  const given = GIVEN[randomInt(GIVEN.length)] + pick("一二三", 1);
  const name = `${FAMILY[randomInt(FAMILY.length)]} ${given}`;
  const local = pick("abcdefghijklmnopqrstuvwxyz", 10);
  const email = `${local}@example-${pick("abcdefghijklmnopqrstuvwxyz", 8)}.jp`;
  const address = `東京都千代田区${pick("一二三四五", 2)}丁目${digits(2)}番${digits(2)}号`;
  return [
    { ruleId: "github-pat-classic", value: token, mask: "secret", secretParts: windows(token.slice(4), 8) },
    { ruleId: "aws-secret-access-key", value: aws, mask: "secret", secretParts: windows(aws, 8) },
    { ruleId: "phone-jp-mobile", value: phone, mask: "digits", secretParts: [phone.slice(4, 8) + "-"] },
    { ruleId: "credit-card-number", value: card, mask: "digits", secretParts: windows(card.slice(0, 12), 6) },
    { ruleId: "person-kanji-ja", value: name, mask: "name", secretParts: [given] },
    { ruleId: "email-address", value: email, mask: "email", secretParts: [local.slice(1, 6), email.split("@")[1].slice(1, 12)] },
    { ruleId: "address-ja", value: address, mask: "address", secretParts: [address.slice(7)] },
  ];
}

function windows(s: string, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= s.length; i++) out.push(s.slice(i, i + n));
  return out;
}

function toFinding(raw: Raw, i: number): Finding {
  const salt = "privacy-test";
  const randomKey = randomBytes(32);
  const f: Finding = {
    ruleId: raw.ruleId,
    category: raw.mask === "secret" ? "secret" : "pii",
    kind: `kind-of-${raw.ruleId}`,
    severity: "high",
    confidence: "high",
    path: i % 2 ? "data/customers.csv" : "archive.zip!inner/list.tsv",
    line: i + 1,
    column: 3,
    endLine: i + 1,
    endColumn: 3 + [...raw.value].length,
    redacted: redact(raw.value, raw.mask),
    fingerprint: `${raw.ruleId}:data/customers.csv:${hashValue(randomKey, salt, raw.ruleId, raw.value)}`,
    valueHash: hashValue(randomKey, salt, `kind-of-${raw.ruleId}`, raw.value.normalize("NFKC")),
    key: "value",
    record: i,
    tags: [],
  };
  // What a careless change might add: the formats must not pass unknown fields through.
  return Object.assign(f, { value: raw.value, raw: raw.value, match: raw.value, secret: raw.value });
}

describe("report privacy", () => {
  it.each(Array.from({ length: 40 }, (_, i) => i))("round %i: only redacted previews leave the process", () => {
    const raws = generate();
    const findings = raws.map(toFinding);
    const result: ScanResult = { ...sampleResult, findings };
    const rulesById = new Map(sampleRules.map((r) => [r.id, r]));
    const outputs = {
      json: toJson(result),
      sarifEn: toSarif(result, sampleRules, { language: "en", toolVersion: "1.0.0" }),
      sarifJa: toSarif(result, sampleRules, { language: "ja", toolVersion: "1.0.0" }),
      textEn: toText(result, { language: "en", color: false, rulesById }),
      textJa: toText(result, { language: "ja", color: true, rulesById }),
    };
    for (const [format, out] of Object.entries(outputs)) {
      for (const [i, raw] of raws.entries()) {
        const where = `${format} / ${raw.ruleId}`;
        expect(out.includes(raw.value), `${where}: whole value`).toBe(false);
        for (const part of raw.secretParts) expect(out.includes(part), `${where}: part of the value`).toBe(false);
        expect(out.includes(findings[i].valueHash), `${where}: valueHash`).toBe(false);
        expect(out.includes(findings[i].redacted), `${where}: preview shown`).toBe(true);
      }
      expect(out).not.toMatch(/"(?:value|raw|match|secret|valueHash)"\s*:/);
    }
  });
});
