// The views of a site that covers one county and of one that covers one province (src/lib/site/scope.ts,
// docs/views.md), in real Chromium, each on synthetic reports built into a site of its own:
// - a county's site: the 20 townships of 迁安市 with 5 years of reports each (100 reports) — townships
//   side by side, one small chart per township over the years, the change from the year before, no
//   province anywhere but in a township's region path;
// - a province's site: ~300 reports of 山西省 — its cities compared, a city page of its counties.
// Both: page sizes, axe, 320 px, figures as in the index.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { latestPerTownship } from "../../src/lib/site/aggregate.ts";
import { changeSentence, yearOnYear } from "../../src/lib/site/change.ts";
import { formatFigure } from "../../src/lib/site/format.ts";
import type { SiteReport } from "../../src/lib/site/schema.ts";
import { scopeOf } from "../../src/lib/site/scope.ts";
import { browserSession, removeScratch, searchSite } from "./session.ts";
import { buildSyntheticSite, expectPageSizes, type SyntheticSite } from "./syntheticSite.ts";

async function visit(page: Page, path: string): Promise<void> {
  const res = await page.goto(path);
  expect(res?.status(), `status of ${path}`).toBe(200);
}

async function axeAndNarrow(newPage: (o?: object) => Promise<Page>, paths: string[]): Promise<void> {
  const found: string[] = [];
  for (const path of paths) {
    const page = await newPage();
    await visit(page, path);
    const result = await new AxeBuilder({ page }).analyze();
    found.push(...result.violations.flatMap((v) => v.nodes.map((n) => `${path}: ${v.id}: ${v.help} — ${n.target.join(" ")}`)));
  }
  expect(found.join("\n")).toBe("");
  const narrow = await newPage({ viewport: { width: 320, height: 640 } });
  for (const path of paths) {
    await visit(narrow, path);
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(321);
  }
}

const listed = (s: SyntheticSite) => s.reports.filter((r) => r.township);

describe("a county's site: 20 townships × 5 years", () => {
  let site: SyntheticSite = { tmp: "", dist: "", reports: [] };
  const session = browserSession({
    prepare: async () => (site = await buildSyntheticSite("county", 100, { generator: ["--within", "130283", "--years", "2021-2025"], env: { FZZL_TODAY: "2026-06-01" } })).dist,
    timeout: 240_000,
    cleanup: () => removeScratch(site.tmp),
  });
  const latest = () => latestPerTownship(listed(site));
  const sameTownship = (r: SiteReport) => listed(site).filter((o) => o.code === r.code);

  it("is one county's site, and every page keeps to its size", () => {
    const scope = scopeOf(listed(site));
    expect([scope.level, scope.name, scope.unitLevel, scope.townships, scope.years.length]).toEqual(["county", "迁安市", "township", 20, 5]);
    expectPageSizes(site.dist, site.reports, "the county's site");
  });

  it("home: the townships side by side, one small chart each over the years, no province", async () => {
    const page = await session.newPage();
    await visit(page, "/");
    expect(await page.locator("h1").innerText()).toBe("迁安市乡镇法治政府建设指标");
    const main = await page.locator("main").innerText();
    expect(main).not.toMatch(/省/);
    // one bar per township that gives the figure, named
    const given = latest().filter((r) => r.indicators.disputes_handled);
    const svgTexts = (sel: string) => page.locator(sel).evaluateAll((ts) => ts.map((t) => t.textContent ?? ""));
    const barTexts = await svgTexts("#chart-disputes_handled svg text");
    for (const r of given) expect(barTexts, r.township!).toContain(`${r.township}（${r.year}）`);
    // a panel per township with two or more years of the figure
    const panels = await svgTexts("#trend-disputes_handled svg text");
    const withYears = latest().filter((r) => sameTownship(r).filter((o) => o.indicators.disputes_handled).length >= 2);
    expect(withYears.length).toBeGreaterThan(10);
    for (const r of withYears) expect(panels, r.township!).toContain(r.township!);
    // no aggregate of regions
    expect(await page.locator("#dist-disputes_handled").count()).toBe(0);
    expect(await page.locator("#coverage ~ details .table-scroll thead th").count()).toBe(21);
  });

  it("home: each township's latest figures with the change from the year before, as in the index", async () => {
    const page = await session.newPage();
    await visit(page, "/");
    for (const r of latest().slice(0, 6)) {
      const row = page.locator("#headline-table + .table-scroll tbody tr", { has: page.locator(`th a[href="/townships/${r.id}/"]`) });
      const cell = row.locator("td").first();
      const t = r.indicators.disputes_handled;
      const c = yearOnYear(r, sameTownship(r), "disputes_handled");
      const text = (await cell.innerText()).replace(/\s+/g, "");
      expect(text, r.id).toContain(t ? formatFigure(t.value, t.qualifier, "件").replace(/\s+/g, "") : "未报告");
      if (c) expect(await cell.locator("small.change").innerText(), r.id).toMatch(/^(约)?([+−][\d,.]+|持平)/);
    }
    expect(await page.locator("#headline-table + .table-scroll small.change").count()).toBeGreaterThan(20);
  });

  it("a profile says this year's figure against last year's", async () => {
    const r = latest().find((x) => yearOnYear(x, sameTownship(x), "disputes_handled"))!;
    const page = await session.newPage();
    await visit(page, `/townships/${r.id}/`);
    const card = page.locator("li.card", { hasText: "排查调处矛盾纠纷件数" });
    expect(await card.locator(".change").innerText()).toBe(changeSentence(yearOnYear(r, sameTownship(r), "disputes_handled")!, "件"));
  });

  it("an indicator: every year's bars on the page, a panel per township, a table of years with changes", async () => {
    const page = await session.newPage();
    await visit(page, "/indicators/disputes_handled/");
    for (const y of [2021, 2022, 2023, 2024, 2025]) expect(await page.locator(`#y${y}`).count(), String(y)).toBe(1);
    expect(await page.locator("#trend-trend svg").count()).toBe(1);
    expect(await page.locator("#table ~ .table-scroll tbody tr").count()).toBe(20);
    expect(await page.locator("#table ~ .table-scroll thead th").allInnerTexts()).toEqual(["乡镇（街道）", "2021年", "2022年", "2023年", "2024年", "2025年"]);
    expect(await page.locator("main").innerText()).not.toMatch(/省/);
  });

  it("compare: a page a year, every township of the year side by side", async () => {
    const page = await session.newPage();
    await visit(page, "/compare/");
    const y2025 = listed(site).filter((r) => r.year === 2025);
    expect(await page.locator("#compare-table thead th[data-report]").count()).toBe(y2025.length);
    await visit(page, "/compare/2022/");
    expect(await page.locator("#compare-table thead th[data-report]").count()).toBe(listed(site).filter((r) => r.year === 2022).length);
    expect(await page.locator("main").innerText()).not.toMatch(/省/);
  });

  it("townships and quality list every township-year, without a province", async () => {
    const page = await session.newPage();
    await visit(page, "/townships/");
    expect(await page.locator("main a[href^='/townships/']").count()).toBe(listed(site).length);
    expect(await page.locator("main").innerText()).not.toMatch(/省/);
    await visit(page, "/quality/");
    expect(await page.locator("#kinds").count()).toBe(0);
  });

  it("passes axe and fits 320 px", async () => {
    const r = latest()[0]!;
    await axeAndNarrow(session.newPage, ["/", "/indicators/disputes_handled/", "/compare/", `/townships/${r.id}/`, "/counties/130283/"]);
  }, 180_000);
});

