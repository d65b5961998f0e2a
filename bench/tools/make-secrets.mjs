// Generates secret-shaped values at bench time. Nothing here is a real credential and nothing
// is committed: every value is random (crypto) and only lives in the git-ignored corpus.
import { generateKeyPairSync, randomInt } from "node:crypto";
import { crc32 } from "node:zlib";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const BASE32_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const ALNUM = BASE62;
const HEX = "0123456789abcdef";
const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** n random characters from alphabet (crypto randomness). */
export function randomString(alphabet, n) {
  let s = "";
  for (let i = 0; i < n; i++) s += alphabet[randomInt(alphabet.length)];
  return s;
}

/** base62 of an unsigned 32-bit number, left-padded with "0" to width. */
export function base62(n, width) {
  let s = "";
  let v = n >>> 0;
  while (v > 0) {
    s = BASE62[v % 62] + s;
    v = Math.floor(v / 62);
  }
  return s.padStart(width, "0");
}

/** GitHub/npm style token: prefix + 30 base62 + base62(CRC32(the 30 chars)) on 6 chars. */
export function checksumToken(prefix) {
  const entropy = randomString(BASE62, 30);
  return prefix + entropy + base62(crc32(entropy), 6);
}

function pem(kind) {
  if (kind === "rsa") {
    return generateKeyPairSync("rsa", {
      modulusLength: 2048,
      publicKeyEncoding: { type: "spki", format: "pem" },
      privateKeyEncoding: { type: "pkcs1", format: "pem" },
    }).privateKey;
  }
  return generateKeyPairSync("ec", {
    namedCurve: "P-256",
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  }).privateKey;
}

/**
 * Snippet makers, one per kind. Each returns text to insert into a source file.
 * `ext` lets a snippet pick a comment style; the values are what scanners should find.
 */
export const SNIPPETS = {
  "aws-access-key": () =>
    `const AWS_ACCESS_KEY_ID = "AKIA${randomString(BASE32_UPPER, 16)}";\n` +
    `const AWS_SECRET_ACCESS_KEY = "${randomString(B64, 40)}";\n`,
  "github-token": () => `const GITHUB_TOKEN = "${checksumToken("ghp_")}";\n`,
  "npm-token": () => `// publish with: npm config set //registry.npmjs.org/:_authToken=${checksumToken("npm_")}\n`,
  "slack-bot-token": () =>
    `const slackToken = "xoxb-${randomString("0123456789", 12)}-${randomString("0123456789", 13)}-${randomString(ALNUM, 24)}";\n`,
  "stripe-live-key": () => `const stripe = require("stripe")("sk_live_${randomString(ALNUM, 24)}");\n`,
  "google-api-key": () => `const GOOGLE_MAPS_API_KEY = "AIza${randomString(B64URL, 35)}";\n`,
  "sendgrid-key": () => `const SENDGRID_API_KEY = "SG.${randomString(B64URL, 22)}.${randomString(B64URL, 43)}";\n`,
  "postgres-uri": () =>
    `const DATABASE_URL = "postgres://app_user:${randomString(ALNUM, 18)}@db-prod.internal.example.com:5432/orders";\n`,
  "mongodb-uri": () =>
    `const MONGO_URI = "mongodb+srv://admin:${randomString(ALNUM, 16)}@cluster0.abcde.mongodb.net/prod?retryWrites=true";\n`,
  "rsa-private-key": () => `const TLS_KEY = \`${pem("rsa")}\`;\n`,
  "ec-private-key": () => `const SIGNING_KEY = \`${pem("ec")}\`;\n`,
  "slack-webhook": () =>
    `const SLACK_WEBHOOK = "https://hooks.slack.com/services/T${randomString(BASE32_UPPER.slice(0, 26) + "0123456789", 8)}/B${randomString(BASE32_UPPER.slice(0, 26) + "0123456789", 10)}/${randomString(ALNUM, 24)}";\n`,
  "hex-secret": () => `const JWT_SECRET = "${randomString(HEX, 64)}";\n`,
};

export const SNIPPET_KINDS = Object.keys(SNIPPETS);
