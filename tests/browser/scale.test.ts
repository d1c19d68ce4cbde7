// The national views (src/lib/site/scope.ts: several provinces, compared by province) in real Chromium.
// By default: ~300 synthetic reports (scripts/bench/generate-corpus.ts) and one whose region cannot be
// settled, built into a site of their own with the list limits lowered (FZZL_LIST_LIMIT,
// FZZL_QUALITY_LIMIT), so that the home, township list, indicator, compare and quality pages aggregate
// by province as at national scale (~120 townships are more than the 40 bars of a chart).
// FZZL_SCALE_SITE=DIR checks a site built elsewhere instead — DIR/reports.json and DIR/dist, as
// `npm run bench -- --sizes 40000 --browser` leaves them: the 40,000-report site, on a sample.
// Every page must stay under 200 KB (profiles under 30 KB gzipped), a sample of page types and of
// profiles must pass axe and the 320 px check, profiles must show their index's figures, the county
// page must list its townships without a report as 缺报, the filterable tables must filter, and
// (where the site has a search index) a township's name must find its profile.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { groupByRegion } from "../../src/lib/site/aggregate.ts";
import { countyTownships } from "../../src/lib/site/coverage.ts";
import { formatFigure } from "../../src/lib/site/format.ts";
import { indicatorSpec } from "../../src/lib/extract/indicators.ts";
import type { SiteReport } from "../../src/lib/site/schema.ts";
import { HEADLINE, reportLabel } from "../../src/lib/site/siteData.ts";
import { ROOT } from "./server.ts";
import { browserSession, removeScratch, searchSite } from "./session.ts";
import { buildSyntheticSite, expectPageSizes } from "./syntheticSite.ts";

const PREBUILT = process.env.FZZL_SCALE_SITE ? resolve(ROOT, process.env.FZZL_SCALE_SITE) : null;
const REPORTS = 300;
/** profiles visited in the browser, spread evenly over the site's reports */
const PROFILE_SAMPLE = 12;
// a report no county page can hold: 88 places are called 城关镇 and it names none of their counties
const UNSETTLED = "城关镇2024年法治政府建设情况报告\n\n2024年，城关镇坚持以习近平法治思想为指导，扎实推进法治政府建设。全年共排查调处矛盾纠纷52件，化解矛盾纠纷50件，开展法治培训6场次。\n\n城关镇人民政府\n2025年2月10日\n";

let tmp = "";
let dist = "";
let reports: SiteReport[] = [];

/** The ~300-report site of this test, built into tmp/scale-*; returns its dist. */
async function buildOwnSite(): Promise<string> {
  const site = await buildSyntheticSite("scale", REPORTS, {
    extra: { "zz-chengguan-2024.txt": UNSETTLED },
    env: {
      // small limits, so that a few hundred reports cross them as 40,000 do
      FZZL_LIST_LIMIT: "100",
      FZZL_QUALITY_LIMIT: "0",
      FZZL_REVIEW_LIMIT: "100",
      FZZL_REVIEW_COUNTIES_LIMIT: "20",
      // the deadline of the 2025 reports (2026-03-31) has passed
      FZZL_TODAY: "2026-06-01",
    },
  });
  tmp = site.tmp;
  reports = site.reports;
  return site.dist;
}

/** A site built by the benchmark: its index (already validated by its extract step) and dist. */
function prebuiltSite(dir: string): string {
  for (const f of ["reports.json", "dist/index.html"]) {
    if (!existsSync(join(dir, f))) throw new Error(`FZZL_SCALE_SITE=${dir}: ${f} is missing (npm run bench -- --sizes 40000 --browser builds it)`);
  }
  reports = (JSON.parse(readFileSync(join(dir, "reports.json"), "utf8")) as { reports: SiteReport[] }).reports;
  return join(dir, "dist");
}

const session = browserSession({
  prepare: async () => (dist = PREBUILT ? prebuiltSite(PREBUILT) : await buildOwnSite()),
  timeout: 300_000,
  cleanup: () => removeScratch(tmp),
});
const newPage = session.newPage;

async function visit(page: Page, path: string): Promise<void> {
  const res = await page.goto(path);
  expect(res?.status(), `status of ${path}`).toBe(200);
}

