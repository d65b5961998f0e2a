import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/engine/types.js";
import { assessImpact } from "../../src/impact/assess-impact.js";
import { formatCheckRun } from "../../src/report/check-run.js";
import { ppcNotice } from "../../src/report/ppc-notice.js";

const patient = (record: number): Finding[] =>
  (["name", "medical"] as const).map((kind) => ({
    ruleId: `pii-${kind}`,
    category: "pii",
    kind,
    severity: "high",
    confidence: "high",
    path: "data/patients.csv",
    line: record + 2,
    column: 1,
    endLine: record + 2,
    endColumn: 5,
    redacted: "** *",
    fingerprint: `f${kind}${record}`,
    valueHash: `h${kind}${record}`,
    record,
    tags: kind === "medical" ? ["sensitive"] : [],
  }));

describe("ppcNotice in the check run", () => {
  const findings = [0, 1].flatMap(patient);
  const knownAt = new Date("2027-11-30T15:30:00Z"); // 2027-12-01 00:30 in Japan; day 30 = 12/30 (closed) → 2028-01-04
  const impact = assessImpact(findings, { tableRecords: new Map([["data/patients.csv", 2]]), knownAt });
  const input = { findings, impact, stats: { files: 1, bytes: 10, skipped: [], durationMs: 1 }, scope: { kind: "pull_request" as const, commits: 1, defaultBranch: false } };

  it.each([
    ["en", /A report to the PPC and notice to the persons are required[\s\S]*Final report: by \*\*2028-01-04\*\*[\s\S]*--format ppc --lang en --known-since 2027-12-01/],
    ["ja", /個人情報保護委員会への報告と本人への通知が必要です[\s\S]*確報: \*\*2028-01-04\*\* まで[\s\S]*--format ppc --lang ja --known-since 2027-12-01/],
  ] as const)("opens the summary with the dates and how to get the draft (%s)", (language, re) => {
    const r = formatCheckRun({ ...input, config: { language, failOn: "high" } });
    expect(r.conclusion).toBe("failure");
    const head = r.summary.split("\n").slice(0, 8).join("\n");
    expect(head).toMatch(re);
  });

  it("is empty when no report is required", () => {
    const plain = assessImpact([patient(0)[0]!], { knownAt });
    expect(ppcNotice(plain, "en")).toEqual([]);
  });
});
