import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/engine/types.js";
import { assessImpact } from "../../src/impact/assess-impact.js";
import { formatCheckRun, formatCheckRunFailure, SUMMARY_LIMIT, type CheckRunFinding } from "../../src/report/check-run.js";

function finding(over: Partial<CheckRunFinding> = {}): CheckRunFinding {
  const base: Finding = {
    ruleId: "github-pat",
    category: "secret",
    kind: "github-token",
    severity: "critical",
    confidence: "high",
    path: "src/config.ts",
    line: 3,
    column: 10,
    endLine: 3,
    endColumn: 50,
    redacted: "ghp_****…9aZ1",
    fingerprint: "github-pat:src/config.ts:abc",
    valueHash: "h1",
    tags: [],
  };
  return { ...base, ...over };
}

const stats = { files: 2, bytes: 100, skipped: [], durationMs: 5 };
const scope = { kind: "pull_request" as const, commits: 1, defaultBranch: false };
const en = { language: "en" as const, failOn: "high" as const, pii: { failOnPersons: 3 } };

describe("formatCheckRun", () => {
  it("succeeds when clean", () => {
    const r = formatCheckRun({ findings: [], impact: assessImpact([]), stats, config: en, scope });
    expect(r).toMatchObject({ conclusion: "success", title: "No findings in 2 files", annotations: [] });
  });

  it("says in the summary and the finding's note when a credential was verified live", () => {
    const live = finding({ verified: "live" });
    const revoked = finding({ verified: "revoked", line: 7, fingerprint: "r" });
    const r = formatCheckRun({ findings: [live, revoked], impact: assessImpact([]), stats, config: en, scope });
    expect(r.summary).toMatch(/1 credential verified live/);
    expect(r.summary).toMatch(/\| 3 \|.*live \(the provider accepted it\) \|/);
    expect(r.summary).toMatch(/\| 7 \|.*revoked \(the provider refused it\) \|/);
    expect(r.summary).toContain("Live verification of 2 credentials: 1 live · 1 revoked · 0 unknown");
    // Each annotation says what the provider answered.
    expect(r.annotations.find((a) => a.start_line === 3)?.message).toContain("live (the provider accepted it)");
    expect(r.annotations.find((a) => a.start_line === 7)?.message).toContain("revoked (the provider refused it)");
    const unverified = formatCheckRun({ findings: [finding({ verified: "unknown" })], impact: assessImpact([]), stats, config: en, scope });
    expect(unverified.summary).toContain("0 live · 0 revoked · 1 unknown");
    expect(unverified.annotations[0].message).toContain("verification unknown");
    // Without verification, no such line.
    expect(formatCheckRun({ findings: [finding()], impact: assessImpact([]), stats, config: en, scope }).summary).not.toContain("Live verification");
  });

  it("fails at or above failOn, is neutral below", () => {
    const f = finding();
    expect(formatCheckRun({ findings: [f], impact: assessImpact([f]), stats, config: en, scope }).conclusion).toBe("failure");
    const low = finding({ severity: "medium" });
    const r = formatCheckRun({ findings: [low], impact: assessImpact([low]), stats, config: en, scope });
    expect(r.conclusion).toBe("neutral");
    expect(r.annotations[0].annotation_level).toBe("warning");
  });

  it("fails on personal data of many persons even when each value is medium", () => {
    const rows = [1, 2, 3].map((record) => finding({ category: "pii", kind: "name", ruleId: "pii-name", severity: "medium", record, line: record + 1, valueHash: `v${record}`, fingerprint: `f${record}`, redacted: "谷口 *" }));
    const r = formatCheckRun({ findings: rows, impact: assessImpact(rows), stats, config: en, scope });
    expect(r.conclusion).toBe("failure");
    expect(r.summary).toMatch(/Personal data of 3 persons/);
    expect(r.annotations.every((a) => a.annotation_level === "failure")).toBe(true);
    expect(formatCheckRun({ findings: rows, impact: assessImpact(rows), stats, config: { ...en, pii: { failOnPersons: 0 } }, scope }).conclusion).toBe("neutral");
  });

  it("gives columns only to one-line annotations and points into archives at the archive", () => {
    const multi = finding({ line: 5, endLine: 9 });
    const archived = finding({ path: "exports/data.zip!customers.csv", line: null, column: null, endLine: null, endColumn: null, fingerprint: "z" });
    const r = formatCheckRun({ findings: [finding(), multi, archived], impact: assessImpact([]), stats, config: en, scope });
    const [one, many] = r.annotations.filter((a) => a.path === "src/config.ts");
    expect(one).toMatchObject({ start_line: 3, end_line: 3, start_column: 10, end_column: 50 });
    expect(many).toMatchObject({ start_line: 5, end_line: 9 });
    expect(many.start_column).toBeUndefined();
    const zip = r.annotations.find((a) => a.path === "exports/data.zip")!;
    expect(zip).toMatchObject({ start_line: 1, end_line: 1 });
    expect(zip.message).toContain("customers.csv");
  });

  it("keeps the summary under GitHub's limit with thousands of findings", () => {
    const many = Array.from({ length: 5000 }, (_, i) => finding({ path: `data/長いファイル名-${i % 300}.env`, line: i + 1, fingerprint: `f${i}` }));
    const r = formatCheckRun({ findings: many, impact: assessImpact(many), stats, config: { ...en, language: "ja" }, scope });
    expect(Buffer.byteLength(r.summary, "utf8")).toBeLessThanOrEqual(SUMMARY_LIMIT);
    expect(r.summary).toMatch(/すべて該当行の注釈にあります/);
    expect(r.annotations).toHaveLength(5000);
  });

  it("caps the annotations, failing ones first, and says so", () => {
    const many = Array.from({ length: 30 }, (_, i) => finding({ line: i + 1, fingerprint: `f${i}`, severity: i % 2 ? "low" : "critical" }));
    const r = formatCheckRun({ findings: many, impact: assessImpact(many), stats, config: en, scope, maxAnnotations: 10 });
    expect(r.findings).toBe(30);
    expect(r.annotations).toHaveLength(10);
    expect(r.annotations.every((a) => a.annotation_level === "failure")).toBe(true);
    expect(r.summary).toMatch(/30 findings, 10 annotations/);
  });

  it("notes values removed later but still in history, in both languages", () => {
    const f = finding({ removedIn: "0123456789abcdef0123456789abcdef01234567" });
    const en1 = formatCheckRun({ findings: [f], impact: assessImpact([f]), stats, config: en, scope });
    expect(en1.annotations[0].message).toContain("removed in 0123456, still in history: rewrite the history or squash-merge");
    const ja1 = formatCheckRun({ findings: [f], impact: assessImpact([f]), stats, config: { ...en, language: "ja" }, scope });
    expect(ja1.summary).toContain("履歴には残っています");
    expect(ja1.title).toMatch(/件を検出/);
  });

  it("carries incident steps for pushes", () => {
    const f = finding();
    const r = formatCheckRun({ findings: [f], impact: assessImpact([f]), stats, config: en, scope: { kind: "push", commits: 1, defaultBranch: true } });
    expect(r.summary).toMatch(/### Incident steps/);
    expect(r.summary).toMatch(/revoke and rotate/);
  });
});

describe("formatCheckRunFailure", () => {
  it("always fails and says how to re-run", () => {
    const r = formatCheckRunFailure("error", "GitHub API GET /x answered 500", "en");
    expect(r.conclusion).toBe("failure");
    expect(r.summary).toMatch(/answered 500/);
    expect(r.summary).toMatch(/Re-run/);
    expect(formatCheckRunFailure("config", "bad key", "ja").title).toBe("設定ファイルが不正です");
  });
});