const listed = () => reports.filter((r) => r.township);
let grouped: ReturnType<typeof groupByRegion<SiteReport>> | null = null;
const regions = () => (grouped ??= groupByRegion(listed()));
/** the county with the most reports that also has a township without any, and that township */
function sampleCounty() {
  const counties = regions().provinces.flatMap((p) => p.counties).sort((a, b) => b.reports.length - a.reports.length || (a.code < b.code ? -1 : 1));
  for (const county of counties) {
    const reported = new Set(county.reports.map((r) => r.code));
    const missing = countyTownships(county.code, null).find((t) => !reported.has(t.code));
    if (missing) return { county, missing };
  }
  throw new Error("every county of the site has a report from each of its townships");
}
/** PROFILE_SAMPLE profiles spread evenly over the reports (in the index's order) */
function sampleProfiles(): SiteReport[] {
  const withText = reports.filter((r) => r.textKey);
  const step = Math.max(1, Math.floor(withText.length / PROFILE_SAMPLE));
  return withText.filter((_, i) => i % step === 0).slice(0, PROFILE_SAMPLE);
}

describe(PREBUILT ? `the site in ${relative(ROOT, PREBUILT)}` : "a site of ~300 reports with the list limits lowered", () => {
  it.skipIf(PREBUILT)("has the reports, and the one whose region is unsettled", () => {
    expect(reports.length).toBe(REPORTS + 1);
    expect(regions().unknown.map((r) => r.township)).toEqual(["城关镇"]);
    expect(regions().provinces.length).toBeGreaterThan(10);
  });

  it("keeps every page under 200 KB and every profile under 30 KB gzipped", () => {
    expectPageSizes(dist, reports, `the ${reports.length}-report site${PREBUILT ? "" : " (FZZL_LIST_LIMIT=100, FZZL_QUALITY_LIMIT=0, FZZL_REVIEW_LIMIT=100, FZZL_REVIEW_COUNTIES_LIMIT=20)"}`);
  });

});

