// The site's scope (src/lib/site/scope.ts) and what its pages chart at each (src/lib/site/scopeViews.ts),
// on made-up reports with real division codes (scripts/bench/synthetic/gazetteer.ts).
import { describe, expect, it } from "vitest";
import { townshipsWithin } from "../scripts/bench/synthetic/corpus.ts";
import type { SyntheticTownship } from "../scripts/bench/synthetic/gazetteer.ts";
import type { AggReport } from "../src/lib/site/aggregate.ts";
import { changeSentence, changeText, yearOnYear } from "../src/lib/site/change.ts";
import { LIMITS, fits, limit } from "../src/lib/site/scale.ts";
import { LEVELS, levelBelow, scopeOf, unitsOf, unitsPhrase } from "../src/lib/site/scope.ts";
import { indicatorCharts, latestWithChanges, trendChart } from "../src/lib/site/scopeViews.ts";
import { indicatorSpec } from "../src/lib/extract/indicators.ts";
import { comparePath, comparePlan, pagesOfYears } from "../src/lib/site/comparePages.ts";
import { indicatorPagesPlan } from "../src/lib/site/indicatorPages.ts";

function report(t: SyntheticTownship, year: number, value: number | null, qualifier: "exact" | "at_least" = "exact"): AggReport {
  return {
    id: `${t.code}-${year}`,
    township: t.name,
    county: t.county,
    city: t.city,
    province: t.province,
    code: t.code,
    year,
    indicators: value === null ? {} : { disputes_handled: { value, qualifier, mentions: [] } },
  } as AggReport;
}

/** every township of a region, each year of the range, figure = a function of both */
function site(within: string, years: number[], townships = Infinity): AggReport[] {
  return townshipsWithin(within)
    .slice(0, townships)
    .flatMap((t, i) => years.map((y) => report(t, y, 10 + i + (y - years[0]!) * 2)));
}

const ind = indicatorSpec("disputes_handled")!;
const unsettled: AggReport = { id: "城关镇-2024", township: "城关镇", county: null, city: null, province: null, code: null, year: 2024, indicators: {} } as AggReport;

describe("the scope decision", () => {
  it("one county: its townships are compared", () => {
    const s = scopeOf(site("130283", [2021, 2022, 2023, 2024, 2025]));
    expect([s.level, s.code, s.name, s.unitLevel]).toEqual(["county", "130283", "迁安市", "township"]);
    expect(s.units.length).toBe(21);
    expect(s.units.every((u) => u.years.length === 5)).toBe(true);
    expect(unitsPhrase(s)).toBe("迁安市各乡镇（街道）");
  });
  it("one city: its counties", () => {
    const s = scopeOf(site("1404", [2024]));
    expect([s.level, s.code, s.name, s.unitLevel]).toEqual(["city", "1404", "长治市", "county"]);
    expect(s.units.map((u) => u.code).every((c) => c.startsWith("1404") && c.length === 6)).toBe(true);
    expect(s.units[0]!.path).toBe(`counties/${s.units[0]!.code}/`);
  });
  it("one province: its cities, each linking to its page", () => {
    const s = scopeOf(site("14", [2024], 300));
    expect([s.level, s.code, s.name, s.unitLevel]).toEqual(["province", "14", "山西省", "city"]);
    expect(s.units[0]!.path).toMatch(/^cities\/14\d\d\/$/);
  });
  it("several provinces: provinces", () => {
    const s = scopeOf([...site("130283", [2024]), ...site("140423", [2024])]);
    expect([s.level, s.code, s.name, s.unitLevel]).toEqual(["nation", null, "全国", "province"]);
    expect(s.units.map((u) => u.name)).toEqual(["河北省", "山西省"]);
    expect(unitsPhrase(s)).toBe("各省（区、市）");
  });
  it("a province of one city compares its counties; reports without a code do not count, and are set apart", () => {
    const s = scopeOf([...site("1404", [2024]), unsettled]);
    expect(s.level).toBe("city");
    expect(s.unknown).toEqual([unsettled]);
    const one = scopeOf(site("140423", [2024]), { level: "province", code: "14", name: "山西省" });
    expect([one.level, one.unitLevel]).toEqual(["province", "township"]);
  });
  it("a county with an unsettled report keeps the unsettled one as a township of its own", () => {
    const s = scopeOf([...site("140423", [2024]), unsettled]);
    expect(s.level).toBe("county");
    expect(s.units.map((u) => u.name)).toContain("城关镇");
  });
  it("levels go down one at a time; units group by code", () => {
    expect(levelBelow("nation")).toBe("province");
    expect(levelBelow("county")).toBe("township");
    expect(LEVELS.city.digits).toBe(4);
    const { units, unknown } = unitsOf([...site("1404", [2024], 20), unsettled], "county");
    expect(unknown).toEqual([unsettled]);
    expect(units.reduce((n, u) => n + u.reports.length, 0)).toBe(20);
  });
});

