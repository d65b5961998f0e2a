import Encoding from "encoding-japanese";
import nock from "nock";
import { expect } from "vitest";
import { FakeGitHub } from "./fake-github.js";
import { makeProbot } from "./make-probot.js";
import { checkRunPayload, checkSuitePayload, pullRequestPayload, pushPayload } from "./payloads.js";
import { expandTemplate } from "../../helpers/expand-template.js";
import { customerCsv, envFile, makeSecrets } from "./samples.js";

export interface ScenarioRun {
  gh: FakeGitHub;
  logs: string[];
  /** Raw values the scenario planted: none may appear in a request body or a log line. */
  planted: string[];
}

type Probot = Awaited<ReturnType<typeof makeProbot>>["probot"];
type Scenario = (gh: FakeGitHub, probot: Probot) => Promise<string[]>;

const sjis = (text: string) => Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to: "SJIS", from: "UNICODE" }));
const personsIn = (csv: string) => csv.split("\r\n").slice(1).filter(Boolean).flatMap((row) => row.split(",").slice(1));

/** Opens one pull request per broken `.github/mamori.yml`; each must fail as an invalid configuration, then `check` reads its summary. */
async function eachBrokenConfig(gh: FakeGitHub, probot: Probot, configs: string[], check: (summary: string, i: number) => void): Promise<void> {
  let parent = gh.base({ "README.md": "# widgets\n" });
  for (const [i, config] of configs.entries()) {
    const base = gh.commit(parent, { ".github/mamori.yml": config });
    gh.branches.set("main", base);
    const head = gh.commit(base, { "a.txt": `${i}\n` });
    await probot.receive(pullRequestPayload(gh, { base, head }));
    const run = gh.checkRuns.find((c) => c.head_sha === head)!;
    expect(run.conclusion).toBe("failure");
    expect(run.output.title).toMatch(/Invalid Mamori configuration/);
    check(run.output.summary, i);
    parent = base;
  }
}

