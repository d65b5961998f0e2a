import { generateKeyPairSync, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { awsAccessKeyId } from "../../../src/engine/validators/aws-access-key-id.js";
import { awsSecretAccessKey } from "../../../src/engine/validators/aws-secret-access-key.js";
import { azureAccountKey } from "../../../src/engine/validators/azure-account-key.js";
import { base64PemPrivateKey } from "../../../src/engine/validators/base64-pem-private-key.js";
import { base64UserPass } from "../../../src/engine/validators/base64-user-pass.js";
import { crc32 } from "node:zlib";
import { dbUriCredentials } from "../../../src/engine/validators/db-uri-credentials.js";
import { encodeBase62 } from "../../../src/engine/validators/encode-base62.js";
import { genericPasswordValue } from "../../../src/engine/validators/generic-password-value.js";
import { genericSecretValue } from "../../../src/engine/validators/generic-secret-value.js";
import { githubTokenChecksum } from "../../../src/engine/validators/github-token-checksum.js";
import { jwtStructure } from "../../../src/engine/validators/jwt-structure.js";
import { npmTokenChecksum } from "../../../src/engine/validators/npm-token-checksum.js";
import { pemPrivateKey } from "../../../src/engine/validators/pem-private-key.js";
import { randomToken } from "../../../src/engine/validators/random-token.js";
import { secretValidators } from "../../../src/engine/validators/secret-validators.js";

// Values are generated here so that nothing live-looking is committed.
const B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** A deterministic generator (mulberry32) for tests that must not depend on the draw. */
function seededRnd(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (n: number, alphabet = B62) => Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
}
const rnd = (n: number, alphabet = B62) => Array.from(randomBytes(n), (b) => alphabet[b % alphabet.length]).join("");
const withChecksum = (prefix: string) => {
  const body = rnd(30);
  return `${prefix}${body}${encodeBase62(crc32(body), 6)}`;
};
const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");

describe("crc32 / base62", () => {
  it("uses the IEEE CRC-32 (zlib.crc32) that the token checksums are defined with", () => {
    expect(crc32("123456789")).toBe(0xcbf43926);
  });
  it("pads base62 to the width", () => {
    expect(encodeBase62(0, 6)).toBe("000000");
    expect(encodeBase62(61)).toBe("z");
    expect(encodeBase62(62)).toBe("10");
  });
});

describe("githubTokenChecksum", () => {
  it.each(["ghp_", "gho_", "ghu_", "ghs_", "ghr_"])("accepts a %s token whose CRC32 holds", (p) => {
    expect(githubTokenChecksum(withChecksum(p))).toBe("high");
  });
  it("rejects a token whose checksum does not hold", () => {
    const t = withChecksum("ghp_");
    const bad = t.slice(0, -1) + (t.endsWith("A") ? "B" : "A");
    expect(githubTokenChecksum(bad)).toBe(false);
  });
  it("rejects placeholders and wrong lengths", () => {
    expect(githubTokenChecksum("ghp_" + "x".repeat(36))).toBe(false);
    expect(githubTokenChecksum("ghp_" + rnd(30))).toBe(false);
  });
  it("checks the shape of fine-grained tokens", () => {
    expect(githubTokenChecksum(`github_pat_${rnd(22)}_${rnd(59)}`)).toBe("high");
    expect(githubTokenChecksum(`github_pat_${"x".repeat(22)}_${"x".repeat(59)}`)).toBe(false);
  });
});

describe("npmTokenChecksum", () => {
  it("gives high confidence to a valid checksum", () => expect(npmTokenChecksum(withChecksum("npm_"))).toBe("high"));
  it("keeps a random token with a bad checksum at medium confidence", () => {
    const t = withChecksum("npm_");
    expect(npmTokenChecksum(t.slice(0, -1) + (t.endsWith("A") ? "B" : "A"))).toBe("medium");
  });
  it("rejects placeholders", () => expect(npmTokenChecksum("npm_" + "X".repeat(36))).toBe(false));
});

describe("jwtStructure", () => {
  const sig = rnd(43, B62 + "-_");
  it("accepts header.payload.signature with alg", () => {
    expect(jwtStructure(`${b64url({ alg: "HS256", typ: "JWT" })}.${b64url({ sub: "1" })}.${sig}`)).toBe("high");
  });
  it.each([
    ["alg none", `${b64url({ alg: "none" })}.${b64url({ sub: "1" })}.${sig}`],
    ["no alg", `${b64url({ typ: "JWT" })}.${b64url({ sub: "1" })}.${sig}`],
    ["payload not JSON", `${b64url({ alg: "HS256" })}.${rnd(20)}.${sig}`],
    ["empty signature", `${b64url({ alg: "HS256" })}.${b64url({ sub: "1" })}.`],
    ["random eyJ text", `eyJ${rnd(30)}.eyJ${rnd(30)}.${sig}`],
  ])("rejects %s", (_name, value) => expect(jwtStructure(value)).toBe(false));
});

describe("pemPrivateKey / base64PemPrivateKey", () => {
  const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "sec1", format: "pem" }).toString();
  const pkcs8 = generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  it.each([["rsa", rsa], ["ec", ec], ["pkcs8", pkcs8]])("accepts a generated %s key", (_n, pem) => expect(pemPrivateKey(pem)).toBe("high"));
  it("accepts a key with literal \\n escapes inside a JSON string", () => {
    expect(pemPrivateKey(pkcs8.trim().replace(/\n/g, "\\n"))).toBe("high");
  });
  it("accepts an OpenSSH container", () => {
    const body = Buffer.concat([Buffer.from("openssh-key-v1\0", "latin1"), randomBytes(200)]).toString("base64");
    expect(pemPrivateKey(`-----BEGIN OPENSSH PRIVATE KEY-----\n${body.match(/.{1,70}/g)!.join("\n")}\n-----END OPENSSH PRIVATE KEY-----`)).toBe("high");
  });
  it("rejects a header with prose instead of key material", () => {
    expect(pemPrivateKey("-----BEGIN RSA PRIVATE KEY-----\nput your key here\n-----END RSA PRIVATE KEY-----")).toBe(false);
  });
  it("rejects an OpenSSH block without the magic", () => {
    expect(pemPrivateKey(`-----BEGIN OPENSSH PRIVATE KEY-----\n${randomBytes(120).toString("base64")}\n-----END OPENSSH PRIVATE KEY-----`)).toBe(false);
  });
  it("decodes base64 of a PEM key, and rejects base64 of a certificate", () => {
    expect(base64PemPrivateKey(Buffer.from(ec).toString("base64"))).toBe("high");
    const cert = `-----BEGIN CERTIFICATE-----\n${randomBytes(300).toString("base64")}\n-----END CERTIFICATE-----\n`;
    expect(base64PemPrivateKey(Buffer.from(cert).toString("base64"))).toBe(false);
  });
});

