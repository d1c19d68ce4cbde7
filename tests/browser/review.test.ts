// The review in real Chromium, on sites of their own built from the seed reports with two
// low-confidence mentions (tests/fixtures/review/lowConfidence.ts): a 待核实 figure and the
// 未计入的数字 section on a profile, an uncounted number's link landing on its highlighted
// sentence, the review page without and with JavaScript, and rows copied from it and appended to a
// corrections file building into 已核实 and 人工校正 figures that have left the review page.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { CORRECTIONS_HEADER } from "../../src/lib/site/review.ts";
import { markLow } from "../fixtures/review/lowConfidence.ts";
import type { Browser } from "playwright-core";
import { guardedContext, launchChromium, offsiteMessage, ROOT, startServer, type GuardedContext, type StaticServer } from "./server.ts";
import { browserSession, removeScratch } from "./session.ts";

const SEEDS = join(ROOT, "tests", "fixtures", "reports", "seeds");
const WANGCUN = "/townships/140423106-2024/";
const SHASHI = "/townships/500235123-2024/";

let tmp = "";

/** Extracts the seeds (with `corrections`), marks the fixture's mentions low, builds the site; returns dist. */
function buildSite(name: string, corrections: string, env: Record<string, string> = {}): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  const out = join(dir, "reports.json");
  const csv = join(dir, "corrections.csv");
  writeFileSync(csv, corrections);
  const all = { ...process.env, FZZL_REPORTS_DIR: SEEDS, FZZL_OUT: out, FZZL_CORRECTIONS: csv, ...env };
  const x = spawnSync(join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/extract.ts"], { cwd: ROOT, env: all, encoding: "utf8", timeout: 120_000 });
  if (x.status !== 0) throw new Error(`extract failed:\n${x.stderr}`);
  const index = JSON.parse(readFileSync(out, "utf8")) as { reports: Parameters<typeof markLow>[0] };
  expect(markLow(index.reports)).toBe(3);
  writeFileSync(out, JSON.stringify(index));
  const b = spawnSync(join(ROOT, "node_modules", ".bin", "astro"), ["build", "--outDir", join(dir, "dist")], { cwd: ROOT, env: all, encoding: "utf8", timeout: 240_000, maxBuffer: 64 * 1024 * 1024 });
  if (b.status !== 0) throw new Error(`astro build failed:\n${`${b.stdout}\n${b.stderr}`.split("\n").slice(-40).join("\n")}`);
  return join(dir, "dist");
}

const session = browserSession({
  prepare: () => {
    mkdirSync(join(ROOT, "tmp"), { recursive: true });
    tmp = mkdtempSync(join(ROOT, "tmp", "review-"));
    return buildSite("before", `${CORRECTIONS_HEADER}\n`);
  },
  timeout: 300_000,
  cleanup: () => removeScratch(tmp),
});

async function visit(page: Page, url: string): Promise<void> {
  const res = await page.goto(url);
  expect(res?.status(), url).toBe(200);
}

