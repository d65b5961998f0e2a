import { describe, expect, it } from "vitest";
import { escapeHtml, toHtml } from "../../src/report/to-html.js";
import { sampleResult, sampleRules } from "./fixtures/sample-result.js";

const rulesById = new Map(sampleRules.map((r) => [r.id, r]));
const en = toHtml(sampleResult, { language: "en", toolVersion: "1.2.3", rulesById, target: "acme/<repo>" });
const ja = toHtml(sampleResult, { language: "ja", toolVersion: "1.2.3", rulesById });

describe("toHtml", () => {
  it("is one self-contained page: no external resource, a CSP that forbids network loads", () => {
    expect(en).toMatch(/^<!doctype html>/);
    expect(en).toContain(`http-equiv="Content-Security-Policy" content="default-src 'none';`);
    expect(en).not.toMatch(/<(?:link|iframe|object|embed)\b/i);
    expect(en).not.toMatch(/<(?:script|img)\b[^>]*\bsrc=/i);
    expect(en).not.toMatch(/url\(/i);
  });

  it("puts the impact block first, then the charts, then the findings", () => {
    const order = ["impact", "charts", "findings"].map((id) => en.indexOf(`<section id="${id}">`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(en).toContain("PPC report required");
    expect(en).toContain("¥10,500 – ¥18,000");
    expect(en).toContain("final report within 30 days");
    expect(ja).toContain("個人情報保護委員会への報告");
    expect(ja).toContain("確報は30日以内");
  });

  it("draws both charts as inline SVG", () => {
    expect(en).toMatch(/<svg id="chart-kinds"[^>]*>.*<rect /s);
    expect(en).toMatch(/<svg id="chart-persons"[^>]*>.*data\/顧客 一覧\.csv/s);
  });

  it("lists every finding once with its redacted preview and fingerprint", () => {
    const rows = en.match(/<tr data-severity=/g) ?? [];
    expect(rows).toHaveLength(sampleResult.findings.length);
    for (const f of sampleResult.findings) {
      expect(en).toContain(escapeHtml(f.redacted));
      expect(en).toContain(escapeHtml(f.fingerprint));
    }
  });

  it("escapes what it shows", () => {
    expect(en).toContain("<code>acme/&lt;repo&gt;</code>");
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });

  it("takes extra sections between the charts and the findings (e.g. a PPC report draft)", () => {
    const html = toHtml(sampleResult, { language: "en", toolVersion: "1", extraSections: [{ id: "ppc-draft", title: "PPC draft", html: "<p>draft</p>" }] });
    const at = (id: string) => html.indexOf(`<section id="${id}">`);
    expect(at("charts")).toBeLessThan(at("ppc-draft"));
    expect(at("ppc-draft")).toBeLessThan(at("findings"));
  });

  it("caps the table and says how many more there are", () => {
    const html = toHtml(sampleResult, { language: "en", toolVersion: "1", maxRows: 2 });
    expect(html.match(/<tr data-severity=/g)).toHaveLength(2);
    expect(html).toContain(`${sampleResult.findings.length - 2} more findings are not listed here`);
  });
});