describe("AWS", () => {
  const A32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  it("accepts key ids with a known prefix and base32 body", () => {
    expect(awsAccessKeyId("AKIA" + rnd(16, A32))).toBe("high");
    expect(awsAccessKeyId("ASIA" + rnd(16, A32))).toBe("high");
  });
  it.each(["AKIAIOSFODNN7EXAMPLE", "AKIAXXXXXXXXXXXXXXXX", "AKIA0000111188889999", "AIDA" + "ABCDEFGHIJKLMNOP"])("rejects %s", (v) =>
    expect(awsAccessKeyId(v)).toBe(false),
  );
  it("accepts a random secret key and rejects the documentation one", () => {
    expect(awsSecretAccessKey(rnd(20) + "/" + rnd(19))).toBe("high");
    expect(awsSecretAccessKey("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")).toBe(false);
  });
});

describe("azureAccountKey", () => {
  it("accepts base64 of 64 random bytes", () => expect(azureAccountKey(randomBytes(64).toString("base64"))).toBe("high"));
  it("rejects other lengths and zero bytes", () => {
    expect(azureAccountKey(randomBytes(48).toString("base64"))).toBe(false);
    expect(azureAccountKey(Buffer.alloc(64).toString("base64"))).toBe(false);
  });
});

describe("base64UserPass", () => {
  const enc = (s: string) => Buffer.from(s).toString("base64");
  it("accepts user:password", () => expect(base64UserPass(enc(`ci-bot:${rnd(20)}`))).toBe("high"));
  it.each([enc("nocolon"), enc("user:${TOKEN}"), enc("user:password"), "!!!notbase64", Buffer.from([0, 1, 2, 58, 3]).toString("base64")])(
    "rejects %s",
    (v) => expect(base64UserPass(v)).toBe(false),
  );
});

describe("dbUriCredentials", () => {
  const pw = rnd(18);
  it.each([
    `postgres://app:${pw}@prod-db.internal:5432/shop`,
    `mongodb+srv://svc:${pw}@cluster0.abcde.mongodb.net/db`,
    `redis://:${pw}@cache.internal:6379/0`,
  ])("accepts %s", (v) => expect(dbUriCredentials(v)).toBe("high"));
  it.each([
    "postgres://postgres:postgres@localhost:5432/dev",
    "postgres://USER:PASSWORD@HOST:5432/DB",
    "postgres://app:${DB_PASSWORD}@db.internal/app",
    "mysql://root:<password>@db.internal/app",
    "amqp://guest:guest@rabbitmq:5672/",
    "postgres://app:****@db.internal/app",
    "redis://localhost:6379",
  ])("rejects %s", (v) => expect(dbUriCredentials(v)).toBe(false));
});

describe("generic values", () => {
  it("accepts random secrets (seeded draws, so the test cannot flake)", () => {
    const seeded = seededRnd(0x6d616d6f);
    for (let i = 0; i < 200; i++) {
      expect(genericSecretValue(seeded(40))).toBe("medium");
      expect(genericPasswordValue(seeded(12) + "!" + seeded(4))).toBe("medium");
    }
  });
  it("grades a mixed-case password with a symbol and no digit as medium", () => {
    expect(genericPasswordValue(["qWfRtZuKpLmN", "xBvC"].join("!"))).toBe("medium");
  });
  it.each([
    "changeme",
    "password",
    "your-session-secret-here",
    "${SECRET_KEY}",
    "{{ vault_db_password }}",
    "process.env.SECRET",
    "$2b$12$" + rnd(53),
    "$6$" + rnd(16) + "$" + rnd(86),
    "md5" + rnd(32, "0123456789abcdef"),
    "sha512-" + rnd(86) + "==",
    "0f8fad5b-d9cb-469f-a165-70867728950e",
    "xxxxxxxxxxxxxxxxxxxx",
    "config.secret.value",
    "getPasswordFromVault()",
  ])("rejects %s", (v) => {
    expect(genericSecretValue(v)).toBe(false);
    expect(genericPasswordValue(v)).toBe(false);
  });
});

describe("randomToken", () => {
  it("accepts a random body after a prefix", () => expect(randomToken("sk_live_" + rnd(24))).toBe("high"));
  it.each(["sk_live_" + "0".repeat(24), "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx", "sk_test_REPLACE_ME", "SG.****************.*****"])("rejects %s", (v) =>
    expect(randomToken(v)).toBe(false),
  );
});

describe("secretValidators registry", () => {
  it("maps every name to a function", () => {
    for (const [name, fn] of Object.entries(secretValidators)) expect(typeof fn, name).toBe("function");
  });
});
