import { generateKeyPairSync } from "node:crypto";
import { crc32 } from "node:zlib";
import { faker as en } from "@faker-js/faker/locale/en";

/**
 * Expands rule-sample templates (in tests, and custom rules' samples at load) so that no live-looking credential is committed.
 *   {{base62:N}} {{hex:N}} {{HEX:N}} {{base64:N}} {{base64url:N}} {{digits:N}} {{upper:N}}
 *   {{lower:N}} {{alnum:N}} (lower + digits) {{ALNUM:N}} (upper + digits) {{base32:N}} (A-Z2-7)
 *   {{ntlm3}}         a base64 NTLM AUTHENTICATE (type 3) message with random contents
 *   {{crc32-github}}  6-char base62 CRC32 of the characters since the last "_" (GitHub token style)
 *   {{jwt}}           a structurally valid JWT (HS256 header, JSON payload, random signature)
 *   {{pem-rsa}}       a freshly generated RSA private key in PKCS#1 PEM (multi-line)
 *   {{pem-pkcs8}}     a freshly generated EC private key in PKCS#8 PEM
 *   {{openssh}}       a freshly generated ed25519 private key in OpenSSH format
 * Randomness is seeded from the template text, so a failing sample fails the same way every run.
 */
export function expandTemplate(template: string): string {
  const rand = seeded(template);
  const pick = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join("");
  let out = "";
  let last = 0;
  const re = /\{\{([a-zA-Z0-9-]+)(?::(\d+))?\}\}/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(template)) !== null) {
    out += template.slice(last, m.index);
    last = m.index + m[0].length;
    const n = Number(m[2] ?? 0);
    const gen = generators[m[1]];
    if (!gen) throw new Error(`unknown template {{${m[1]}}}`);
    out += gen({ n, pick, rand, before: out });
  }
  return out + template.slice(last);
}

interface GenContext {
  n: number;
  pick: (alphabet: string, n: number) => string;
  rand: () => number;
  before: string;
}

const DIGITS = "0123456789";
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LOWER = "abcdefghijklmnopqrstuvwxyz";
const BASE62 = DIGITS + UPPER + LOWER;
const B64 = UPPER + LOWER + DIGITS + "+/";
const B64URL = UPPER + LOWER + DIGITS + "-_";

const EN_FIRST = (en.definitions.person?.first_name as { generic?: string[] } | undefined)?.generic ?? ["Emma"];
const EN_LAST = (en.definitions.person?.last_name as { generic?: string[] } | undefined)?.generic ?? ["Johnson"];

const SEI = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "松本"];
const MEI = ["健太", "美咲", "大輔", "陽子", "翔太", "結衣", "拓也", "彩香", "誠", "真由美", "直樹", "恵子"];

