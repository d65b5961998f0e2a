import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/config-schema.js";
import { expandEncodedValues } from "../../src/engine/expand-encoded-values.js";
import { loadRules } from "../../src/rules/load-rules.js";
import { scanFiles } from "../../src/scan/scan-files.js";
import { expandTemplate } from "../helpers/expand-template.js";

// Credentials behind an encoding: base64-wrapped, URL-encoded, JSON-escaped. Each must be found
// and reported on the encoded line; values are generated at test time.
const rules = loadRules();
const config = configSchema.parse({});
const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");
const pct = (s: string) => encodeURIComponent(s);

function scan(path: string, text: string) {
  return scanFiles([{ path, bytes: Buffer.from(text, "utf8") }], config, { rules }).findings.filter((f) => f.category === "secret");
}

describe("encoded credentials", () => {
  it("finds a JWT wrapped in base64, on the encoded line", { timeout: 60_000 }, () => {
    const jwt = expandTemplate("{{jwt}}");
    const f = scan("values.yaml", `service:\n  name: api\n  tokenB64: ${b64(jwt)}\n`);
    expect(f.map((x) => [x.ruleId, x.line])).toContainEqual(["jwt-token", 3]);
  });

  it("finds a provider key inside a base64 block of KEY=value lines", () => {
    const token = expandTemplate("ghp_{{base62:30}}{{crc32-github}}");
    const f = scan("ci/vars.txt", `# exported\nENV_B64=${b64(`NODE_ENV=production\nGITHUB_TOKEN=${token}\n`)}\n`);
    expect(f.map((x) => [x.ruleId, x.line])).toContainEqual(["github-pat", 2]);
  });

  it("finds a URL-encoded webhook and a URL-encoded database URI", () => {
    const hook = expandTemplate("https://hooks.slack.com/services/T{{ALNUM:10}}/B{{ALNUM:10}}/{{base62:24}}");
    const uri = expandTemplate("postgres://app:{{base62:14}}{{digits:2}}@db.internal.example:5432/orders");
    const f = scan("notes.md", `line one\ncallback=${pct(hook)}\nconn=${pct(uri)}\n`);
    expect(f.map((x) => [x.ruleId, x.line])).toContainEqual(["slack-webhook-url", 2]);
    expect(f.map((x) => [x.ruleId, x.line])).toContainEqual(["postgres-connection-uri", 3]);
  });

  it("finds a secret JSON-escaped inside a string", () => {
    const key = expandTemplate("{{base62:30}}{{digits:3}}");
    const f = scan("fixture.json", `{\n  "id": 1,\n  "config": "{\\"api_key\\": \\"${key}\\", \\"region\\": \\"ap-northeast-1\\"}"\n}\n`);
    const hit = f.find((x) => x.ruleId === "generic-secret");
    expect(hit?.line).toBe(3);
    expect(hit?.redacted).not.toContain(key);
  });

  it("leaves plain base64 data and ordinary escapes alone", () => {
    const random = expandTemplate("{{base64:200}}");
    expect(scan("data.txt", `blob: ${random}\nhello: ${b64("just a friendly greeting, nothing more")}\n`)).toEqual([]);
    expect(scan("a.json", `{"msg": "she said \\"hello\\" at 10%25 off"}\n`)).toEqual([]);
  });

  it("maps offsets of a decoded line back to the encoded characters", () => {
    const units = expandEncodedValues({ path: "a.txt", text: "x\nk=a%3Db%40c\n" });
    const u = units.find((x) => x.text === "k=a=b@c")!;
    expect(u.locate!(4)).toEqual({ line: 2, column: 7 });
    expect(u.locate!(5)).toEqual({ line: 2, column: 8 });
  });

  it("decodes a percent-encoded line of a minified file (hundreds of thousands of escapes) without overflowing the stack", () => {
    const line = "var s='" + "%41%42".repeat(150_000) + "';";
    const units = expandEncodedValues({ path: "bundle.min.js", text: line });
    const u = units.find((x) => x.text.startsWith("var s='ABAB"))!;
    expect(u.text.length).toBe(line.length - 4 * 150_000);
    expect(u.locate!(u.text.length - 1)).toEqual({ line: 1, column: line.length });
  });

  it("maps JSON escapes (\\\", \\/, \\\\, \\u00XX) back to the escape, and leaves other backslashes as they are", () => {
    const text = String.raw`{"a": "x\"y\/z\\w\u0041\n\u00e9"}`;
    const units = expandEncodedValues({ path: "a.json", text });
    const u = units.find((x) => x.text.includes('x"y/z'))!;
    expect(u.text).toBe(String.raw`{"a": "x"y/z\wA\n\u00e9"}`);
    const at = (s: string) => u.locate!(u.text.indexOf(s)).column;
    expect(at('"y')).toBe(text.indexOf(String.raw`\"y`) + 1);
    expect(at("/z")).toBe(text.indexOf(String.raw`\/z`) + 1);
    expect(at("A")).toBe(text.indexOf(String.raw`\u0041`) + 1);
    expect(at("n")).toBe(text.indexOf("n\\u00e9") + 1);
  });
});
