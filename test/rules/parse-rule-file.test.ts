import { describe, expect, it } from "vitest";
import { parseRuleFile } from "../../src/rules/parse-rule-file.js";

const valid = `
rules:
  - id: demo-token
    title: { en: Demo token, ja: デモトークン }
    remediation: { en: Revoke it., ja: 失効させてください。 }
    category: secret
    kind: demo-token
    severity: high
    keywords: [demo_]
    pattern: 'demo_[a-z]{8}'
    samples: { match: ['demo_abcdefgh'], nomatch: ['demo_abc'] }
`;

describe("parseRuleFile", () => {
  it("accepts a valid file and fills defaults", () => {
    const [rule] = parseRuleFile("rules/demo.yml", valid);
    expect(rule).toMatchObject({ id: "demo-token", confidence: "high", flags: "", tags: [] });
  });

  it.each([
    ["a misspelled key", valid.replace("keywords:", "keyword:"), /rules\[0\]\(id=demo-token\)/],
    ["a wrong severity", valid.replace("severity: high", "severity: urgent"), /rules\[0\]\(id=demo-token\)\.severity/],
    ["a missing Japanese title", valid.replace(", ja: デモトークン", ""), /title\.ja/],
    ["a bad id", valid.replace("id: demo-token", "id: Demo Token"), /\.id/],
    ["no samples that must not match", valid.replace(", nomatch: ['demo_abc']", ""), /samples\.nomatch/],
    ["broken YAML", "rules: [", /not valid YAML/],
    ["a duplicate key", valid.replace("    kind: demo-token\n", "    kind: demo-token\n    kind: other\n"), /not valid YAML/],
    ["an alias bomb", "a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\nrules: []", /rules\/demo\.yml/],
    ["a huge number", valid.replace("severity: high", "severity: high\n    entropy: 1e999"), /entropy/],
  ])("names the file and key for %s", (_what, text, message) => {
    expect(() => parseRuleFile("rules/demo.yml", text)).toThrow(/^rules\/demo\.yml: /);
    expect(() => parseRuleFile("rules/demo.yml", text)).toThrow(message);
  });
});