describe("the limits", () => {
  it("each has a value and an environment variable that overrides it", () => {
    for (const [name, l] of Object.entries(LIMITS)) {
      expect(limit(name as keyof typeof LIMITS, {})).toBe(l.value);
      expect(limit(name as keyof typeof LIMITS, { [l.env]: "3" })).toBe(3);
      expect(() => limit(name as keyof typeof LIMITS, { [l.env]: "many" })).toThrow(l.env);
    }
    expect(fits("bars", 40, {})).toBe(true);
    expect(fits("bars", 41, {})).toBe(false);
  });
});

describe("the views at each scope", () => {
  it("a county of 21 townships × 5 years: a bar per township, one panel per township, no region named", () => {
    const reports = site("130283", [2021, 2022, 2023, 2024, 2025]);
    const s = scopeOf(reports);
    const c = indicatorCharts(reports, s, ind, { what: "各乡镇最新年度", idPrefix: "x", latest: true });
    expect(c.bars).toBe("townships");
    expect(c.distribution).toBeNull();
    expect((c.chart!.svg.match(/<rect/g) ?? []).length).toBeGreaterThanOrEqual(21);
    expect(c.chart!.svg).not.toContain("省");
    const t = trendChart(reports, s, ind, { idPrefix: "x" })!;
    expect([t.of, t.panels]).toEqual(["townships", 21]);
    expect(t.svg).toContain("永顺街道");
    // each township's latest figure, +2 a year
    expect(t.svg).toContain("（+2）");
  });
  it("a city's counties: beyond 40 townships, the counties' medians, a distribution and the top and bottom lists", () => {
    const reports = site("1404", [2023, 2024]);
    const s = scopeOf(reports);
    const c = indicatorCharts(reports, s, ind, { what: "2024年", idPrefix: "y", latest: true });
    expect(c.bars).toBe("regions");
    expect(c.chart!.title).toBe("排查调处矛盾纠纷件数：长治市各县中位数（2024年）");
    expect(c.distribution).not.toBeNull();
    expect(c.ranks!.top.length).toBe(10);
    const t = trendChart(reports, s, ind, { idPrefix: "y" })!;
    expect(t.of).toBe("regions");
    expect(t.panels).toBe(s.units.length);
  });
  it("beyond 40 regions and townships: the distribution only; one year: no trend", () => {
    const reports = site("14", [2024]);
    const s = scopeOf(reports, { level: "province", code: "14", name: "山西省" });
    const c = indicatorCharts(reports, { ...s, unitLevel: "county" }, ind, { what: "2024年", idPrefix: "z" });
    expect(c.bars).toBeNull();
    expect(c.distribution).not.toBeNull();
    expect(trendChart(reports, s, ind, { idPrefix: "z" })).toBeNull();
  });
});

