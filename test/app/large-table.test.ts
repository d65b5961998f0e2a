import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fakePersons } from "../helpers/fake-person.js";
import { FakeGitHub } from "./helpers/fake-github.js";
import { largeFile } from "./helpers/large-file.js";
import { makeProbot } from "./helpers/make-probot.js";
import { pullRequestPayload } from "./helpers/payloads.js";

let gh: FakeGitHub;
beforeEach(() => {
  nock.disableNetConnect();
  gh = new FakeGitHub();
  gh.install();
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

const MB = 1024 * 1024;
const PERSONS = 2000;

// Issue 12 (done-when): a 50 MB CSV in a pull request completes with a handful of annotations —
// one per personal column, not one per cell — and the exact persons count. The export is built
// here: 2,000 generated customers (unique phones), then order rows without personal data up to
// 50 MB.
describe("a 50 MB customer export in a pull request", () => {
  it("gives one annotation per personal column on its first row and counts 2,000 persons", { timeout: 600_000 }, async () => {
    const people = fakePersons(PERSONS, 50);
    const phone = (i: number) => `090-${3000 + i}-${String(8000 - i).padStart(4, "0")}`;
    const head = ["顧客ID,氏名,電話番号,金額,状態", ...people.map((p, i) => `C${String(i + 1).padStart(6, "0")},${p.sei} ${p.mei},${phone(i)},${1000 + i},shipped`), ""].join("\n");
    const { bytes } = largeFile(50 * MB, { head, filler: ",,,1200,shipped" });
    const base = gh.base({ "README.md": "# widgets\n" });
    const commit = gh.commit(base, { "exports/customers.csv": bytes });
    const { probot, logs } = await makeProbot();
    await probot.receive(pullRequestPayload(gh, { base, head: commit }));
    const run = gh.checkRun();
    expect(run.conclusion, run.output.summary).toBe("failure");
    expect(run.output.summary).not.toMatch(/could not finish|Incomplete/i);
    // A handful of annotations: the name and phone columns, each on row 2.
    expect(run.annotations.map((a) => [a.path, a.start_line, a.end_line])).toEqual([
      ["exports/customers.csv", 2, 2],
      ["exports/customers.csv", 2, 2],
    ]);
    expect(run.annotations.map((a) => a.message).join("\n")).toContain(`column 電話番号: ${PERSONS.toLocaleString("en-US")} phone numbers, rows 2–${(PERSONS + 1).toLocaleString("en-US")}`);
    // The exact persons count, from every row.
    expect(run.output.title).toMatch(new RegExp(`${PERSONS.toLocaleString("en-US")} persons`));
    expect(run.output.summary).toContain(`| 氏名 | names | ${PERSONS.toLocaleString("en-US")} | 2–${(PERSONS + 1).toLocaleString("en-US")} |`);
    expect(gh.invalid).toEqual([]);
    const sent = gh.allSent() + logs.join("");
    for (const [i, p] of people.entries()) {
      expect(sent).not.toContain(phone(i));
      expect(sent).not.toContain(`${p.sei} ${p.mei}`);
    }
  });
});