describe("aggregated views", () => {
  it("home: provinces' medians, distributions, top and bottom lists, provinces, coverage by province", async () => {
    const page = await newPage();
    await visit(page, "/");
    expect(await page.locator("#chart-disputes_handled svg").count()).toBe(1);
    expect(await page.locator("#dist-disputes_handled svg").count()).toBe(1);
    expect(await page.locator("#rank-disputes_handled-top + ol > li").count()).toBe(10);
    expect(await page.locator("#rank-disputes_handled-bottom + ol > li").count()).toBe(10);
    // provinces, not townships: the only profile links are the top and bottom lists
    expect(await page.locator("main a[href^='/townships/']").count()).toBeLessThanOrEqual(3 * 20);
    expect(await page.locator("main a[href^='/provinces/']").count()).toBeGreaterThanOrEqual(regions().provinces.length);
    expect(await page.locator("#coverage ~ details .table-scroll thead th").count()).toBe(regions().provinces.length + 1);
    await page.locator("#coverage ~ details > summary").click();
    expect(await page.locator("main").innerText()).toContain("0：");
  });

  it("home at 1,280 px: the headline charts side by side within the first two screens, the rest a click away", async () => {
    const { page } = await session.newGuardedPage({ viewport: { width: 1280, height: 800 } });
    await visit(page, "/");
    const boxes = await page.$$eval(".chart-grid > section", (sections) =>
      sections.map((s) => {
        const r = s.getBoundingClientRect();
        // figures behind a closed <details> are not shown (Chromium still lays them out: content-visibility)
        const shown = Array.from(s.querySelectorAll("figure")).filter((f) => !f.closest("details:not([open])"));
        const figures = shown.map((f) => f.getBoundingClientRect().bottom + window.scrollY);
        return { top: r.top + window.scrollY, left: r.left, chartsBottom: Math.max(...figures) };
      }),
    );
    expect(boxes).toHaveLength(3);
    // three columns on one row
    expect(new Set(boxes.map((b) => Math.round(b.top))).size).toBe(1);
    expect(boxes[0]!.left).toBeLessThan(boxes[1]!.left);
    expect(boxes[1]!.left).toBeLessThan(boxes[2]!.left);
    // the provinces' medians and the distributions of the three: within two screens (1,000 reports:
    // about 1,650 px; 12,100 px tall before, one narrow column of bars)
    for (const b of boxes) expect(b.chartsBottom).toBeLessThanOrEqual(1700);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(3200);
    // top and bottom lists, the small multiples over the years, the regions' table and the coverage
    // matrix wait behind <details>
    expect(await page.locator("#rank-disputes_handled-top").isVisible()).toBe(false);
    await page.locator(".chart-grid > section details > summary").first().click();
    expect(await page.locator("#rank-disputes_handled-top").isVisible()).toBe(true);
  });

  it("townships: provinces and counties, no profile links", async () => {
    const page = await newPage();
    await visit(page, "/townships/");
    expect(await page.locator("main a[href^='/townships/']").count()).toBe(0);
    const counties = regions().provinces.reduce((n, p) => n + p.counties.length, 0);
    expect(await page.locator("main a[href^='/counties/']").count()).toBe(counties + (regions().unknown.length > 0 ? 1 : 0)); // + 地区未确定
  });

  it("an indicator: a page per year, distribution, provinces, top 10, 未报告 counted per province", async () => {
    const page = await newPage();
    await visit(page, "/indicators/disputes_handled/");
    const years = [...new Set(listed().map((r) => r.year))].length;
    expect(await page.locator("#years ~ .table-scroll tbody tr").count()).toBe(years);
    // the latest year's provinces' medians and distribution, and the provinces' medians over the years
    expect(await page.locator("svg[role=img]").count()).toBe(3);
    expect(await page.locator("#trend-trend svg").count()).toBe(1);
    const year = await page.locator("#years ~ .table-scroll tbody tr th a").first().getAttribute("href");
    await visit(page, year!);
    const h1 = await page.locator("h1").innerText();
    expect(h1).toMatch(/^\d{4}年 排查调处矛盾纠纷件数$/);
    // the ten largest and the ten smallest (fewer where fewer than 20 reports give it)
    const given = listed().filter((r) => r.year === Number(h1.slice(0, 4)) && r.indicators.disputes_handled).length;
    expect(await page.locator("ol li a[href*='#i-disputes_handled']").count()).toBe(Math.min(20, given));
    expect(await page.locator("main").innerText()).toMatch(/未报告：\S+ \d+ 份/);
  });

  it("compare: provinces × indicators, filterable", async () => {
    const page = await newPage();
    await visit(page, "/compare/");
    const first = regions().provinces[0]!;
    expect(await page.locator(`#compare-table th[data-province="${first.code}"]`).isVisible()).toBe(true);
    await page.locator(`input[name="province"][value="${first.code}"]`).uncheck();
    expect(await page.locator(`#compare-table th[data-province="${first.code}"]`).isVisible()).toBe(false);
    await page.locator('button[data-none="indicator"]').click();
    await page.locator('input[name="indicator"][value="mediators"]').check();
    expect(await page.locator("#compare-table tbody tr:visible").count()).toBe(1);
    expect(await page.locator("#compare-status").innerText()).toBe(`显示 ${regions().provinces.length - 1} 个省（区、市）、1 项指标。`);
  });

  it.skipIf(PREBUILT)("quality: counts by kind and province; the unsettled report on its page", async () => {
    const page = await newPage();
    await visit(page, "/quality/");
    expect(await page.locator("#kinds").count()).toBe(1);
    expect(await page.locator("main").innerText()).toContain("地区未确定");
    await visit(page, "/counties/unknown/");
    expect(await page.locator("main").innerText()).toContain("城关镇");
    expect(await page.locator("main").innerText()).toContain("全国有 88 个同名乡镇（街道）");
  });

  it("a county: 缺报 for townships without reports, charts, a table that filters", async () => {
    const { county, missing } = sampleCounty();
    const page = await newPage();
    await visit(page, `/counties/${county.code}/`);
    expect(await page.locator("h1").innerText()).toBe(county.name);
    const row = page.locator("table.deadline tbody tr", { has: page.locator(`th:text-is("${missing.township}")`) });
    expect(await row.locator("td").first().innerText()).toBe("缺报");
    expect(await page.locator("#deadline ~ section li", { hasText: "缺报" }).first().innerText()).toContain(missing.township);
    // the reports' townships are on time, late or of unknown date
    const latest = Math.max(...county.reports.map((x) => x.year ?? 0));
    const column = (await page.locator("table.deadline thead th").allInnerTexts()).indexOf(`${latest}年度`) - 1;
    expect(column).toBeGreaterThanOrEqual(0);
    for (const r of county.reports.filter((x) => x.year === latest)) {
      const cell = page.locator("table.deadline tbody tr", { has: page.locator(`th:text-is("${r.township}")`) }).locator("td").nth(column);
      expect(await cell.innerText()).toMatch(/^(按时|迟报|日期不详)/);
    }
    expect(await page.locator("#county-table tbody tr").count()).toBe(county.reports.length);
    await page.locator('#county-table-form button[data-none="indicator"]').click();
    expect(await page.locator("#county-table thead th:visible").count()).toBe(2);
    await visit(page, `/counties/${county.code}/table/`);
    expect(await page.locator("#county-table thead th").count()).toBe(27);
  });
});

