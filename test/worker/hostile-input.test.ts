import nock from "nock";
import { zipSync } from "fflate";
import { createTarGzip } from "nanotar";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeGitHub } from "../app/helpers/fake-github.js";
import { makeProbot } from "../app/helpers/make-probot.js";
import { pullRequestPayload } from "../app/helpers/payloads.js";
import { makeSecrets } from "../app/helpers/samples.js";

let gh: FakeGitHub;
beforeEach(() => {
  nock.disableNetConnect();
  gh = new FakeGitHub(); // each test installs it after its own interceptors (nock answers in order)
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe("hostile input from a repository", () => {
  it("a custom rule RE2 cannot compile fails the check as a configuration error naming the rule", async () => {
    const config = [
      "custom:",
      "  - id: internal-token",
      "    title: { en: Internal token, ja: 社内トークン }",
      "    remediation: { en: Rotate it., ja: 再発行してください。 }",
      "    category: secret",
      "    kind: internal-token",
      "    severity: high",
      "    pattern: '(?<=token=)[a-z0-9]{32}'",
      "    samples: { match: ['token=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'], nomatch: ['token=short'] }",
      "",
    ].join("\n");
    const base = gh.base({ "README.md": "# widgets\n", ".github/mamori.yml": config });
    const head = gh.commit(base, { "src/a.ts": "export const a = 1;\n" });
    gh.install();
    const { probot } = await makeProbot();
    await probot.receive(pullRequestPayload(gh, { base, head }));
    const run = gh.checkRun();
    expect(run).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(run.output.summary).toMatch(/internal-token/);
    expect(run.output.summary).toMatch(/RE2/);
  });

  it("a catastrophic custom pattern runs in linear time on RE2 and the scan completes", async () => {
    const config = [
      "custom:",
      "  - id: nested-quantifier",
      "    title: { en: Nested, ja: 入れ子 }",
      "    remediation: { en: Remove it., ja: 削除してください。 }",
      "    category: secret",
      "    kind: internal-token",
      "    severity: high",
      "    pattern: '^(a+)+$'",
      "    flags: m",
      "    samples: { match: ['aaaa'], nomatch: ['b'] }",
      "",
    ].join("\n");
    const base = gh.base({ "README.md": "# widgets\n", ".github/mamori.yml": config });
    const head = gh.commit(base, { "notes.txt": `${"a".repeat(50_000)}b\n` });
    gh.install();
    const { probot } = await makeProbot();
    const started = Date.now();
    await probot.receive(pullRequestPayload(gh, { base, head }));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(gh.checkRun()).toMatchObject({ status: "completed", conclusion: "success" });
  });

  it("a zip bomb in a pull request is refused, named in the check, and the scan completes", async () => {
    const bomb = zipSync({ "zeros.csv": new Uint8Array(4 * 1024 * 1024) }, { level: 9 });
    const base = gh.base({ "README.md": "# widgets\n" });
    const head = gh.commit(base, { "exports/archive.zip": bomb });
    gh.install();
    const { probot } = await makeProbot();
    await probot.receive(pullRequestPayload(gh, { base, head }));
    const run = gh.checkRun();
    expect(run.status).toBe("completed");
    expect(run.output.summary).toMatch(/exports\/archive\.zip.*compression ratio/);
  });

  it("a 10,000-file pull request completes within a request budget", { timeout: 120_000 }, async () => {
    const s = makeSecrets();
    const base = gh.base({ "README.md": "# widgets\n" });
    const files: Record<string, string> = {};
    for (let i = 0; i < 10_000; i++) files[`src/gen/module-${String(i).padStart(5, "0")}.ts`] = `export const value${i} = ${i};\n`;
    files["src/gen/config.env"] = `GITHUB_TOKEN=${s.githubToken}\n`;
    const head = gh.commit(base, files);
    // GitHub's tarball of the head (one request; real GitHub redirects to codeload).
    let tarballs = 0;
    nock("https://api.github.com")
      .get(new RegExp(`^/repos/acme/widgets/tarball/${head}$`))
      .reply(async () => {
        tarballs++;
        const entries = [...gh.commits.get(head)!.files].map(([path, data]) => ({ name: `acme-widgets-${head.slice(0, 7)}/${path}`, data }));
        return [200, Buffer.from(await createTarGzip(entries)), { "content-type": "application/x-gzip" }];
      });
    gh.install();
    const { probot } = await makeProbot();
    const started = Date.now();
    await probot.receive(pullRequestPayload(gh, { base, head, changedFiles: 10_001 }));
    const run = gh.checkRun();
    expect(run).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(run.annotations.some((a) => a.path === "src/gen/config.env")).toBe(true);
    // Commit listing stops at 3,000 files, so the tree diff is read; the content comes from one tarball.
    expect(tarballs).toBe(1);
    expect(gh.requests.filter((r) => r.path.includes("/git/blobs/"))).toEqual([]);
    if (process.env.MAMORI_SHOW_COUNTS) console.log(`10,001-file PR: ${gh.requests.length} requests`);
    expect(gh.requests.length).toBeLessThan(50);
    expect(Date.now() - started).toBeLessThan(60_000);
  });
});