async function axeClean(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${v.help} — ${n.target.join(" ")}`))).toEqual([]);
}

async function noSideways(page: Page, url: string): Promise<void> {
  await visit(page, url);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(321);
}

describe("a profile", () => {
  it("marks a low-confidence figure 待核实 with its reason in plain Chinese", async () => {
    const page = await session.newPage();
    await visit(page, WANGCUN);
    const li = page.locator("#i-enforcement_inspections");
    expect(await li.locator(".tag.to-check").first().innerText()).toBe("待核实");
    expect(await li.locator(".to-check-reason").innerText()).toContain("“巡查”也可能是日常巡逻，不一定是行政执法检查");
    // a figure read with confidence is not marked
    expect(await page.locator("#i-disputes_handled .tag.to-check").count()).toBe(0);
  });

  it("lists the uncounted numbers with why, and a link lands on the number highlighted in the full text", async () => {
    const page = await session.newPage();
    await visit(page, SHASHI);
    const items = page.locator("ul.uncounted > li");
    expect(await items.count()).toBeGreaterThan(0);
    const first = items.first();
    const written = await first.locator("a .num").innerText();
    expect(await first.innerText()).toMatch(/：.+/);
    await first.locator("a").click();
    const hash = await page.evaluate(() => location.hash);
    expect(hash).toMatch(/^#e\d+-\d+$/);
    const target = page.locator(hash);
    expect(await target.evaluate((el) => el.tagName)).toBe("MARK");
    expect(await target.getAttribute("class")).toBe("uncounted");
    expect(await target.innerText()).toBe(written);
    expect(await page.evaluate(() => document.querySelector(":target")?.id)).toBe(hash.slice(1));
    const box = await target.boundingBox();
    const viewport = page.viewportSize()!;
    expect(box && box.y >= 0 && box.y < viewport.height).toBe(true);
    // its mark is outlined (as evidence is marked), not plain text
    expect(await target.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");
  });
});

describe("the review page", () => {
  it("is complete without JavaScript: every item with its row as selectable text, no buttons or filters", async () => {
    const page = await session.newPage({ javaScriptEnabled: false });
    await visit(page, "/review/");
    const figures = page.locator(".review-item[data-kind=figure]");
    expect(await figures.count()).toBe(3);
    expect(await page.locator("#f-140423106-2024-enforcement_inspections code.review-row").innerText()).toBe("140423106,王村镇,2024,enforcement_inspections,102,不少于,,,,已核实");
    expect(await page.locator(".review-item[data-kind=uncounted]").count()).toBeGreaterThan(0);
    expect(await page.locator("button.copy-row:visible").count()).toBe(0);
    expect(await page.locator("form.table-filter").isVisible()).toBe(false);
    // grouped by county, with its counts
    expect(await page.locator("section[data-county='140423'] h2").innerText()).toMatch(/襄垣县（待核实的数字 1 个，未计入的数字 \d+ 个）/);
    // the download is there
    expect(await page.locator('a[href="/data/review.csv"]').count()).toBe(1);
  });

  it("with JavaScript: filters by county, indicator and kind, and copies a row", async () => {
    const { page, guard } = await session.newGuardedPage();
    await guard.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: session.server.origin });
    await visit(page, "/review/");
    const form = page.locator("#review-form");
    expect(await form.isVisible()).toBe(true);
    const visible = () => page.locator(".review-item:visible").count();
    const all = await visible();
    await form.locator('input[name=kind][value=figure]').uncheck();
    expect(await page.locator(".review-item[data-kind=figure]:visible").count()).toBe(0);
    expect(await visible()).toBe(all - 3);
    await form.locator('input[name=kind][value=figure]').check();
    await form.locator("input[name=county][value='140423']").uncheck();
    expect(await page.locator("section[data-county='140423']").isVisible()).toBe(false);
    await form.locator("input[name=county][value='140423']").check();
    await form.locator('button[data-none=indicator]').click();
    expect(await visible()).toBe(0);
    await form.locator('input[name=indicator][value=enforcement_inspections]').check();
    expect(await visible()).toBe(1);
    await form.locator('button[data-all=indicator]').click();
    // copy
    const item = page.locator("#f-140423106-2024-enforcement_inspections");
    await item.locator("button.copy-row").click();
    await expect.poll(() => page.locator("#review-list-copied").innerText()).toContain("已复制");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("140423106,王村镇,2024,enforcement_inspections,102,不少于,,,,已核实");
  });

  it("axe finds nothing, and no new page scrolls sideways at 320 px", async () => {
    for (const url of ["/review/", WANGCUN, "/quality/"]) {
      const page = await session.newPage();
      await visit(page, url);
      await axeClean(page);
    }
    const page = await session.newPage({ viewport: { width: 320, height: 640 } });
    for (const url of ["/review/", WANGCUN, SHASHI, "/quality/"]) await noSideways(page, url);
  });
});

describe("rows copied from the review page and appended to a corrections file", () => {
  it(
    "build into an 已核实 and a 人工校正 figure that have left the review page (a site of its own, paged by county)",
    async () => {
      const { page, guard } = await session.newGuardedPage();
      await guard.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: session.server.origin });
      await visit(page, "/review/");
      const copy = async (id: string) => {
        await page.locator(`#${id} button.copy-row`).first().click();
        return page.evaluate(() => navigator.clipboard.readText());
      };
      const confirm = await copy("f-140423106-2024-enforcement_inspections");
      const correct = await copy("f-500235123-2024-publicity_events");
      // as a person fills them in: reason, who, date; the second one's value changed and 已核实 removed
      const lines = [
        CORRECTIONS_HEADER,
        confirm.replace(/,,,,已核实$/, ",对照巡查台账无误,张三,2025-03-01,已核实"),
        correct.replace(/,(\d+),(确数|不少于),,,,已核实$/, (_m, v: string, q: string) => `,${Number(v) - 2},${q},重复计入2场,李四,2025-03-02,`),
      ];
      const dist = buildSite("after", `${lines.join("\n")}\n`, { FZZL_REVIEW_LIMIT: "2" });
      // the new site on a server and in a Chromium of its own (the session's guard allows only its own server)
      let server: StaticServer | undefined;
      let browser: Browser | undefined;
      const guards: GuardedContext[] = [];
      const pageOn = async (options = {}) => {
        const g = await guardedContext(browser!, server!.origin, options);
        guards.push(g);
        return g.context.newPage();
      };
      try {
        server = await startServer(dist);
        browser = await launchChromium();
        const p = await pageOn();
        await visit(p, WANGCUN);
        const v = p.locator("#i-enforcement_inspections");
        expect(await v.locator(".tag.verified").innerText()).toBe("已核实");
        expect(await v.innerText()).toContain("已核实：对照巡查台账无误（张三，2025-03-01）");
        expect(await v.locator(".tag.to-check").count()).toBe(0);
        await visit(p, SHASHI);
        expect(await p.locator("#i-publicity_events .tag.corrected").innerText()).toBe("人工校正");
        // the review: paged by county above FZZL_REVIEW_LIMIT; neither figure is listed any more
        await visit(p, "/review/");
        expect(await p.locator("table a[href^='/review/']").count()).toBeGreaterThan(0);
        const pages = readdirSync(join(dist, "review"), { recursive: true }).map(String).filter((f) => f.endsWith(".html"));
        let html = "";
        for (const f of pages) {
          const size = statSync(join(dist, "review", f)).size;
          expect(size, f).toBeLessThan(200 * 1024);
          html += readFileSync(join(dist, "review", f), "utf8");
        }
        expect(html).not.toContain('id="f-140423106-2024-enforcement_inspections"');
        expect(html).not.toContain('id="f-500235123-2024-publicity_events"');
        // a county page is axe-clean and fits 320 px
        const county = `/review/${pages.find((f) => f !== "index.html")!.replace(/index\.html$/, "")}`;
        await visit(p, county);
        await axeClean(p);
        await noSideways(await pageOn({ viewport: { width: 320, height: 640 } }), county);
        // 数据质量 counts them per county
        await visit(p, "/quality/");
        const rows = await p.locator("#review-counts tbody tr").allInnerTexts();
        expect(rows.find((r) => r.includes("襄垣县"))).toMatch(/襄垣县\s+1\s+0\s+0/);
        expect(rows.find((r) => r.includes("云阳县"))).toMatch(/云阳县\s+0\s+1\s+0/);
        expect(rows.find((r) => r.includes("绥阳县"))).toMatch(/绥阳县\s+0\s+0\s+1/);
        // the figure still to check is on its county's page
        expect(html).toContain('id="f-520323103-2024-leadership_study_sessions"');
      } finally {
        for (const g of guards) await g.context.close();
        await browser?.close();
        await server?.close();
      }
      for (const g of guards) expect(g.offsite, offsiteMessage(g)).toEqual([]);
    },
    420_000,
  );
});
