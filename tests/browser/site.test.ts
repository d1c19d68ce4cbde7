// The built site in real Chromium: every page loads, the seeds' figures are shown, evidence links
// land on their highlighted quote, the compare form filters (and the table stands without
// JavaScript), downloads parse, the large-text switch works by keyboard, 320 px has no
// horizontal scrolling, and no page requests anything but the local server. Also writes the
// screenshots in docs/screenshots/.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import type { BrowserContextOptions, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { formatFigure } from "../../src/lib/site/format.ts";
import { INDICATORS, indicatorSpec } from "../../src/lib/extract/indicators.ts";
import { generatedSchema, type SiteReport } from "../../src/lib/site/schema.ts";
import { PAGE_TYPES, ROOT } from "./server.ts";
import { browserSession } from "./session.ts";

// written by `npm run build` in the global setup
const reports: SiteReport[] = generatedSchema.parse(JSON.parse(readFileSync(join(ROOT, "src", "generated", "reports.json"), "utf8"))).reports;
const WANGCUN = "140423106-2024"; // 王村镇 2024
const PUCHANG = "520323103-2024"; // 蒲场镇 2024
const SHASHI = "500235123-2024"; // 沙市镇 2024
const SCREENSHOTS = join(ROOT, "docs", "screenshots");

// every test's contexts: nothing may have left the local server (checked after each test)
const session = browserSession();
const newPage = (options: BrowserContextOptions = {}) => session.newGuardedPage(options);

async function visit(page: Page, path: string): Promise<void> {
  const res = await page.goto(path);
  expect(res?.status(), `status of ${path}`).toBe(200);
}

/** The checks every HTML page must pass. */
async function checkPage(page: Page, path: string): Promise<void> {
  expect(await page.locator("html").getAttribute("lang"), `lang of ${path}`).toBe("zh-CN");
  const h1 = page.locator("h1");
  expect(await h1.count(), `h1 count of ${path}`).toBe(1);
  expect((await h1.innerText()).trim(), `h1 of ${path}`).not.toBe("");
  expect(await h1.isVisible(), `h1 of ${path} visible`).toBe(true);
  expect(await page.title(), `title of ${path}`).toMatch(/\S.* · 法治镇览$/);
}

/** True when the element's box lies (at least partly) inside the viewport. */
async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth;
  });
}

const unitOf = (id: string) => indicatorSpec(id)?.unit ?? "";