/** Registry of template generators; rule packs may add theirs here. */
export const generators: Record<string, (ctx: GenContext) => string> = {
  base62: ({ n, pick }) => pick(BASE62, n),
  hex: ({ n, pick }) => pick("0123456789abcdef", n),
  HEX: ({ n, pick }) => pick("0123456789ABCDEF", n),
  base64: ({ n, pick }) => pick(B64, n),
  base64url: ({ n, pick }) => pick(B64URL, n),
  digits: ({ n, pick }) => pick(DIGITS, n),
  upper: ({ n, pick }) => pick(UPPER, n),
  lower: ({ n, pick }) => pick(LOWER, n),
  alnum: ({ n, pick }) => pick(LOWER + DIGITS, n),
  ALNUM: ({ n, pick }) => pick(UPPER + DIGITS, n),
  // Personal-data samples (rules/pii): valid-by-construction numbers, never real ones.
  // Names are random pairs of common family and given names: nobody in particular.
  sei: ({ rand }) => SEI[Math.floor(rand() * SEI.length)],
  mei: ({ rand }) => MEI[Math.floor(rand() * MEI.length)],
  mobile: ({ pick, rand }) => `0${"789"[Math.floor(rand() * 3)]}0-${pick("23456789", 1)}${pick(DIGITS, 3)}-${pick(DIGITS, 4)}`,
  mynumber: ({ pick }) => withMyNumberCheck(pick(DIGITS, 11)),
  "mynumber-spaced": ({ pick }) => withMyNumberCheck(pick(DIGITS, 11)).replace(/^(\d{4})(\d{4})/, "$1 $2 "),
  "mynumber-hyphen": ({ pick }) => withMyNumberCheck(pick(DIGITS, 11)).replace(/^(\d{4})(\d{4})/, "$1-$2-"),
  "mynumber-invalid": ({ pick }) => {
    const n = withMyNumberCheck(pick(DIGITS, 11));
    return n.slice(0, 11) + String((Number(n[11]) + 1) % 10);
  },
  // Readings, dates and conditions for PII samples ({{sei}}/{{mei}} above give names), chosen at
  // test time so that no person-like value is written in the rule files.
  nz: ({ n, pick }) => pick("123456789", n || 1),
  "sei-kana": ({ rand }) => kana(rand, 3),
  "mei-kana": ({ rand }) => kana(rand, 3),
  romaji: ({ rand }) => romaji(rand),
  // A reading in hiragana; a given and a family name of @faker-js/faker's English locale.
  hira: ({ rand }) => kana(rand, 3).replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60)),
  "en-first": ({ rand }) => oneOf(EN_FIRST, rand),
  "en-last": ({ rand }) => oneOf(EN_LAST, rand),
  // An English family name with its first vowel given a diacritic (ø, ā, é, ü): a name of another script's spelling.
  "en-last-diacritic": ({ rand }) => oneOf(EN_LAST, rand).replace(/[aeiou]/, (v) => ({ a: "ā", e: "é", i: "ï", o: "ø", u: "ü" })[v]!),
  ROMAJI: ({ rand }) => romaji(rand).toUpperCase(),
  date: ({ rand }) => isoDate(rand),
  "date-slash": ({ rand }) => isoDate(rand).replace(/-/g, "/"),
  "date-ja": ({ rand }) => {
    const [y, m, d] = isoDate(rand).split("-").map(Number);
    return `${y}年${m}月${d}日`;
  },
  "date-mdy": ({ rand }) => {
    const [y, m, d] = isoDate(rand).split("-");
    return `${m}/${d}/${y}`;
  },
  "date-showa": ({ rand }) => `昭和${30 + Math.floor(rand() * 30)}年${1 + Math.floor(rand() * 12)}月${1 + Math.floor(rand() * 28)}日`,
  "date-heisei-short": ({ rand }) => `H${1 + Math.floor(rand() * 20)}.${1 + Math.floor(rand() * 12)}.${1 + Math.floor(rand() * 28)}`,
  religion: ({ rand }) => oneOf(["仏教", "キリスト教", "神道"], rand),
  disease: ({ rand }) => oneOf(["高血圧症", "気管支喘息", "胃潰瘍", "2型糖尿病", "腰椎椎間板ヘルニア", "脂質異常症"], rand),
  "card-visa": ({ pick }) => withLuhn("4" + pick(DIGITS, 14)),
  "card-mastercard": ({ pick }) => withLuhn("53" + pick(DIGITS, 13)),
  "card-jcb": ({ pick }) => withLuhn("3541" + pick(DIGITS, 11)),
  "card-amex": ({ pick }) => withLuhn("37" + pick(DIGITS, 12)),
  "card-invalid": ({ pick }) => {
    const n = withLuhn("4" + pick(DIGITS, 14));
    return n.slice(0, 15) + String((Number(n[15]) + 1) % 10);
  },
  "crc32-github": ({ before }) => {
    const body = before.slice(before.lastIndexOf("_") + 1);
    return base62(crc32(body), 6);
  },
  jwt: ({ pick }) => {
    const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
    return `${enc({ alg: "HS256", typ: "JWT" })}.${enc({ sub: pick(DIGITS, 8), iat: 1700000000, role: "service" })}.${pick(B64URL, 43)}`;
  },
  // Secret rule pack: base64 of a generated PEM key (kubeconfig client-key-data / tls.key) and of user:password.
  "b64pem-ec": () => Buffer.from(generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "sec1", format: "pem" }).toString()).toString("base64"),
  "b64pem-rsa": () => Buffer.from(generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString()).toString("base64"),
  b64bytes: ({ n, rand }) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256))).toString("base64"),
  b64github: ({ pick }) => {
    const body = pick(BASE62, 30);
    return Buffer.from(`ghp_${body}${base62(crc32(body), 6)}`).toString("base64");
  },
  b64userpass: ({ pick }) => Buffer.from(`ci-${pick(LOWER, 6)}:${pick(BASE62, 20)}`).toString("base64"),
  // Basic credentials with a word-like password (graded low, still found).
  b64userword: ({ pick }) => Buffer.from(`${pick(LOWER, 5)}:${pick(LOWER, 7)}`).toString("base64"),
  // Basic credentials whose password is a reference: not a finding.
  b64userref: ({ pick }) => Buffer.from(`${pick(LOWER, 5)}:\${${pick(UPPER, 6)}}`).toString("base64"),
  // A NATS nkey seed of a user (S + U + A + 55 base32 characters: 58 in all).
  nkeyseed: ({ pick }) => `SUA${pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 55)}`,
  // RFC 4648 base32 (an OTP/2FA seed alphabet).
  base32: ({ n, pick }) => pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", n),
  // An NTLM AUTHENTICATE (type 3) message: "NTLMSSP\0", type 3, then random bytes, in base64.
  ntlm3: ({ rand }) =>
    Buffer.concat([Buffer.from("NTLMSSP\0", "latin1"), Buffer.from([3, 0, 0, 0]), Buffer.from(Array.from({ length: 84 }, () => Math.floor(rand() * 256)))]).toString("base64"),
  "pem-rsa": () => generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString().trim(),
  "pem-pkcs8": () => generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem" }).toString().trim(),
  openssh: () => {
    // OpenSSH private key container around a random body (structure only; tests never use it as a key).
    const { privateKey } = generateKeyPairSync("ed25519");
    const raw = privateKey.export({ type: "pkcs8", format: "der" });
    const body = Buffer.concat([Buffer.from("openssh-key-v1\0", "latin1"), raw, raw]).toString("base64");
    const lines = body.match(/.{1,70}/g)!.join("\n");
    return `-----BEGIN OPENSSH PRIVATE KEY-----\n${lines}\n-----END OPENSSH PRIVATE KEY-----`;
  },
};