describe("axe and narrow screens on the aggregated pages", () => {
  const samples = () => {
    const { county } = sampleCounty();
    const year = Math.max(...listed().map((r) => r.year ?? 0));
    const profiles = sampleProfiles().slice(0, 3).map((r) => `/townships/${r.id}/`);
    const unknown = regions().unknown.length > 0 ? ["/counties/unknown/"] : [];
    // the review (审核) and, when it is paged, one county's page of it
    const reviewDir = join(dist, "review");
    const reviewCounty = existsSync(reviewDir) ? readdirSync(reviewDir).find((d) => /^(?:\d{6}|unknown)$/.test(d)) : undefined;
    const provincesDir = join(reviewDir, "provinces");
    const reviewProvince = existsSync(provincesDir) ? readdirSync(provincesDir)[0] : undefined;
    const review = ["/review/", ...(reviewCounty ? [`/review/${reviewCounty}/`] : []), ...(reviewProvince ? [`/review/provinces/${reviewProvince}/`] : [])];
    return ["/", "/townships/", "/indicators/disputes_handled/", `/indicators/dispute_resolution_rate/${year}/`, "/compare/", "/quality/", ...review, `/provinces/${county.provinceCode}/`, `/counties/${county.code}/`, `/counties/${county.code}/table/`, ...unknown, ...profiles];
  };

  it("axe finds no violations", async () => {
    const found: string[] = [];
    for (const path of samples()) {
      const page = await newPage();
      await visit(page, path);
      const result = await new AxeBuilder({ page }).analyze();
      found.push(...result.violations.flatMap((v) => v.nodes.map((n) => `${path}: ${v.id}: ${v.help} — ${n.target.join(" ")}`)));
    }
    expect(found).toEqual([]);
  }, 180_000);

  it("no page scrolls sideways at 320 px", async () => {
    const page = await newPage({ viewport: { width: 320, height: 640 } });
    for (const path of samples()) {
      await visit(page, path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(321);
    }
  });
});

describe("profiles, a sample", () => {
  it("show their township, region and the index's headline figures", async () => {
    const page = await newPage();
    for (const r of sampleProfiles()) {
      const path = `/townships/${r.id}/`;
      await visit(page, path);
      expect(await page.locator("h1").innerText(), path).toBe(reportLabel(r));
      const crumbs = await page.locator("nav.breadcrumb").innerText();
      for (const name of [r.province, r.county]) if (name) expect(crumbs, path).toContain(name);
      const cards = await page.locator("ul.cards > li .value").allInnerTexts();
      expect(cards, path).toEqual(HEADLINE.map((id) => {
        const t = r.indicators[id];
        return t ? formatFigure(t.value, t.qualifier, indicatorSpec(id)!.unit) : "未报告";
      }));
      // every evidence link lands on a highlighted span of the full text
      const hrefs = await page.locator("ul.evidence a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
      for (const h of hrefs) expect(await page.locator(`mark${h}`).count(), `${path} ${h}`).toBe(1);
    }
  });

  it("find their township by name in the search, where the site has a search index", async (ctx) => {
    if (!existsSync(join(dist, "pagefind"))) ctx.skip(); // a prebuilt site without `pagefind --site` run on it
    const page = await newPage();
    for (const r of sampleProfiles().filter((x) => x.township).slice(0, 3)) {
      // with its county: many places share a township's name (88 are called 城关镇)
      const query = [r.county, r.township].filter(Boolean).join(" ");
      const { results } = await searchSite(page, query);
      expect(results.map((x) => x.href), query).toContain(`/townships/${r.id}/`);
    }
  });
});
