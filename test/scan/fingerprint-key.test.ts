import { createHash, generateKeyPairSync, randomBytes, randomInt } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { appFingerprintKey } from "../../src/app/app-fingerprint-key.js";
import { resolveFingerprintKey } from "../../src/cli/resolve-fingerprint-key.js";
import { configSchema } from "../../src/config/config-schema.js";
import { hashValue } from "../../src/engine/hash-value.js";
import type { Finding } from "../../src/engine/types.js";
import { loadRules } from "../../src/rules/load-rules.js";
import { scanFiles } from "../../src/scan/scan-files.js";
import { expandTemplate } from "../helpers/expand-template.js";

const work = mkdtempSync(join(tmpdir(), "mamori-fpkey-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const rules = loadRules();
const config = configSchema.parse({});
const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join("");

function scan(text: string, key: Uint8Array | null, path = "data/contacts.csv"): Finding[] {
  return scanFiles([{ path, bytes: Buffer.from(text) }], config, { rules, fingerprintKey: key }).findings;
}

/** The attack of issue 11: every value consistent with the preview, hashed with the public salt. */
function bruteForce(f: Finding, candidates: Iterable<string>, hash: (value: string) => string): string[] {
  const target = f.fingerprint.slice(f.fingerprint.lastIndexOf(":") + 1);
  const hits: string[] = [];
  for (const c of candidates) if (hash(c) === target) hits.push(c);
  return hits;
}
const unkeyed = (ruleId: string) => (v: string) => createHash("sha256").update(`mamori\0${ruleId}\0${v}`).digest("hex").slice(0, 20);
const publicKeyed = (ruleId: string) => (v: string) => hashValue("mamori", "mamori", ruleId, v);

function* phoneSpace(preview: string): Generator<string> {
  // 090-****-1234: the four hidden digits.
  for (let i = 0; i < 10_000; i++) yield preview.replace("****", String(i).padStart(4, "0"));
}
function* postalSpace(preview: string): Generator<string> {
  // ***-**67: the five hidden digits.
  for (let i = 0; i < 100_000; i++) {
    const d = String(i).padStart(5, "0");
    yield `${d.slice(0, 3)}-${d.slice(3)}${preview.slice(-2)}`;
  }
}

describe("fingerprints are keyed (HMAC): a preview and the public salt no longer give the value back", () => {
  const phone = `090-${digits(4)}-${digits(4)}`;
  const postal = `${1 + randomInt(9)}${digits(2)}-${digits(4)}`;
  // A person's row (a name makes the phone and postal code personal data of someone).
  const name = expandTemplate("{{sei}} {{mei}}");
  const csv = `氏名,電話番号,郵便番号\n${name},${phone},${postal}\n`;
  const key = randomBytes(32);

  it("the brute force over the preview-consistent space finds the value only with the key", () => {
    const legacy = scan(csv, null);
    const keyed = scan(csv, key);
    const tel = (list: Finding[]) => list.find((f) => f.kind === "phone" && f.unit === undefined)!; // the cell, not its column
    const zip = (list: Finding[]) => list.find((f) => f.kind.includes("postal") && f.unit === undefined)!;
    expect(tel(keyed).redacted).toMatch(/^090-\*\*\*\*-\d{4}$/);
    // Before: the unkeyed fingerprint gave the phone number and the postal code back.
    expect(bruteForce(tel(legacy), phoneSpace(tel(legacy).redacted), unkeyed(tel(legacy).ruleId))).toEqual([phone]);
    expect(bruteForce(zip(legacy), postalSpace(zip(legacy).redacted), unkeyed(zip(legacy).ruleId))).toEqual([postal]);
    // Now: neither the old scheme nor the public salt as a key finds it …
    for (const hash of [unkeyed, publicKeyed]) {
      expect(bruteForce(tel(keyed), phoneSpace(tel(keyed).redacted), hash(tel(keyed).ruleId))).toEqual([]);
      expect(bruteForce(zip(keyed), postalSpace(zip(keyed).redacted), hash(zip(keyed).ruleId))).toEqual([]);
    }
    // … nor another key; the same search with the right key does (the space was the right one).
    const other = randomBytes(32);
    expect(bruteForce(tel(keyed), phoneSpace(tel(keyed).redacted), (v) => hashValue(other, "mamori", tel(keyed).ruleId, v))).toEqual([]);
    expect(bruteForce(tel(keyed), phoneSpace(tel(keyed).redacted), (v) => hashValue(key, "mamori", tel(keyed).ruleId, v))).toEqual([phone]);
  });

  it("keeps the fingerprint format (rule id, path, 20 hex digits) and its stability when lines move", () => {
    const [a] = scan(csv, key).filter((f) => f.kind === "phone");
    const [b] = scan(`氏名,電話番号,郵便番号\n\n\n${name},${phone},${postal}\n`, key).filter((f) => f.kind === "phone");
    expect(a.fingerprint).toMatch(/^[a-z0-9-]+:data\/contacts\.csv:[0-9a-f]{20}$/);
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(scan(csv, randomBytes(32)).find((f) => f.kind === "phone")!.fingerprint).not.toBe(a.fingerprint);
  });
});

describe("where the key comes from", () => {
  it("CLI: MAMORI_FINGERPRINT_KEY, and the App given the same value hashes alike", () => {
    const text = randomBytes(24).toString("hex");
    const cli = resolveFingerprintKey({ env: { MAMORI_FINGERPRINT_KEY: text } });
    expect(cli.from).toBe("MAMORI_FINGERPRINT_KEY");
    expect(appFingerprintKey(7, { MAMORI_FINGERPRINT_KEY: text }).equals(cli.key)).toBe(true);
    expect(() => resolveFingerprintKey({ env: { MAMORI_FINGERPRINT_KEY: "short" } })).toThrow(/too short/);
  });

  it("CLI without a key: creates a per-user random key (mode 600) once and reuses it", () => {
    const env = { XDG_CONFIG_HOME: join(work, "cfg") };
    const first = resolveFingerprintKey({ env });
    expect(first.created).toBe(join(work, "cfg", "mamori", "fingerprint.key"));
    expect(statSync(first.created!).mode & 0o777).toBe(0o600);
    const again = resolveFingerprintKey({ env });
    expect(again.created).toBeUndefined();
    expect(again.key.equals(first.key)).toBe(true);
    expect(readFileSync(first.created!, "utf8").trim()).toMatch(/^[0-9a-f]{64}$/);
  });

  it("CLI: --fingerprint-key-file inside the scanned folder is refused", () => {
    const repo = join(work, "repo");
    mkdirSync(repo, { recursive: true });
    writeFileSync(join(repo, "fp.key"), randomBytes(24).toString("hex"));
    expect(() => resolveFingerprintKey({ keyFile: join(repo, "fp.key"), root: repo, env: {} })).toThrow(/inside the scanned folder/);
    writeFileSync(join(work, "outside.key"), randomBytes(24).toString("hex"));
    expect(resolveFingerprintKey({ keyFile: join(work, "outside.key"), root: repo, env: {} }).key).toHaveLength(48);
  });

  it("App: derived from the private key, one key per installation; stable for the same key", () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
    const env = { PRIVATE_KEY: privateKey };
    const a = appFingerprintKey(1, env, work);
    expect(a).toHaveLength(32);
    expect(appFingerprintKey(1, env, work).equals(a)).toBe(true);
    expect(appFingerprintKey(2, env, work).equals(a)).toBe(false);
  });
});
