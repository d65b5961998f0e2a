import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeFile } from "../../src/decode/decode-file.js";
import { OPTIONS, dummyToken, encodeJapanese, positionOf, utf16, utf8 } from "./helpers.js";

describe("decodeFile: text files", () => {
  it("Shift_JIS CSV: NFKC text, original line and character column, header keys", () => {
    const src = "顧客ID,氏名,電話番号\r\n髙﨑-001,山田太郎,０９０－００００－００００\r\nC002,ｶﾞｸ ﾀﾛｳ,080-0000-0000\r\n";
    const { units, skipped } = decodeFile("data/customers.csv", encodeJapanese(src, "SJIS"), OPTIONS);
    expect(skipped).toEqual([]);
    const [u] = units;
    expect(u.text).toContain("090-0000-0000");
    expect(u.text).toContain("ガク タロウ");
    const at = u.text.indexOf("090-0000-0000");
    expect(u.locate!(at)).toEqual(positionOf(src, "０９０"));
    expect(u.locate!(at)).toEqual({ line: 2, column: 13 });
    expect(u.fieldAt!(at)).toEqual({ key: "電話番号", record: 0 });
    expect(u.records).toBe(2);
    const kana = u.text.indexOf("タロウ");
    expect(u.locate!(kana)).toEqual(positionOf(src, "ﾀﾛｳ"));
  });

  it("UTF-8 BOM CSV: the BOM is not a column and the first header is clean", () => {
    const src = "氏名,メール\n山田太郎,taro@example.com\n";
    const { units } = decodeFile("a.csv", new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(src)]), OPTIONS);
    const at = units[0].text.indexOf("taro@");
    expect(units[0].locate!(at)).toEqual({ line: 2, column: 6 });
    expect(units[0].fieldAt!(units[0].text.indexOf("山田"))).toEqual({ key: "氏名", record: 0 });
  });

  it("TSV with a .tsv extension", () => {
    const src = "name\ttel\n山田太郎\t090-0000-0000\n";
    const u = decodeFile("m.tsv", utf8(src), OPTIONS).units[0];
    expect(u.fieldAt!(u.text.indexOf("090"))).toEqual({ key: "tel", record: 0 });
  });

  it("UTF-16LE file with a secret is decoded (not skipped as binary)", () => {
    const token = dummyToken();
    const src = `[auth]\r\ntoken = ${token}\r\n`;
    for (const bom of [true, false]) {
      const { units, skipped } = decodeFile("secrets.ini", utf16(src, "le", bom), OPTIONS);
      expect(skipped).toEqual([]);
      const at = units[0].text.indexOf(token);
      expect(at).toBeGreaterThan(0);
      expect(units[0].locate!(at)).toEqual({ line: 2, column: 9 });
      expect(units[0].fieldAt!(at)).toEqual({ key: "token", record: 0 });
    }
  });

  it("JSON, NDJSON and SQL dumps get field context", () => {
    const json = decodeFile("users.json", utf8(JSON.stringify([{ email: "a@example.com" }], null, 2)), OPTIONS).units[0];
    expect(json.fieldAt!(json.text.indexOf("a@"))).toEqual({ key: "email", record: 0 });
    const nd = decodeFile("x.ndjson", utf8('{"tel":"1"}\n{"tel":"2"}\n'), OPTIONS).units[0];
    expect(nd.records).toBe(2);
    const sql = decodeFile("dump.sql", utf8("INSERT INTO t (email) VALUES ('a@example.com'),('b@example.com');"), OPTIONS).units[0];
    expect(sql.fieldAt!(sql.text.indexOf("b@"))).toEqual({ key: "email", record: 1 });
    const env = decodeFile(".env.production", utf8("DB_PASSWORD=dummy\n"), OPTIONS).units[0];
    expect(env.fieldAt!(env.text.indexOf("dummy"))).toEqual({ key: "DB_PASSWORD", record: 0 });
  });

  it("plain source has no field context and the identity map", () => {
    const src = "echo a\nb=1\n";
    const u = decodeFile("a.sh", utf8(src), OPTIONS).units[0];
    expect(u.text).toBe(src);
    expect(u.fieldAt).toBeUndefined();
    expect(u.locate!(src.indexOf("b="))).toEqual({ line: 2, column: 1 });
  });

  it("source code without literal pairs has no records; with them, each literal is one", () => {
    const plain = decodeFile("a.ts", utf8("const a = 1;\nconst b = f(a);\n"), OPTIONS).units[0];
    expect(plain.records).toBeUndefined();
    const src = "const rows = [{ name: 'VAL_A' }, { name: 'VAL_B' }];\n";
    const u = decodeFile("seed.ts", utf8(src), OPTIONS).units[0];
    expect(u.records).toBe(2);
    expect(u.codeRecords).toBe(true);
    expect(u.fieldAt!(src.indexOf("VAL_B"))).toEqual({ key: "name", record: 1 });
  });

  it("skips binaries and too-large files with a reason", () => {
    expect(decodeFile("logo.png", Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]), OPTIONS)).toEqual({ units: [], skipped: [{ path: "logo.png", reason: "binary" }] });
    const xls = decodeFile("old.xls", Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), OPTIONS);
    expect(xls.skipped[0].reason).toMatch(/^binary \(legacy or password-protected Office file/);
    const big = decodeFile("big.txt", new Uint8Array(101).fill(65), { ...OPTIONS, maxFileBytes: 100 });
    expect(big).toEqual({ units: [], skipped: [{ path: "big.txt", reason: "too large (101 bytes > 100)" }] });
  });

  it("a 10 MB single-line minified file decodes (with a full-width run at the end)", () => {
    const src = "var a=1;".repeat(1_250_000) + "ｔｏｋｅｎ＝ａｂｃ";
    const t0 = Date.now();
    const u = decodeFile("vendor.min.js", utf8(src), OPTIONS).units[0];
    const at = u.text.indexOf("token=abc");
    expect(at).toBe(10_000_000);
    expect(u.locate!(at)).toEqual({ line: 1, column: 10_000_001 });
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it("deeply nested JSON decodes", () => {
    const src = '{"a":'.repeat(100_000) + '"deep"' + "}".repeat(100_000);
    const u = decodeFile("deep.json", utf8(src), OPTIONS).units[0];
    expect(u.fieldAt!(u.text.indexOf("deep"))).toEqual({ key: "a", record: 0 });
  });

  it("never throws on random bytes under any name (property)", () => {
    const names = ["a.csv", "a.json", "a.sql", "a.ipynb", "a.xlsx", "a.zip", "a.gz", "a.tar", "a.docx", "a.yml", "a.txt", "a.eml", "a"];
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.uint8Array({ maxLength: 600 }), (name, bytes) => {
        const r = decodeFile(name, bytes, OPTIONS);
        expect(r.units.length + r.skipped.length).toBeGreaterThan(0);
        for (const u of r.units) {
          u.locate?.(0);
          u.locate?.(u.text.length);
          u.fieldAt?.(Math.floor(u.text.length / 2));
          void u.records;
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe("decodeFile: notebooks", () => {
  it("scans cell sources and text outputs, located on the .ipynb's own lines", () => {
    const token = dummyToken();
    const nb = {
      cells: [
        { cell_type: "markdown", metadata: {}, source: ["# 顧客分析\n", "説明\t\"引用\""] },
        {
          cell_type: "code",
          execution_count: 1,
          metadata: {},
          outputs: [
            { name: "stdout", output_type: "stream", text: ["山田太郎 ０９０－００００－００００\n"] },
            { output_type: "execute_result", data: { "text/plain": ["   name\n", "0  山田花子"], "image/png": "iVBORw0KGgo=" }, metadata: {}, execution_count: 1 },
          ],
          source: ["import pandas as pd\n", `API_TOKEN = "${token}"\n`, "df = pd.read_csv('x.csv')"],
        },
      ],
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    };
    const raw = JSON.stringify(nb, null, 1);
    const { units, skipped } = decodeFile("notebooks/eda.ipynb", utf8(raw), OPTIONS);
    expect(skipped).toEqual([]);
    expect(units).toHaveLength(1);
    const u = units[0];
    expect(u.path).toBe("notebooks/eda.ipynb");
    expect(u.text).not.toContain("iVBORw0KGgo");
    expect(u.text).not.toContain("execution_count");
    const at = u.text.indexOf(token);
    expect(u.locate!(at)).toEqual(positionOf(raw, token));
    expect(u.locate!(u.text.indexOf("090-0000"))).toEqual(positionOf(raw, "０９０"));
    expect(u.locate!(u.text.indexOf("花子"))).toEqual(positionOf(raw, "花子"));
    // after an escaped tab and quotes on the same JSON line
    expect(u.locate!(u.text.indexOf("引用"))).toEqual(positionOf(raw, "引用"));
  });

  it("a .ipynb without cells is decoded as JSON", () => {
    const u = decodeFile("x.ipynb", utf8('{"password": "dummy"}'), OPTIONS).units[0];
    expect(u.fieldAt!(u.text.indexOf("dummy"))).toEqual({ key: "password", record: 0 });
  });
});