/** Base62 (0-9A-Za-z) of an unsigned 32-bit number, left-padded with "0". */
export function base62(n: number, width: number): string {
  let s = "";
  let v = n >>> 0;
  do {
    s = BASE62[v % 62] + s;
    v = Math.floor(v / 62);
  } while (v > 0);
  return s.padStart(width, "0");
}

function seeded(text: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Appends the My Number check digit (総務省令第85号 第5条) to 11 digits. */
function withMyNumberCheck(eleven: string): string {
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += Number(eleven[11 - n]) * (n <= 6 ? n + 1 : n - 5);
  const r = sum % 11;
  return eleven + String(r <= 1 ? 0 : 11 - r);
}

/** Appends the Luhn check digit to a digit string. */
function withLuhn(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

const oneOf = <T>(list: readonly T[], rand: () => number): T => list[Math.floor(rand() * list.length)];

/** A reading of n katakana syllables. */
function kana(rand: () => number, n: number): string {
  const syllables = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ";
  return Array.from({ length: n }, () => oneOf([...syllables], rand)).join("");
}

/** A word of three Japanese syllables in Latin letters, capitalised (Kanori, Sekuta …). */
function romaji(rand: () => number): string {
  const syllables = ["ka", "ki", "ku", "ke", "ko", "sa", "shi", "su", "se", "so", "ta", "chi", "tsu", "te", "to", "na", "ni", "no", "ha", "hi", "mo", "ri", "ro", "ya", "yu"];
  const w = Array.from({ length: 3 }, () => oneOf(syllables, rand)).join("");
  return w[0].toUpperCase() + w.slice(1);
}

/** A calendar date between 1950 and 2005 (days 1–28, so every month holds it). */
function isoDate(rand: () => number): string {
  const y = 1950 + Math.floor(rand() * 56);
  const m = 1 + Math.floor(rand() * 12);
  const d = 1 + Math.floor(rand() * 28);
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