describe("year-on-year change", () => {
  const [a] = townshipsWithin("140423");
  it("compares with the report of the year before, not across a gap", () => {
    const r23 = report(a!, 2023, 140);
    const r24 = report(a!, 2024, 152);
    const c = yearOnYear(r24, [r23, r24], "disputes_handled")!;
    expect([c.delta, c.pct?.toFixed(1), c.exact]).toEqual([12, "8.6", true]);
    expect(changeText(c, "件")).toBe("+12（+8.6%）");
    expect(changeSentence(c, "件")).toBe("上年（2023年）140 件，+12（+8.6%）");
    expect(yearOnYear(report(a!, 2025, 100), [r23, report(a!, 2025, 100)], "disputes_handled")).toBeNull();
    expect(changeText(yearOnYear(report(a!, 2024, 130), [r23], "disputes_handled")!, "件")).toBe("−10（−7.1%）");
    expect(changeText(yearOnYear(report(a!, 2024, 140), [r23], "disputes_handled")!, "件")).toBe("持平");
    expect(changeText(yearOnYear(report(a!, 2024, 150, "at_least"), [r23], "disputes_handled")!, "件")).toBe("约+10（+7.1%）");
    expect(changeText(yearOnYear(report(a!, 2024, 3), [report(a!, 2023, 0)], "disputes_handled")!, "件")).toBe("+3");
  });
  it("each township's latest report with its changes", () => {
    const rows = latestWithChanges(site("140423", [2023, 2024]), ["disputes_handled"]);
    expect(rows.length).toBe(townshipsWithin("140423").length);
    expect(rows.every((r) => r.report.year === 2024 && r.changes[0]?.delta === 2)).toBe(true);
  });
});

describe("how indicator and compare pages share out their township-years", () => {
  it("a county's 21 × 5: every year on the indicator page, a compare page a year", () => {
    const reports = site("130283", [2021, 2022, 2023, 2024, 2025]);
    const p = indicatorPagesPlan(reports);
    expect([p.onPage, p.yearPages, p.tableBy]).toEqual([[2025, 2024, 2023, 2022, 2021], [], "township"]);
    const c = comparePlan(reports);
    expect(c.kind).toBe("years");
    if (c.kind === "years") expect(c.years.map((y) => [y.year, y.reports.length])).toEqual([2025, 2024, 2023, 2022, 2021].map((y) => [y, 21]));
    expect(comparePath(2025, 2025)).toBe("compare/");
    expect(comparePath(2023, 2025)).toBe("compare/2023/");
  });
  it("a city's 128 × 4: the latest year on the page, a page a year, regions in the table and on compare", () => {
    // each year's charts count as 40 bars (regions' medians and a distribution): 4 × 40 > 120
    const reports = site("1404", [2022, 2023, 2024, 2025]);
    const p = indicatorPagesPlan(reports);
    expect([p.onPage, p.yearPages, p.tableBy]).toEqual([[2025], [2025, 2024, 2023, 2022], "region"]);
    expect(comparePlan(reports).kind).toBe("regions");
  });
  it("a few reports: all on one compare page", () => {
    const reports = site("140423", [2024]);
    expect(comparePlan(reports)).toEqual({ kind: "reports", reports });
  });
});

describe("pages of whole years", () => {
  it("packs the newest years first up to the limit; a larger year is a page of its own; undated last", () => {
    const reports = site("140423", [2021, 2022, 2023, 2024, 2025]); // 9 townships a year
    expect(pagesOfYears(reports, 20).map((p) => [p.years, p.reports.length])).toEqual([
      [[2025, 2024], 18],
      [[2023, 2022], 18],
      [[2021], 9],
    ]);
    expect(pagesOfYears(reports, 5).map((p) => p.years)).toEqual([[2025], [2024], [2023], [2022], [2021]]);
    const undated = { ...reports[0]!, id: "x", year: null };
    expect(pagesOfYears([...reports, undated], 100).map((p) => p.reports.length)).toEqual([46]);
    expect(pagesOfYears([...reports, undated], 45).at(-1)).toEqual({ years: [], reports: [undated] });
  });
});
