import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PERSONS_COLOR, SEVERITY_COLOR } from "../../src/report/to-html.js";
import { expandTemplate } from "../helpers/expand-template.js";
import { runCliCapture } from "../helpers/run-cli-capture.js";

// The HTML report in a real headless Chromium (Debian's `chromium` package; .ci/run installs it).
// Outside CI a machine without it skips these tests with a message; in CI (CI=true) they must run.
const CHROMIUM = process.env.MAMORI_CHROMIUM ?? "/usr/bin/chromium";
const present = existsSync(CHROMIUM);
if (!present && process.env.CI !== "true") {
  console.warn(`to-html.chromium.test.ts: skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set MAMORI_CHROMIUM)`);
}

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

describe.skipIf(!present && process.env.CI !== "true")("HTML report in headless Chromium", () => {
  const work = mkdtempSync(join(tmpdir(), "mamori-html-"));
  const repo = join(work, "repo");
  const reportFile = join(work, "report.html");
  const raw: string[] = [];
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    // A customer export and a settings file with a token, generated now (nothing real is committed).
    const rows = Array.from({ length: 12 }, (_, i) => expandTemplate(`${1001 + i},{{sei}} {{mei}},{{mobile}},{{mynumber}}#${i}`).replace(/#\d+$/, ""));
    const token = expandTemplate("ghp_{{base62:30}}{{crc32-github}}");
    mkdirSync(join(repo, "exports"), { recursive: true });
    writeFileSync(join(repo, "exports", "customers.csv"), `顧客ID,氏名,電話番号,個人番号\n${rows.join("\n")}\n`);
    writeFileSync(join(repo, "settings.env"), `GITHUB_TOKEN=${token}\n`);
    for (const r of rows) raw.push(...r.split(",").slice(1));
    raw.push(token);

    const { code, stderr } = await runCliCapture(["scan", repo, "--format", "html", "--output", reportFile, "--lang", "ja"]);
    expect(stderr).toBe("");
    expect(code).toBe(1);

    context = await chromium.launchPersistentContext(mkdtempSync(join(work, "profile-")), {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: 1280, height: 900 },
    });
    // Anything but the file itself is a network load the report must not make.
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("file:")) return route.continue();
      requests.push(url);
      return route.abort();
    });
    page = await context.newPage();
    await page.goto(pathToFileURL(reportFile).href);
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it("renders the impact block, both charts and the findings table", async () => {
    await expect(page.locator("#impact .headline").innerText()).resolves.toContain("本人");
    await expect(page.locator("#impact .card.persons .value").innerText()).resolves.toBe("12");
    for (const id of ["#chart-kinds", "#chart-persons"]) {
      const box = await page.locator(id).boundingBox();
      expect(box, id).not.toBeNull();
      expect(box!.width).toBeGreaterThan(100);
      expect(box!.height).toBeGreaterThan(20);
      expect(await page.locator(`${id} rect`).count()).toBeGreaterThan(0);
    }
    const rows = page.locator("#findings-table tbody tr");
    expect(await rows.count()).toBeGreaterThanOrEqual(3);
    await expect(rows.first().locator(".preview").innerText()).resolves.toMatch(/\*/);
    expect(requests).toEqual([]);
  });

  it("filters the table by severity, kind and text", async () => {
    const rows = page.locator("#findings-table tbody tr");
    const total = await rows.count();
    const visible = () => page.locator("#findings-table tbody tr:not([hidden])");
    await page.selectOption("#filter-category", "secret");
    expect(await visible().count()).toBe(1);
    await expect(visible().first().innerText()).resolves.toContain("github");
    await expect(page.locator("#filter-count").innerText()).resolves.toBe("1");
    await page.selectOption("#filter-category", "");
    await page.fill("#filter-text", "customers.csv");
    const csvRows = await visible().count();
    expect(csvRows).toBeGreaterThan(0);
    expect(csvRows).toBeLessThan(total);
    await page.fill("#filter-text", "");
    // A bar of the kinds chart filters the table by its kind.
    await page.locator('#chart-kinds .bar[data-kind="my-number"]').click();
    await expect(page.locator("#filter-kind").inputValue()).resolves.toBe("my-number");
    const kinds = await visible().evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.kind));
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(["my-number"]));
    await page.selectOption("#filter-kind", "");
    expect(await visible().count()).toBe(total);
  });

  it("has no raw value anywhere in the DOM", async () => {
    const html = await page.content();
    const text = await page.locator("body").innerText();
    const leaked = raw.filter((v) => v.length >= 4 && (html.includes(v) || text.includes(v)));
    expect(leaked).toEqual([]);
    expect(readFileSync(reportFile, "utf8")).not.toMatch(/(?:src|href)=["']?https?:/);
  });

  it("draws the charts in their colours (screenshot)", async () => {
    const shot = await page.locator("#charts").screenshot();
    if (process.env.MAMORI_SCREENSHOT_DIR) writeFileSync(join(process.env.MAMORI_SCREENSHOT_DIR, "mamori-report-charts.png"), shot);
    // Decode the PNG in the browser (a canvas in a blank page) and count pixels near each colour.
    const blank = await context.newPage();
    const counts = await blank.evaluate(
      async ({ png, colors }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${png}`;
        await img.decode();
        const canvas = document.createElement("canvas");
        canvas.width = img.width;
        canvas.height = img.height;
        const ctx = canvas.getContext("2d")!;
        ctx.drawImage(img, 0, 0);
        const data = ctx.getImageData(0, 0, img.width, img.height).data;
        const targets = colors.map((c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)));
        const hits = colors.map(() => 0);
        let nonWhite = 0;
        for (let p = 0; p < data.length; p += 4) {
          if (data[p] < 240 || data[p + 1] < 240 || data[p + 2] < 240) nonWhite++;
          targets.forEach((t, i) => {
            if (Math.abs(data[p] - t[0]) + Math.abs(data[p + 1] - t[1]) + Math.abs(data[p + 2] - t[2]) < 24) hits[i]++;
          });
        }
        return { hits, nonWhite, pixels: data.length / 4 };
      },
      { png: shot.toString("base64"), colors: [SEVERITY_COLOR.critical, SEVERITY_COLOR.medium, PERSONS_COLOR] },
    );
    await blank.close();
    expect(counts.pixels).toBeGreaterThan(10_000);
    expect(counts.nonWhite / counts.pixels).toBeGreaterThan(0.03);
    // The token is critical, the phone numbers medium, and the persons chart has its bar.
    expect(counts.hits[0]).toBeGreaterThan(50);
    expect(counts.hits[1]).toBeGreaterThan(50);
    expect(counts.hits[2]).toBeGreaterThan(50);
  });
});
