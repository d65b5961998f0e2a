import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/config-schema.js";
import { loadRules } from "../../src/rules/load-rules.js";
import { scanFiles } from "../../src/scan/scan-files.js";
import { expandTemplate } from "../helpers/expand-template.js";
import { utf16, utf8 } from "../decode/helpers.js";

// Issue 11, items 5 and 6: bytes prepended to a text file must not make its secrets vanish.
// Each attack file is built at test time around a generated token; the scan must find it.
const rules = loadRules();
const config = configSchema.parse({});
const env = expandTemplate("LOG_LEVEL=info\nGITHUB_TOKEN=ghp_{{base62:30}}{{crc32-github}}\nDEBUG=false\n".repeat(40));

function scan(path: string, bytes: Uint8Array) {
  const result = scanFiles([{ path, bytes }], config, { rules });
  return { ruleIds: [...new Set(result.findings.map((f) => f.ruleId))], lines: [...new Set(result.findings.map((f) => f.line))].slice(0, 3), skipped: result.stats.skipped };
}

const join = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};

describe("hostile prefixes do not hide secrets", () => {
  it.each([
    ["a UTF-16LE byte-order mark (FF FE)", new Uint8Array([0xff, 0xfe])],
    ["a UTF-16BE byte-order mark (FE FF)", new Uint8Array([0xfe, 0xff])],
    ["a 4 KiB block of UTF-16 text (NUL pattern)", utf16("# settings\n".repeat(372), "le", false)],
    ["a few NUL bytes", new Uint8Array([0, 0, 0, 0x0a])],
    ["a PNG signature", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ["a PDF header", utf8("%PDF-1.7\n")],
    ["an ELF header", new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x0a])],
  ])("%s before a .env", (_name, prefix) => {
    const { ruleIds, skipped } = scan("config/.env", join(prefix, utf8(env)));
    expect(skipped).toEqual([]);
    expect(ruleIds).toContain("github-pat");
  });

  it("text behind a binary magic number is scanned whatever the extension", () => {
    const { ruleIds, skipped } = scan("assets/logo.png", join(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), utf8(env)));
    expect(skipped).toEqual([]);
    expect(ruleIds).toContain("github-pat");
  });

  it("genuine UTF-16 text is read once, as UTF-16", () => {
    const { ruleIds, lines } = scan("config/.env", utf16(env, "le", true));
    expect(ruleIds).toContain("github-pat");
    expect(lines[0]).toBe(2);
  });

  it("genuine binaries stay binary", () => {
    const png = new Uint8Array(4096);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    for (let i = 8; i < png.length; i++) png[i] = (i * 131 + 7) & 0xff;
    expect(scan("logo.png", png).skipped).toEqual([{ path: "logo.png", reason: "binary" }]);
  });
});