describe("pages", () => {
  it.each(PAGE_TYPES)("$name ($path) loads with lang, one h1 and a title", async ({ path }) => {
    const { page, guard } = await newPage();
    await visit(page, path);
    await checkPage(page, path);
    // the guard saw the page's own requests (so it is really watching)
    expect(guard.requests.some((u) => u.startsWith(session.server.origin))).toBe(true);
  });

  it("every link reachable from the home page works, and every #fragment has its target", async () => {
    const { page } = await newPage();
    const queue = ["/"];
    const seen = new Set(queue);
    const idsOf = new Map<string, Set<string>>();
    const fragments: { from: string; page: string; id: string }[] = [];
    const files: string[] = [];
    while (queue.length > 0) {
      const path = queue.shift()!;
      await visit(page, path);
      await checkPage(page, path);
      idsOf.set(path, new Set(await page.$$eval("[id]", (els) => els.map((e) => e.id))));
      const hrefs = await page.$$eval("a[href]", (as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const href of hrefs) {
        const url = new URL(href);
        if (url.origin !== session.server.origin) continue; // external links are allowed, just not requested
        if (url.hash) fragments.push({ from: path, page: url.pathname, id: decodeURIComponent(url.hash.slice(1)) });
        if (seen.has(url.pathname)) continue;
        seen.add(url.pathname);
        if (url.pathname.endsWith("/")) queue.push(url.pathname);
        else files.push(url.pathname);
      }
    }
    // the six section pages, every listed profile and every indicator page
    expect(idsOf.size).toBeGreaterThanOrEqual(6 + reports.filter((r) => r.township).length + INDICATORS.length);
    for (const f of fragments) {
      expect(idsOf.get(f.page)?.has(f.id), `${f.from}: link to ${f.page}#${f.id} has no target`).toBe(true);
    }
    // downloads and other files: present, with the right type
    expect(files).toContain("/data/figures.csv");
    expect(files).toContain("/data/figures.json");
    for (const f of files) {
      const res = await page.request.get(f);
      expect(res.status(), f).toBe(200);
      if (f.endsWith(".csv")) expect(res.headers()["content-type"]).toMatch(/^text\/csv/);
      if (f.endsWith(".json")) expect(res.headers()["content-type"]).toMatch(/^application\/json/);
    }
  });

  it("a missing page is a 404", async () => {
    const { page } = await newPage();
    const res = await page.goto("/no-such-page/");
    expect(res?.status()).toBe(404);
  });

  it("the request guard catches a request to another host", async () => {
    // past the page's Content-Security-Policy (which refuses such a fetch itself: crawl.test.ts)
    const { page, guard } = await newPage({ bypassCSP: true });
    await visit(page, "/");
    await page.evaluate(() => fetch("https://example.org/x.js").catch(() => null));
    expect(guard.offsite).toEqual(["https://example.org/x.js"]);
    guard.offsite.length = 0; // expected here; afterEach checks the rest
  });
});

describe("township profiles", () => {
  it("show the seeds' key figures", async () => {
    const { page } = await newPage();
    await visit(page, `/townships/${WANGCUN}/`);
    await expectText(page, "#i-disputes_handled", "排查调处矛盾纠纷件数：152 件");
    await expectText(page, "#i-disputes_resolved", "化解矛盾纠纷件数：148 件");
    // the headline cards say the same
    const card = page.locator("li.card", { hasText: "排查调处矛盾纠纷件数" });
    expect(await card.innerText()).toContain("152");
    await visit(page, `/townships/${PUCHANG}/`);
    await expectText(page, "#i-legal_opinions", "出具法律意见件数：5 件");
    await visit(page, `/townships/${SHASHI}/`);
    await expectText(page, "#i-publicity_events", "普法宣传活动场次：62 场");
    await expectText(page, "#i-publicity_materials", "发放普法资料份数：≥4,600 份");
  });

  it.each(reports.map((r) => ({ id: r.id, label: `${r.township ?? r.file} ${r.year ?? ""}` })))(
    "$label shows every figure of reports.json, visibly",
    async ({ id }) => {
      const r = reports.find((x) => x.id === id)!;
      const { page } = await newPage();
      await visit(page, `/townships/${id}/`);
      expect(await page.locator("h1").innerText()).toContain(r.township ?? r.file);
      for (const [ind, t] of Object.entries(r.indicators)) {
        const figure = page.locator(`#i-${ind} > strong`);
        expect(await figure.isVisible(), `${ind} visible`).toBe(true);
        expect((await figure.innerText()).trim(), ind).toBe(formatFigure(t.value, t.qualifier, unitOf(ind)));
        // one evidence link per mention
        expect(await page.locator(`#i-${ind} .evidence a`).count(), `${ind} evidence links`).toBe(t.mentions.length);
      }
      // indicators the report does not give are said to be 未报告, not 0
      const items = new Set(await page.$$eval("section[aria-labelledby^='c-'] > ul > li", (lis) => lis.map((li) => (li as HTMLElement).innerText.trim())));
      for (const i of INDICATORS.filter((i) => !r.indicators[i.id])) expect(items, i.id).toContain(`${i.label_zh}：未报告`);
    },
  );

  it.each([1280, 390])("an evidence link at %i px scrolls its highlighted quote into view and is the URL target", async (width) => {
    const { page } = await newPage({ viewport: { width, height: 800 } });
    await visit(page, `/townships/${WANGCUN}/`);
    const link = page.locator("#i-disputes_handled .evidence a").first();
    const href = (await link.getAttribute("href"))!;
    expect(href).toMatch(/^#e\d+-\d+$/);
    const target = `mark[id="${href.slice(1)}"]`;
    expect(await page.locator(target).count()).toBe(1);
    expect(await inViewport(page, target), "the quote starts out of view (full text is at the bottom)").toBe(false);
    await link.scrollIntoViewIfNeeded();
    await link.click();
    await page.waitForFunction((h) => location.hash === h, href);
    await page.waitForFunction(
      (sel) => {
        const r = document.querySelector(sel)!.getBoundingClientRect();
        // (sub-pixel tolerance: the browser may stop a fraction of a pixel short)
        return r.top >= -1 && r.bottom <= window.innerHeight + 1 && r.left >= 0;
      },
      target,
      { timeout: 5_000 },
    );
    expect(await page.evaluate(() => document.querySelector(":target")?.outerHTML.slice(0, 60))).toMatch(new RegExp(`^<mark id="${href.slice(1)}"`));
    // the quote the link shows is the highlighted text
    const quote = (await link.innerText()).replace(/^“|”$/g, "");
    expect(await page.locator(target).innerText()).toContain(quote.slice(0, 8));
    expect(await page.locator(target).isVisible()).toBe(true);
  });
});

async function expectText(page: Page, selector: string, text: string): Promise<void> {
  const el = page.locator(selector);
  expect(await el.isVisible(), `${selector} visible`).toBe(true);
  expect((await el.innerText()).replace(/\s+/g, " "), selector).toContain(text);
}

describe("compare", () => {
  const visibleCount = (page: Page, selector: string) =>
    page.locator(selector).evaluateAll((els) => els.filter((e) => (e as HTMLElement).checkVisibility()).length);
  const listed = reports.filter((r) => r.township);

  it("filters townships (columns) and indicators (rows)", async () => {
    const { page } = await newPage();
    await visit(page, "/compare/");
    expect(await page.locator("#compare-form").isVisible()).toBe(true);
    expect(await visibleCount(page, "#compare-table tr[data-indicator]")).toBe(INDICATORS.length);
    expect(await visibleCount(page, `#compare-table [data-report="${WANGCUN}"]`)).toBe(INDICATORS.length + 1);

    await page.locator(`input[name="report"][value="${WANGCUN}"]`).uncheck();
    expect(await page.locator(`#compare-table [data-report="${WANGCUN}"]`).count()).toBe(INDICATORS.length + 1);
    expect(await visibleCount(page, `#compare-table [data-report="${WANGCUN}"]`)).toBe(0);
    expect(await visibleCount(page, `#compare-table [data-report="${PUCHANG}"]`)).toBe(INDICATORS.length + 1);
    expect(await page.locator("#compare-table").innerText()).not.toContain("王村镇");

    await page.locator('button[data-none="indicator"]').click();
    await page.locator('input[name="indicator"][value="disputes_handled"]').check();
    expect(await visibleCount(page, "#compare-table tr[data-indicator]")).toBe(1);
    expect(await page.locator("#compare-table tr[data-indicator]:visible").getAttribute("data-indicator")).toBe("disputes_handled");
    expect(await page.locator("#compare-status").innerText()).toBe(`显示 ${listed.length - 1} 份报告、1 项指标。`);
    // the remaining row shows 蒲场镇's figure
    expect(await page.locator(`#compare-table tr[data-indicator="disputes_handled"] td[data-report="${PUCHANG}"]`).innerText()).toBe("289");

    await page.locator('button[data-all="report"]').click();
    expect(await visibleCount(page, `#compare-table [data-report="${WANGCUN}"]`)).toBe(2); // header + the one row
  });

  it("without JavaScript shows the full table and keeps the form hidden", async () => {
    const { page } = await newPage({ javaScriptEnabled: false });
    await visit(page, "/compare/");
    expect(await page.locator("#compare-form").isHidden()).toBe(true);
    expect(await page.locator(".js-only").isHidden()).toBe(true);
    expect(await visibleCount(page, "#compare-table tr[data-indicator]")).toBe(INDICATORS.length);
    expect(await visibleCount(page, "#compare-table td[data-report]")).toBe(INDICATORS.length * listed.length);
    expect(await page.locator(`#compare-table tr[data-indicator="disputes_handled"] td[data-report="${WANGCUN}"]`).innerText()).toBe("152");
  });
});

describe("downloads", () => {
  async function download(page: Page, selector: string): Promise<{ bytes: Buffer; name: string }> {
    const [dl] = await Promise.all([page.waitForEvent("download"), page.locator(selector).click()]);
    const path = await dl.path();
    return { bytes: readFileSync(path), name: dl.suggestedFilename() };
  }
  const parse = (bytes: Buffer) => Papa.parse<Record<string, string>>(bytes.toString("utf8"), { header: true, skipEmptyLines: true });

  it("figures.csv downloads from /data/, starts with a BOM and parses with papaparse", async () => {
    const { page } = await newPage();
    await visit(page, "/data/");
    const { bytes, name } = await download(page, 'a[href="/data/figures.csv"]');
    expect(name).toBe("法治镇览-全部数字.csv");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = parse(bytes);
    expect(csv.errors).toEqual([]);
    expect(csv.meta.fields).toEqual(expect.arrayContaining(["乡镇（街道）", "年度", "指标代码", "数值"]));
    expect(csv.meta.fields?.[0]).toBe("省"); // BOM not glued to the first header
    expect(csv.data.length).toBe(reports.reduce((n, r) => n + Object.keys(r.indicators).length, 0));
    const row = csv.data.find((d) => d["乡镇（街道）"] === "王村镇" && d["年度"] === "2024" && d["指标代码"] === "disputes_handled");
    expect(row?.["数值"]).toBe("152");
  });

  it("figures.json holds the same figures", async () => {
    const { page } = await newPage();
    await visit(page, "/data/");
    const json = await page.evaluate(async () => (await fetch("/data/figures.json")).json());
    const wangcun = (json as { reports: { township: string | null; year: number | null; indicators: Record<string, { value: number }> }[] }).reports.find(
      (r) => r.township === "王村镇" && r.year === 2024,
    );
    expect(wangcun?.indicators.disputes_handled?.value).toBe(152);
    expect(wangcun?.indicators.disputes_resolved?.value).toBe(148);
  });

  it("an indicator's CSV downloads from its page", async () => {
    const { page } = await newPage();
    await visit(page, "/indicators/disputes_handled/");
    const { bytes } = await download(page, 'a[href="/data/indicators/disputes_handled.csv"]');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = parse(bytes);
    expect(csv.errors).toEqual([]);
    expect(csv.data.find((d) => d["乡镇（街道）"] === "王村镇" && d["年度"] === "2024")?.["数值"]).toBe("152");
    expect(csv.data.find((d) => d["乡镇（街道）"] === "周营镇")?.["数值"]).toBe(""); // 未报告 is not 0
  });
});

describe("large text", () => {
  it("the button toggles html.large-text, works from the keyboard and is remembered", async () => {
    const { page } = await newPage();
    await visit(page, "/");
    const button = page.locator("#large-text");
    expect(await button.isVisible()).toBe(true);
    const fontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    const large = () => page.evaluate(() => document.documentElement.classList.contains("large-text"));
    const before = await fontSize();
    expect(await large()).toBe(false);

    let tabs = 0;
    while ((await page.evaluate(() => document.activeElement?.id)) !== "large-text") {
      expect(++tabs, "the button is reachable with Tab").toBeLessThan(30);
      await page.keyboard.press("Tab");
    }
    await page.keyboard.press("Enter");
    expect(await large()).toBe(true);
    expect(await button.getAttribute("aria-pressed")).toBe("true");
    expect(await fontSize()).toBeGreaterThan(before);
    await page.keyboard.press("Space");
    expect(await large()).toBe(false);
    expect(await button.getAttribute("aria-pressed")).toBe("false");
    expect(await fontSize()).toBe(before);

    await page.keyboard.press("Enter");
    await visit(page, "/method/");
    expect(await large()).toBe(true);
    expect(await page.locator("#large-text").getAttribute("aria-pressed")).toBe("true");
  });
});

describe("narrow screens", () => {
  for (const largeText of [false, true]) {
    it.each(PAGE_TYPES)(`$name at 320 px${largeText ? " with large text" : ""} does not scroll sideways`, async ({ path }) => {
      const { page, guard } = await newPage({ viewport: { width: 320, height: 640 } });
      if (largeText) await guard.context.addInitScript(() => localStorage.setItem("fzzl-large-text", "1"));
      await visit(page, path);
      expect(await page.evaluate(() => document.documentElement.classList.contains("large-text"))).toBe(largeText);
      const r = await page.evaluate(() => {
        const width = window.innerWidth;
        // content inside a scroll container (.table-scroll) may be wider than the screen
        const contained = (el: Element) => {
          for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
            if (["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(p).overflowX)) return true;
          }
          return false;
        };
        const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""} “${(el.textContent ?? "").trim().slice(0, 30)}”`;
        const wide: Element[] = [];
        const culprits: string[] = [];
        for (const el of Array.from(document.body.querySelectorAll("*"))) {
          // boxes past the right edge, and boxes whose text spills out of them
          const spills = el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === "visible";
          if (el.getBoundingClientRect().right <= width + 1 && !spills) continue;
          wide.push(el);
          if (!contained(el)) culprits.push(name(el));
        }
        // (absolutely positioned boxes escape unpositioned scroll containers: then list the widest anyway)
        if (culprits.length === 0) culprits.push(...wide.slice(-5).map(name));
        return { scrollWidth: document.documentElement.scrollWidth, bodyWidth: document.body.scrollWidth, culprits: culprits.slice(-5) };
      });
      expect(r.scrollWidth, `too wide: ${r.culprits.join(", ")}`).toBeLessThanOrEqual(321);
      expect(r.bodyWidth, `too wide: ${r.culprits.join(", ")}`).toBeLessThanOrEqual(321);
    });
  }
});

describe("fonts", () => {
  it("a CJK font is installed (Chinese would show as boxes otherwise)", () => {
    let families = "";
    try {
      families = execFileSync("fc-list", [":lang=zh", "family"], { encoding: "utf8" });
    } catch (e) {
      throw new Error(`cannot list fonts with fc-list (${(e as Error).message}); install fontconfig and fonts-noto-cjk`);
    }
    expect(families.trim(), "no Chinese font: apt-get install fonts-noto-cjk").not.toBe("");
  });
});

describe("screenshots", () => {
  const shots = [
    { name: "home", path: "/" },
    { name: "profile", path: `/townships/${WANGCUN}/` }, // 王村镇 2024
    { name: "indicator", path: "/indicators/disputes_handled/" },
  ];
  const cases = shots.flatMap((s) => [390, 1280].map((width) => ({ ...s, width })));
  it.each(cases)("$name at $width px (docs/screenshots/)", async ({ name, path, width }) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const { page } = await newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
    await visit(page, path);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const file = join(SCREENSHOTS, `${name}-${width}.png`);
    const png = await page.screenshot({ path: file, fullPage: true, animations: "disabled" });
    expect(png.readUInt32BE(16), "PNG width").toBe(width);
    expect(statSync(file).size).toBeGreaterThan(10_000);
  });
});