/** The app's scenarios against the simulated GitHub; each returns the raw values it planted. */
export const scenarios: Record<string, Scenario> = {
  "PR adding .env with an AWS key and a GitHub token fails with annotations on the lines": async (gh, probot) => {
    const s = makeSecrets();
    const base = gh.base({ "README.md": "# widgets\n" });
    const head = gh.commit(base, { ".env": envFile(s) });
    await probot.receive(pullRequestPayload(gh, { base, head }));
    const run = gh.checkRun();
    expect(run.output.title, run.output.summary).toMatch(/3 findings/); // (a fail-closed summary explains itself)
    expect(run).toMatchObject({ name: "Mamori", head_sha: head, status: "completed", conclusion: "failure" });
    const at = run.annotations.map((a) => `${a.path}:${a.start_line}:${a.annotation_level}`);
    expect(at).toEqual(expect.arrayContaining([".env:2:failure", ".env:3:failure", ".env:4:failure"]));
    const create = gh.requests.find((r) => r.method === "POST" && r.path.endsWith("/check-runs"))!;
    expect(JSON.parse(create.body)).toMatchObject({ status: "in_progress", output: { title: "Scanning 1 file" } });
    // Few requests: token, check lookup, create, repo + org config, .mamoriignore, compare, the commit, completion.
    expect(gh.requests.map((r) => `${r.method} ${r.path.replace(/[0-9a-f]{40}/g, "SHA")}`)).toEqual([
      "POST /app/installations/1/access_tokens",
      "GET /repos/acme/widgets/commits/SHA/check-runs",
      "POST /repos/acme/widgets/check-runs",
      "GET /repos/acme/widgets/contents/.github/mamori.yml",
      "GET /repos/acme/.github/contents/.github/mamori.yml",
      "GET /repos/acme/widgets/contents/.mamoriignore",
      "GET /repos/acme/widgets/compare/SHA...SHA",
      "GET /repos/acme/widgets/commits/SHA",
      "PATCH /repos/acme/widgets/check-runs/1000",
    ]);
    return Object.values(s);
  },

  "PR adding a Shift_JIS customer CSV fails with the persons count": async (gh, probot) => {
    const csv = customerCsv(25);
    const base = gh.base({ "README.md": "# widgets\n" });
    const head = gh.commit(base, { "exports/customers.csv": sjis(csv) });
    await probot.receive(pullRequestPayload(gh, { base, head }));
    const run = gh.checkRun();
    expect(run.conclusion).toBe("failure");
    expect(run.output.title).toMatch(/25 persons/);
    expect(run.output.summary).toMatch(/25 persons/);
    // Tables speak in columns: one annotation per personal column, on its first row; a table of columns in the summary.
    expect(run.annotations.length).toBeGreaterThanOrEqual(2);
    expect(run.annotations.length).toBeLessThanOrEqual(4);
    expect(new Set(run.annotations.map((a) => `${a.path}:${a.start_line}`))).toEqual(new Set(["exports/customers.csv:2"]));
    expect(run.output.summary).toContain("| 氏名 | names | 25 | 2–26 |");
    expect(run.output.summary).toContain("| 電話番号 | phone numbers | 25 | 2–26 |");
    // The blob was read (no patch for a non-UTF-8 file).
    expect(gh.requests.some((r) => r.path.includes("/git/blobs/"))).toBe(true);
    return personsIn(csv);
  },

  "verify: true checks found keys in the scan, raises a live one to critical and says so in the summary and annotations": async (gh, probot) => {
    const s = makeSecrets();
    const doToken = expandTemplate("dop_v1_{{hex:64}}"); // DigitalOcean: high, critical once verified live
    gh.liveTokens.add(s.githubToken); // GitHub answers GET /user with 200 for it
    const provider = nock("https://api.digitalocean.com").get("/v2/account").matchHeader("authorization", `Bearer ${doToken}`).reply(200, { account: { status: "active" } });
    const base = gh.base({ ".github/mamori.yml": "verify: true\nfailOn: critical\n" });
    const head = gh.commit(base, { "deploy/cloud.env": `DIGITALOCEAN_TOKEN=${doToken}\nGITHUB_TOKEN=${s.githubToken}\n` });
    await probot.receive(pullRequestPayload(gh, { base, head }));
    const run = gh.checkRun();
    expect(provider.isDone()).toBe(true); // the value went to its own provider, and only there
    expect(gh.requests.filter((r) => r.path === "/user")).toHaveLength(1);
    expect(run.conclusion).toBe("failure");
    expect(run.output.summary).toContain("**2 credentials verified live**");
    expect(run.output.summary).toContain("Live verification of 2 credentials: 2 live · 0 revoked · 0 unknown");
    const byLine = new Map(run.annotations.map((a) => [a.start_line, a]));
    expect(byLine.get(1)).toMatchObject({ annotation_level: "failure", message: expect.stringContaining("live (the provider accepted it)") });
    expect(byLine.get(2)).toMatchObject({ annotation_level: "failure", message: expect.stringContaining("live (the provider accepted it)") });
    return [doToken, s.githubToken];
  },

  "verify: true reports revoked keys as revoked, at their own severity": async (gh, probot) => {
    const s = makeSecrets();
    const doToken = expandTemplate("dop_v1_{{hex:64}}");
    const provider = nock("https://api.digitalocean.com").get("/v2/account").matchHeader("authorization", `Bearer ${doToken}`).reply(401, { id: "unauthorized", message: "Unable to authenticate you" });
    const base = gh.base({ ".github/mamori.yml": "verify: true\nfailOn: critical\n" });
    const head = gh.commit(base, { "deploy/cloud.env": `DIGITALOCEAN_TOKEN=${doToken}\nGITHUB_TOKEN=${s.githubToken}\n` });
    await probot.receive(pullRequestPayload(gh, { base, head }));
    const run = gh.checkRun();
    expect(provider.isDone()).toBe(true);
    expect(run.output.summary).toContain("Live verification of 2 credentials: 0 live · 2 revoked · 0 unknown");
    expect(run.output.summary).not.toContain("verified live");
    const byLine = new Map(run.annotations.map((a) => [a.start_line, a]));
    // DigitalOcean's rule is high: a revoked key is not raised, so it stays below failOn: critical.
    expect(byLine.get(1)).toMatchObject({ annotation_level: "warning", message: expect.stringContaining("revoked (the provider refused it)") });
    expect(byLine.get(2)?.message).toContain("revoked (the provider refused it)");
    return [doToken, s.githubToken];
  },

  "a clean PR passes": async (gh, probot) => {
    const base = gh.base({ "README.md": "# widgets\n" });
    const head = gh.commit(base, { "src/add.ts": "export const add = (a: number, b: number) => a + b;\n" });
    await probot.receive(pullRequestPayload(gh, { base, head }));
    expect(gh.checkRun()).toMatchObject({ status: "completed", conclusion: "success" });
    expect(gh.checkRun().output.title).toMatch(/No findings/);
    return [];
  },

  "a PR whose second commit deletes the first commit's secret still fails": async (gh, probot) => {
    const s = makeSecrets();
    const base = gh.base({ "config/app.env": "LOG_LEVEL=info\n" });
    const c1 = gh.commit(base, { "config/app.env": `LOG_LEVEL=info\nGITHUB_TOKEN=${s.githubToken}\n` });
    const c2 = gh.commit(c1, { "config/app.env": "LOG_LEVEL=info\nGITHUB_TOKEN=${GITHUB_TOKEN}\n" });
    await probot.receive(pullRequestPayload(gh, { base, head: c2, action: "synchronize" }));
    const run = gh.checkRun();
    expect(run.conclusion).toBe("failure");
    const note = `removed in ${c2.slice(0, 7)}, still in history: rewrite the history or squash-merge`;
    expect(run.output.summary).toContain(note);
    expect(run.annotations.map((a) => a.message).join("\n")).toContain(note);
    return [s.githubToken];
  },

  "a PR that edits .github/mamori.yml to disable everything is scanned with the default branch's config": async (gh, probot) => {
    const s = makeSecrets();
    const base = gh.base({ ".github/mamori.yml": "language: en\nfailOn: high\n" });
    const head = gh.commit(base, {
      ".github/mamori.yml": "failOn: critical\npaths:\n  ignore: ['**']\npii:\n  enabled: false\nrules:\n  disable: [github-pat]\n",
      "deploy.sh": `export GITHUB_TOKEN=${s.githubToken}\n`,
    });
    await probot.receive(pullRequestPayload(gh, { base, head, changedFiles: 2 }));
    const run = gh.checkRun();
    expect(run.conclusion).toBe("failure");
    expect(run.annotations.some((a) => a.path === "deploy.sh")).toBe(true);
    const configReads = gh.requests.filter((r) => r.path.endsWith("/contents/.github/mamori.yml"));
    expect(configReads.length).toBeGreaterThan(0);
    for (const r of configReads) expect(r.query.get("ref")).toBeNull(); // default branch
    return [s.githubToken];
  },

  "an invalid config fails the check naming the file and the key": async (gh, probot) => {
    const base = gh.base({ ".github/mamori.yml": "failOn: high\nrules:\n  disabel: [github-pat]\n" });
    const head = gh.commit(base, { "a.txt": "hello\n" });
    await probot.receive(pullRequestPayload(gh, { base, head }));
    const run = gh.checkRun();
    expect(run.conclusion).toBe("failure");
    expect(run.output.title).toMatch(/Invalid Mamori configuration/);
    expect(run.output.summary).toContain("acme/widgets:.github/mamori.yml");
    expect(run.output.summary).toContain("rules.disabel");
    expect(run.output.summary).toMatch(/remove or rename `disabel`/);
    expect(run.output.summary).toMatch(/Re-run/);
    return [];
  },

  "a 120-file PR delivers every annotation in batches of 50": async (gh, probot) => {
    const base = gh.base({ "README.md": "# widgets\n" });
    const files: Record<string, string> = {};
    const planted: string[] = [];
    for (let i = 0; i < 120; i++) {
      const s = makeSecrets();
      // vary the token per file: the template is seeded, so derive a distinct body
      const token = s.githubToken;
      planted.push(token);
      files[`services/svc-${String(i).padStart(3, "0")}/settings.env`] = `NAME=svc-${i}\nGITHUB_TOKEN=${token}\n`;
    }
    const head = gh.commit(base, files);
    await probot.receive(pullRequestPayload(gh, { base, head, changedFiles: 120 }));
    const run = gh.checkRun();
    expect(run.conclusion).toBe("failure");
    expect(run.annotations).toHaveLength(120);
    const patches = gh.requests.filter((r) => r.method === "PATCH" && r.path.includes("/check-runs/"));
    const sizes = patches.map((p) => JSON.parse(p.body).output?.annotations?.length ?? 0);
    expect(sizes).toEqual([50, 50, 20]);
    expect(new Set(run.annotations.map((a) => a.path)).size).toBe(120);
    return [...new Set(planted)];
  },

  "a GitHub 500 on content fetch fails closed": async (gh, probot) => {
    const base = gh.base({ "README.md": "# widgets\n" });
    const head = gh.commit(base, { "exports/customers.csv": sjis(customerCsv(5)) });
    gh.fail("GET", /\/git\/blobs\//, 500);
    await probot.receive(pullRequestPayload(gh, { base, head }));
    const run = gh.checkRun();
    expect(run).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(run.output.title).toMatch(/could not finish/);
    expect(run.output.summary).toMatch(/answered 500/);
    expect(run.output.summary).toMatch(/Re-run/);
    return personsIn(customerCsv(5));
  },

  "only what the PR adds is reported, not what the base has": async (gh, probot) => {
    const old = customerCsv(4, 2);
    const base = gh.base({ "exports/customers.csv": old });
    const rows = customerCsv(6, 2); // the same 4 rows + 2 new ones
    const head = gh.commit(base, { "exports/customers.csv": rows });
    await probot.receive(pullRequestPayload(gh, { base, head }));
    const run = gh.checkRun();
    const lines = new Set(run.annotations.map((a) => a.start_line));
    expect([...lines].every((l) => (l as number) >= 6)).toBe(true);
    expect(run.output.summary).toMatch(/already on the base/);
    return personsIn(rows);
  },

  "a large file without a patch is read from its blob": async (gh, probot) => {
    const s = makeSecrets();
    gh.patchLimit = 1000;
    const base = gh.base({ "README.md": "# widgets\n" });
    const big = "x = 1\n".repeat(400) + `token = "${s.githubToken}"\n`;
    const head = gh.commit(base, { "src/generated.py": big });
    await probot.receive(pullRequestPayload(gh, { base, head }));
    const run = gh.checkRun();
    expect(run.conclusion).toBe("failure");
    expect(run.annotations[0]).toMatchObject({ path: "src/generated.py", start_line: 401 });
    return [s.githubToken];
  },

  "a push to the default branch fails with incident steps": async (gh, probot) => {
    const s = makeSecrets();
    const base = gh.base({ "README.md": "# widgets\n" });
    const head = gh.commit(base, { "ops/keys.env": envFile(s) });
    gh.branches.set("main", head);
    await probot.receive(pushPayload(gh, { ref: "refs/heads/main", before: base, after: head }));
    const run = gh.checkRun();
    expect(run.conclusion).toBe("failure");
    expect(run.output.summary).toMatch(/Incident steps/);
    expect(run.output.summary).toMatch(/already on the default branch/);
    return Object.values(s);
  },

  "tag pushes and branch deletions are ignored without error": async (gh, probot) => {
    gh.base({ "README.md": "# widgets\n" });
    const zero = "0".repeat(40);
    await probot.receive(pushPayload(gh, { ref: "refs/tags/v1.0.0", before: zero, after: "a".repeat(40), created: true }));
    await probot.receive(pushPayload(gh, { ref: "refs/heads/old", before: "b".repeat(40), after: zero, deleted: true }));
    expect(gh.requests).toEqual([]);
    return [];
  },

  "a new branch scans only commits not on the default branch": async (gh, probot) => {
    const s = makeSecrets();
    const base = gh.base({ "old.env": `GITHUB_TOKEN=${s.githubToken}\n` }); // already on main
    const head = gh.commit(base, { "notes.md": "hello\n" });
    await probot.receive(pushPayload(gh, { ref: "refs/heads/topic", before: "0".repeat(40), after: head, created: true }));
    const run = gh.checkRun();
    expect(run.conclusion).toBe("success");
    const commitReads = gh.requests.filter((r) => /\/commits\/[0-9a-f]{40}$/.test(r.path));
    expect(commitReads.map((r) => r.path.slice(-40))).toEqual([head]);
    expect(gh.requests.some((r) => r.path.includes(`/compare/main...${head}`))).toBe(true);
    return [s.githubToken];
  },

  "a branch with an open pull request is left to the pull request's events": async (gh, probot) => {
    const base = gh.base({ "README.md": "# widgets\n" });
    const head = gh.commit(base, { "a.txt": "x\n" });
    gh.pulls.push({ number: 3, head: "topic" });
    await probot.receive(pushPayload(gh, { ref: "refs/heads/topic", before: base, after: head }));
    expect(gh.checkRuns).toEqual([]);
    return [];
  },

  "a force push whose old head is gone scans against the default branch": async (gh, probot) => {
    const s = makeSecrets();
    const base = gh.base({ "README.md": "# widgets\n" });
    const head = gh.commit(base, { "a.env": `GITHUB_TOKEN=${s.githubToken}\n` });
    await probot.receive(pushPayload(gh, { ref: "refs/heads/topic", before: "c".repeat(40), after: head, forced: true }));
    expect(gh.checkRun().conclusion).toBe("failure");
    return [s.githubToken];
  },

  "re-runs update the one check run of the head commit": async (gh, probot) => {
    const s = makeSecrets();
    const base = gh.base({ "README.md": "# widgets\n" });
    const head = gh.commit(base, { ".env": envFile(s) });
    await probot.receive(pullRequestPayload(gh, { base, head }));
    await probot.receive(checkSuitePayload(gh, { head, branch: "feature", pulls: [{ number: 7, head, base }] }));
    await probot.receive(checkRunPayload(gh, { id: gh.checkRun().id, head, branch: "feature", pulls: [{ number: 7, head, base }] }));
    await probot.receive(checkRunPayload(gh, { id: 999, name: "other-app", head, branch: "feature" }));
    expect(gh.checkRuns).toHaveLength(1);
    const run = gh.checkRun();
    expect(run.conclusion).toBe("failure");
    expect(gh.requests.filter((r) => r.method === "POST" && r.path.endsWith("/check-runs"))).toHaveLength(1);
    expect(run.annotations.length).toBe(3); // GitHub appends annotations: a re-run sends only new ones
    expect(gh.requests.some((r) => r.path.endsWith(`/check-runs/${run.id}/annotations`))).toBe(true);
    return Object.values(s);
  },

  "a re-run after the secret was accepted adds no annotation and passes": async (gh, probot) => {
    const s = makeSecrets();
    const base = gh.base({ "README.md": "# widgets\n" });
    const head = gh.commit(base, { "deploy.sh": `export GITHUB_TOKEN=${s.githubToken}\n` });
    await probot.receive(pullRequestPayload(gh, { base, head }));
    const fingerprint = String(gh.checkRun().annotations[0].raw_details).match(/fingerprint: (\S+)/)![1];
    const main = gh.commit(base, { ".github/mamori.yml": `allow:\n  - fingerprint: ${fingerprint}\n    reason: rotated test token\n` });
    gh.branches.set("main", main);
    await probot.receive(checkSuitePayload(gh, { head, branch: "feature", pulls: [{ number: 7, head, base }] }));
    expect(gh.checkRun()).toMatchObject({ conclusion: "success" });
    expect(gh.checkRun().annotations).toHaveLength(1);
    return [s.githubToken];
  },

  "ignored paths cost no request": async (gh, probot) => {
    const base = gh.base({ ".github/mamori.yml": "paths:\n  ignore: ['fixtures/**']\n" });
    const head = gh.commit(base, { "fixtures/customers.csv": customerCsv(10), "src/a.ts": "export {};\n" });
    await probot.receive(pullRequestPayload(gh, { base, head, changedFiles: 2 }));
    expect(gh.checkRun().conclusion).toBe("success");
    expect(gh.requests.some((r) => r.path.includes("/git/blobs/"))).toBe(false);
    return personsIn(customerCsv(10));
  },

  "a renamed data file with added rows reports only the new rows": async (gh, probot) => {
    const base = gh.base({ "exports/old.csv": customerCsv(4, 3) });
    const head = gh.commit(base, { "exports/old.csv": null, "exports/customers-2024.csv": customerCsv(6, 3) });
    gh.renames.set(head, { "exports/customers-2024.csv": "exports/old.csv" });
    await probot.receive(pullRequestPayload(gh, { base, head }));
    const run = gh.checkRun();
    expect(run.annotations.length).toBeGreaterThan(0);
    expect(run.annotations.every((a) => (a.start_line as number) >= 6)).toBe(true);
    return personsIn(customerCsv(6, 3));
  },

  "a PR with 130 commits is read through the compare pages, every commit scanned": async (gh, probot) => {
    const s = makeSecrets();
    const base = gh.base({ "log.txt": "start\n" });
    let head = base;
    let text = "start\n";
    for (let i = 1; i <= 130; i++) {
      text += i === 65 ? `token=${s.githubToken}\n` : `line ${i}\n`;
      if (i === 66) text = text.replace(`token=${s.githubToken}\n`, "");
      head = gh.commit(head, { "log.txt": text });
    }
    await probot.receive(pullRequestPayload(gh, { base, head }));
    const run = gh.checkRun();
    expect(run.conclusion).toBe("failure");
    expect(run.output.summary).toMatch(/removed in [0-9a-f]{7}, still in history/);
    expect(gh.requests.filter((r) => r.path.includes("/compare/")).map((r) => r.query.get("page"))).toEqual(["1", "2"]);
    expect(gh.requests.filter((r) => /\/commits\/[0-9a-f]{40}$/.test(r.path))).toHaveLength(130);
    return [s.githubToken];
  },

  "a commit past GitHub's 3,000-file list is read through the trees": async (gh, probot) => {
    const s = makeSecrets();
    const base = gh.base({ "README.md": "# widgets\n" });
    const files: Record<string, string> = {};
    for (let i = 0; i < 3005; i++) files[`gen/f${String(i).padStart(4, "0")}.txt`] = `n=${i}\n`;
    files["gen/zz-secret.env"] = `GITHUB_TOKEN=${s.githubToken}\n`;
    const head = gh.commit(base, files);
    await probot.receive(pullRequestPayload(gh, { base, head, changedFiles: 3006 }));
    const run = gh.checkRun();
    expect(run.conclusion).toBe("failure");
    expect(run.annotations.map((a) => a.path)).toEqual(["gen/zz-secret.env"]); // the 3,006th file, not in the listed 3,000
    expect(gh.requests.filter((r) => r.path.includes("/git/trees/"))).toHaveLength(2);
    return [s.githubToken];
  },

  "a scan that outlives its time limit fails closed": async (gh, probot) => {
    const base = gh.base({ "README.md": "# widgets\n" });
    const head = gh.commit(base, { "a.txt": "x\n" });
    gh.slow(/\/compare\//, 400);
    process.env.MAMORI_JOB_TIMEOUT_MS = "100";
    try {
      await probot.receive(pullRequestPayload(gh, { base, head }));
    } finally {
      delete process.env.MAMORI_JOB_TIMEOUT_MS;
    }
    const run = gh.checkRun();
    expect(run).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(run.output.summary).toMatch(/did not finish within/);
    return [];
  },

  "invalid YAML fails the check naming the file": async (gh, probot) => {
    const base = gh.base({ ".github/mamori.yml": "failOn: [high\nrules: {\n" });
    const head = gh.commit(base, { "a.txt": "x\n" });
    await probot.receive(pullRequestPayload(gh, { base, head }));
    const run = gh.checkRun();
    expect(run.conclusion).toBe("failure");
    expect(run.output.summary).toMatch(/\.github\/mamori\.yml/);
    expect(run.output.summary).toMatch(/YAML/);
    return [];
  },

  "organisation defaults apply through _extends": async (gh, probot) => {
    const s = makeSecrets();
    gh.orgFiles.set(".github/mamori.yml", "language: ja\n");
    const base = gh.base({ ".github/mamori.yml": "_extends: .github\nfailOn: high\n" });
    const head = gh.commit(base, { ".env": envFile(s) });
    await probot.receive(pullRequestPayload(gh, { base, head }));
    expect(gh.checkRun().output.title).toMatch(/件を検出/);
    expect(gh.checkRun().output.summary).toContain("acme/.github:.github/mamori.yml");
    return Object.values(s);
  },

  "a PR that merged the base branch in is not blamed for the base's content": async (gh, probot) => {
    const s = makeSecrets();
    const base0 = gh.base({ "README.md": "# widgets\n" });
    const pr1 = gh.commit(base0, { "src/a.ts": "export const a = 1;\n" });
    const main1 = gh.commit(base0, { "legacy/old.env": `GITHUB_TOKEN=${s.githubToken}\n` }); // on main, not the PR's doing
    gh.branches.set("main", main1);
    const merge = gh.commit(pr1, { "legacy/old.env": `GITHUB_TOKEN=${s.githubToken}\n` }, [main1]);
    await probot.receive(pullRequestPayload(gh, { base: main1, head: merge, action: "synchronize" }));
    expect(gh.checkRun().conclusion).toBe("success");
    return [s.githubToken];
  },

  "the first push of a repository scans its history": async (gh, probot) => {
    const s = makeSecrets();
    const c1 = gh.commit(null, { "README.md": "# widgets\n" });
    const c2 = gh.commit(c1, { "ops/.env": envFile(s) });
    gh.branches.set("main", c2);
    await probot.receive(pushPayload(gh, { ref: "refs/heads/main", before: "0".repeat(40), after: c2, created: true }));
    expect(gh.checkRun()).toMatchObject({ conclusion: "failure", head_sha: c2 });
    expect(gh.requests.some((r) => r.path === `/repos/${gh.owner}/${gh.repo}/commits` && r.query.get("sha") === c2)).toBe(true);
    return Object.values(s);
  },

  "a failed check-run lookup still gives one completed check": async (gh, probot) => {
    const base = gh.base({ "README.md": "# widgets\n" });
    const head = gh.commit(base, { "a.txt": "x\n" });
    gh.fail("GET", /\/check-runs$/, 502);
    await probot.receive(pullRequestPayload(gh, { base, head }));
    expect(gh.checkRun()).toMatchObject({ status: "completed", conclusion: "success" });
    return [];
  },

  "organisation locks keep a repository from loosening rules and failOn": async (gh, probot) => {
    const s = makeSecrets();
    gh.orgFiles.set(".github/mamori.yml", "failOn: high\nlocks:\n  rules: true\n  failOn: true\n  paths: true\n");
    const base = gh.base({ ".github/mamori.yml": "failOn: critical\nrules:\n  disable: [github-pat]\npaths:\n  ignore: ['ci/**']\n" });
    const head = gh.commit(base, { "ci/deploy.env": `GITHUB_TOKEN=${s.githubToken}\n` });
    await probot.receive(pullRequestPayload(gh, { base, head }));
    const run = gh.checkRun();
    expect(run.conclusion).toBe("failure");
    expect(run.output.summary).toMatch(/Locked by the organisation's policy/);
    expect(run.output.summary).toContain("`rules.disable`");
    return [s.githubToken];
  },

  "files with 'opaque' extensions are read; text behind a binary prefix is scanned, real binaries are listed (issue 11, item 6)": async (gh, probot) => {
    const s = makeSecrets();
    const base = gh.base({ "README.md": "# widgets\n" });
    const png = new Uint8Array(2048).map((_, i) => (i * 131 + 7) & 0xff);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const disguised = new Uint8Array([0, 0, 0x0a, ...new TextEncoder().encode(envFile(s))]); // a NUL prefix: GitHub shows no patch
    const head = gh.commit(base, { "firmware.bin": disguised, "docs/logo.png": png, "notes.pdf": `%PDF-1.7\n${envFile(s)}` });
    await probot.receive(pullRequestPayload(gh, { base, head }));
    const run = gh.checkRun();
    expect(run.conclusion).toBe("failure");
    expect(new Set(run.annotations.map((a) => a.path))).toEqual(new Set(["firmware.bin", "notes.pdf"]));
    expect(run.output.summary).toMatch(/`docs\/logo\.png`: binary/);
    return Object.values(s);
  },

  "a file that cannot be read makes the check fail as incomplete; scan.incomplete: pass accepts it (issue 11, item 7)": async (gh, probot) => {
    const corrupt = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...Array.from({ length: 60 }, (_, i) => (i * 37) & 0xff)]);
    const base = gh.base({ "README.md": "# widgets\n" });
    const head = gh.commit(base, { "backup.zip": corrupt, "src/a.ts": "export const a = 1;\n" });
    await probot.receive(pullRequestPayload(gh, { base, head }));
    const run = gh.checkRun();
    expect(run.conclusion).toBe("failure");
    expect(run.output.title).toBe("Incomplete scan: 1 file could not be read");
    expect(run.output.summary).toMatch(/`backup\.zip`: corrupt archive/);
    expect(run.output.summary).toMatch(/scan\.incomplete: pass/);

    const accepting = gh.commit(base, { ".github/mamori.yml": "scan:\n  incomplete: pass\n" });
    gh.branches.set("main", accepting);
    const head2 = gh.commit(accepting, { "backup.zip": corrupt });
    await probot.receive(pullRequestPayload(gh, { base: accepting, head: head2 }));
    const second = gh.checkRuns.find((c) => c.head_sha === head2)!;
    expect(second.conclusion).toBe("success");
    expect(second.output.summary).toMatch(/accepted by `scan\.incomplete: pass`/);
    return [];
  },

  "config errors in the check summary never quote a value: a token as a rule id, a key as a key, a custom rule's sample (issue 11, item 3)": async (gh, probot) => {
    const s = makeSecrets();
    const sample = `token = acme_${expandTemplate("{{base62:32}}")}`;
    const custom = ["custom:", "  - id: acme-token", "    title: { en: Acme token, ja: Acme トークン }", "    remediation: { en: Revoke it., ja: 無効化してください。 }", "    category: secret", "    kind: acme-token", "    severity: high", "    keywords: [acme_]", "    pattern: 'acme_[a-f0-9]{40}'", "    samples:", `      match: ['${sample}']`, "      nomatch: ['token = acme_short']", ""].join("\n");
    const configs = [`rules:\n  disable: ["${s.githubToken}"]\n`, `${s.awsKeyId}: 1\n`, custom, `failOn: [high\ngithub_token: ${s.githubToken}\n`];
    const expected = [/unknown rule id/, /invalid configuration/i, /samples\.match\[0\] gives no finding/, /not valid YAML/];
    await eachBrokenConfig(gh, probot, configs, (summary, i) => expect(summary).toMatch(expected[i]));
    return [s.githubToken, s.awsKeyId, sample.slice(8)];
  },

  "a broken config holding a bare phone number, My Number, e-mail, name and token quotes none of them (issue 11, item 3)": async (gh, probot) => {
    const s = makeSecrets();
    const phone = expandTemplate("{{mobile}}");
    const myNumber = expandTemplate("{{mynumber}}");
    const email = `${expandTemplate("{{lower:5}}")}.${expandTemplate("{{lower:6}}")}@gmail.com`;
    const name = expandTemplate("{{sei}} {{mei}}");
    const configs = [
      `rules:\n  disable: ["${myNumber}", "${phone}", "${email}", "${s.githubToken}", "${name}"]\n`,
      `${myNumber}: 1\n"${phone}": 2\n"${email}": 3\n${s.githubToken}: 4\n${name}: 5\n`,
      `failOn: [high\n${phone}: ${myNumber}\nnote: ${email} ${s.githubToken}\n`,
    ];
    await eachBrokenConfig(gh, probot, configs, (summary) => {
      for (const value of [phone, myNumber, email, name]) expect(summary, summary).not.toContain(value);
    });
    return [phone, myNumber, email, name, s.githubToken];
  },

  "Japanese output when the config says language: ja": async (gh, probot) => {
    const s = makeSecrets();
    const base = gh.base({ ".github/mamori.yml": "language: ja\n" });
    const head = gh.commit(base, { ".env": envFile(s) });
    await probot.receive(pullRequestPayload(gh, { base, head }));
    const run = gh.checkRun();
    expect(run.output.title).toMatch(/件を検出/);
    expect(run.output.summary).toMatch(/このチェックは失敗です/);
    return Object.values(s);
  },
};