describe("a province's site: ~300 reports of 山西省", () => {
  let site: SyntheticSite = { tmp: "", dist: "", reports: [] };
  const session = browserSession({
    // the profiles' search index in shards of ≤ 100 (groups of cities), as a province's 7,500 would be
    prepare: async () => (site = await buildSyntheticSite("province", 300, { generator: ["--within", "14"], env: { FZZL_TODAY: "2026-06-01", FZZL_SEARCH_SHARD_LIMIT: "100" } })).dist,
    timeout: 240_000,
    cleanup: () => removeScratch(site.tmp),
  });
  const scope = () => scopeOf(listed(site));

  it("is one province's site, compared by city, and every page keeps to its size", () => {
    expect([scope().level, scope().name, scope().unitLevel]).toEqual(["province", "山西省", "city"]);
    expect(scope().units.length).toBeGreaterThan(5);
    expectPageSizes(site.dist, site.reports, "the province's site");
  });

  it("home: the cities' medians, the distribution and top and bottom lists, the cities over the years", async () => {
    const page = await session.newPage();
    await visit(page, "/");
    expect(await page.locator("h1").innerText()).toBe("山西省乡镇法治政府建设指标");
    expect(await page.locator("#chart-disputes_handled figcaption strong").innerText()).toBe("排查调处矛盾纠纷件数：山西省各市中位数（最新年度）");
    expect(await page.locator("#dist-disputes_handled svg").count()).toBe(1);
    expect(await page.locator("#rank-disputes_handled-top + ol > li").count()).toBe(10);
    expect(await page.locator("#trend-disputes_handled svg").count()).toBe(1);
    expect(await page.locator("#coverage ~ details .table-scroll thead th").count()).toBe(scope().units.length + 1);
    expect(await page.locator("main a[href^='/cities/']").count()).toBeGreaterThanOrEqual(scope().units.length);
  });

  it("a city page charts its counties and links each", async () => {
    const city = scope().units.reduce((a, b) => (b.reports.length > a.reports.length ? b : a));
    const page = await session.newPage();
    await visit(page, `/${city.path}`);
    expect(await page.locator("h1").innerText()).toBe(city.name);
    const counties = new Set(city.reports.map((r) => r.code!.slice(0, 6)));
    for (const c of counties) expect(await page.locator(`#counties ~ .table-scroll a[href="/counties/${c}/"]`).count(), c).toBe(1);
    expect(await page.locator("#chart-disputes_handled svg").count()).toBe(1);
    await axeAndNarrow(session.newPage, ["/", `/${city.path}`, "/indicators/disputes_handled/"]);
  }, 180_000);

  it("search: the profiles in shards of cities, merged at search time, found by township and by their words", async () => {
    const shards = JSON.parse(readFileSync(join(site.dist, "pagefind-shards.json"), "utf8")) as string[];
    expect(shards.length).toBeGreaterThanOrEqual(3);
    const page = await session.newPage();
    // one profile from the first shard's cities, one from the last's
    const byCode = [...listed(site)].sort((a, b) => (a.code! < b.code! ? -1 : 1));
    for (const r of [byCode[0]!, byCode[byCode.length - 1]!]) {
      const { results } = await searchSite(page, `${r.county} ${r.township}`);
      expect(results.map((x) => x.href), r.id).toContain(`/townships/${r.id}/`);
    }
    // the reports' own words are indexed (a province's site is under LIMITS.searchText)
    const { results } = await searchSite(page, "法治文化广场");
    expect(results.some((x) => x.href.startsWith("/townships/"))).toBe(true);
  });

  it("compare: the cities side by side", async () => {
    const page = await session.newPage();
    await visit(page, "/compare/");
    expect(await page.locator("#compare-table thead th[data-city]").count()).toBe(scope().units.length);
  });
});
