// The aggregates behind the pages at national scale (src/lib/site/aggregate.ts, aggregateViews.ts), the
// township list of the deadline view (src/lib/site/coverage.ts) and the detail switch (src/lib/site/scale.ts),
// on made-up reports.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  countyCodeOf,
  deadlineOf,
  deadlineView,
  formatShare,
  groupByRegion,
  indicatorStats,
  latestPerTownship,
  median,
  provinceCodeOf,
  quantile,
  timeliness,
  todayInChina,
  topBottom,
  type AggReport,
} from "../src/lib/site/aggregate.ts";
import { medianChart, medianSummary, regionStats } from "../src/lib/site/aggregateViews.ts";
import { shortProvinceName } from "../src/lib/site/regionNames.ts";
import { countyTownships, isReportingKind, loadCoverage, parseCoverage, rosterRegions } from "../src/lib/site/coverage.ts";
import { indicatorSpec } from "../src/lib/extract/indicators.ts";
import { townshipsOfCounty } from "../src/lib/extract/gazetteer.ts";
import type { Qualifier } from "../src/lib/extract/types.ts";

const FIXTURES = join(import.meta.dirname, "fixtures", "coverage");

type Rep = AggReport & { reportDate: string | null };
let n = 0;
/** A made-up report: code "140423106" gives 山西省 长治市 襄垣县; figures as { id: value } or [value, qualifier]. */
function rep(code: string | null, township: string, year: number, figures: Record<string, number | [number, Qualifier]> = {}, reportDate: string | null = null): Rep {
  const places: Record<string, [string, string, string]> = {
    "140423": ["山西省", "长治市", "襄垣县"],
    "140426": ["山西省", "长治市", "黎城县"],
    "500235": ["重庆市", "重庆市", "云阳县"],
  };
  const [province, city, county] = (code && places[code.slice(0, 6)]) || [null, null, null];
  const indicators = Object.fromEntries(
    Object.entries(figures).map(([id, f]) => {
      const [value, qualifier] = Array.isArray(f) ? f : [f, "exact" as Qualifier];
      return [id, { value, qualifier, mentions: [{ value, qualifier, part: false, start: 0, end: 1, confidence: "high" as const, reason: "test" }] }];
    }),
  );
  return { id: `r${++n}`, township, county, city, province, code, year, indicators, reportDate };
}

const WANGCUN_23 = rep("140423106", "王村镇", 2023, { disputes_handled: 100, training_sessions: 0 }, "2024-03-31");
const WANGCUN_24 = rep("140423106", "王村镇", 2024, { disputes_handled: 152, training_sessions: [5, "at_least"] }, "2025-04-01");
const GUHAN_24 = rep("140423100", "古韩镇", 2024, { disputes_handled: 40 }, null);
const LICHENG_24 = rep("140426100", "黎城镇", 2024, { disputes_handled: 0 }, "2025-01-10");
const SHASHI_24 = rep("500235123", "沙市镇", 2024, { disputes_handled: [3000, "at_least"], training_sessions: 17 }, "2025-02-01");
const CHENGGUAN_24 = rep(null, "城关镇", 2024, { disputes_handled: 7 });
const ALL = [WANGCUN_23, WANGCUN_24, GUHAN_24, LICHENG_24, SHASHI_24, CHENGGUAN_24];

describe("numbers", () => {
  it("median and quantiles", () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([0, 0, 10])).toBe(0);
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([1, 2, 3, 4], 0.75)).toBe(3.25);
    expect(quantile([7], 0.9)).toBe(7);
    // the input is not reordered
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });

  it("shares", () => {
    expect(formatShare(1, 4)).toBe("25%");
    expect(formatShare(0, 4)).toBe("0%");
    expect(formatShare(4, 4)).toBe("100%");
    expect(formatShare(1, 1000)).toBe("<1%");
    expect(formatShare(999, 1000)).toBe(">99%");
    expect(formatShare(0, 0)).toBe("—");
  });

  it("indicator statistics keep 0 apart from 未报告", () => {
    const s = indicatorStats(ALL, "disputes_handled");
    expect(s).toMatchObject({ reports: 6, reported: 6, zeros: 1, missing: 0, inexact: 1, min: 0, max: 3000 });
    expect(s.median).toBe((40 + 100) / 2);
    const t = indicatorStats(ALL, "training_sessions");
    expect(t).toMatchObject({ reports: 6, reported: 3, zeros: 1, missing: 3, inexact: 1, median: 5 });
    expect(indicatorStats([], "training_sessions")).toMatchObject({ reports: 0, reported: 0, median: null, min: null, max: null });
  });
});

describe("selections", () => {
  it("the latest report of each township", () => {
    const latest = latestPerTownship(ALL);
    expect(latest).toHaveLength(5);
    expect(latest).toContain(WANGCUN_24);
    expect(latest).not.toContain(WANGCUN_23);
  });

  it("top and bottom: largest first, smallest first, never the same row twice", () => {
    const { top, bottom, reported } = topBottom(ALL, "disputes_handled", 2);
    expect(reported).toBe(6);
    expect(top.map((r) => [r.report.township, r.value, r.qualifier])).toEqual([
      ["沙市镇", 3000, "at_least"],
      ["王村镇", 152, "exact"],
    ]);
    expect(bottom.map((r) => [r.report.township, r.value])).toEqual([
      ["黎城镇", 0],
      ["城关镇", 7],
    ]);
    // fewer than 2n figures: the rest only
    const few = topBottom(ALL, "training_sessions", 2);
    expect(few.top.map((r) => r.value)).toEqual([17, 5]);
    expect(few.bottom.map((r) => r.value)).toEqual([0]);
    // n or fewer: no bottom list
    expect(topBottom(ALL, "training_sessions", 10).bottom).toEqual([]);
    expect(topBottom(ALL, "training_sessions", 10).top).toHaveLength(3);
  });

  it("ties are broken by code, the same on every run", () => {
    const a = rep("140423101", "王桥镇", 2024, { mediators: 5 });
    const b = rep("140423100", "古韩镇", 2024, { mediators: 5 });
    expect(topBottom([a, b], "mediators", 1).top[0]?.report).toBe(b);
    expect(topBottom([b, a], "mediators", 1).top[0]?.report).toBe(b);
  });
});

describe("regions", () => {
  it("codes of province and county", () => {
    expect(provinceCodeOf(WANGCUN_24)).toBe("14");
    expect(countyCodeOf(WANGCUN_24)).toBe("140423");
    expect(countyCodeOf(CHENGGUAN_24)).toBeNull();
  });

  it("groups by province and county, by code, names from the reports; no code → unknown", () => {
    const { provinces, unknown } = groupByRegion(ALL);
    expect(unknown).toEqual([CHENGGUAN_24]);
    expect(provinces.map((p) => [p.code, p.name, p.reports.length, p.townships, p.years])).toEqual([
      ["14", "山西省", 4, 3, [2023, 2024]],
      ["50", "重庆市", 1, 1, [2024]],
    ]);
    const shanxi = provinces[0]!;
    expect(shanxi.counties.map((c) => [c.code, c.name, c.city, c.townships, c.reports.length])).toEqual([
      ["140423", "襄垣县", "长治市", 2, 3],
      ["140426", "黎城县", "长治市", 1, 1],
    ]);
  });

  it("regional medians and their caption", () => {
    const { provinces } = groupByRegion(ALL);
    const rows = regionStats(provinces, "disputes_handled", latestPerTownship);
    expect(rows.map((r) => [r.name, r.stats.median, r.stats.reported])).toEqual([
      ["山西省", 40, 3],
      ["重庆市", 3000, 1],
    ]);
    expect(medianSummary(rows, "件", "个乡镇")).toBe("2 个省份有报告给出此项。中位数最高为重庆市（3,000 件，1 个乡镇），最低为山西省（40 件，3 个乡镇）。");
    const training = regionStats(provinces, "mediators");
    expect(medianSummary(training, "人", "份")).toBe("尚无省份有报告给出此项。2 个省份没有报告给出此项：山西省、重庆市。");
    const chart = medianChart(rows, indicatorSpec("disputes_handled")!, { title: "各省中位数", countWord: "个乡镇" });
    // provinces by their short names, the count of figures in brackets, explained by the chart's note
    expect(chart.svg).toContain("重庆（1）");
    expect(chart.svg).toContain("山西（3）");
    expect(chart.svg).toContain("单位：件；括号内为乡镇数");
    expect(chart.svg).not.toContain("未知"); // no legend of groups
  });
});

describe("short province names for chart labels", () => {
  it.each([
    ["内蒙古自治区", "内蒙古"],
    ["新疆维吾尔自治区", "新疆"],
    ["广西壮族自治区", "广西"],
    ["宁夏回族自治区", "宁夏"],
    ["西藏自治区", "西藏"],
    ["香港特别行政区", "香港"],
    ["黑龙江省", "黑龙江"],
    ["北京市", "北京"],
    ["地区未确定", "地区未确定"],
  ])("%s → %s", (name, short) => {
    expect(shortProvinceName(name)).toBe(short);
  });
});

describe("the reporting deadline", () => {
  it("is 31 March of the next year; later is late, no date is 日期不详", () => {
    expect(deadlineOf(2024)).toBe("2025-03-31");
    expect(timeliness(2024, "2025-03-31")).toBe("on_time");
    expect(timeliness(2024, "2025-01-05")).toBe("on_time");
    expect(timeliness(2024, "2025-04-01")).toBe("late");
    expect(timeliness(2024, "2026-01-01")).toBe("late");
    expect(timeliness(2024, null)).toBe("date_unknown");
    expect(timeliness(2024, "2025年")).toBe("date_unknown");
  });

  it("per year: on time, late, date unknown, 缺报 once due, 未到期 before, with townships of the list first", () => {
    const list = [
      { code: "140423100", township: "古韩镇" },
      { code: "140423101", township: "王桥镇" },
      { code: "140423106", township: "王村镇" },
    ];
    const stray = rep("140423199", "新设镇", 2024, {}, "2025-03-01");
    const v = deadlineView(list, [WANGCUN_23, WANGCUN_24, GUHAN_24, stray], [2023, 2024, 2025], "2025-06-01");
    expect(v.townships.map((t) => [t.township, t.listed])).toEqual([
      ["古韩镇", true],
      ["王桥镇", true],
      ["王村镇", true],
      ["新设镇", false],
    ]);
    expect(v.years.map((y) => y.year)).toEqual([2025, 2024, 2023]);
    const [y25, y24, y23] = v.years;
    expect(y25!.cells.map((c) => c.status)).toEqual(["not_due", "not_due", "not_due", "not_due"]);
    expect(y24!.cells.map((c) => c.status)).toEqual(["date_unknown", "missing", "late", "on_time"]);
    expect(y24!.cells[2]!.report).toBe(WANGCUN_24);
    expect(y24!.counts).toEqual({ on_time: 1, late: 1, date_unknown: 1, missing: 1, not_due: 0 });
    expect(y23!.cells.map((c) => c.status)).toEqual(["missing", "missing", "on_time", "missing"]);
    expect(y23!.due).toBe("2024-03-31");
  });

  it("today is the date in China", () => {
    expect(todayInChina(new Date("2025-03-31T17:00:00Z"))).toBe("2025-04-01");
    expect(todayInChina(new Date("2025-03-31T15:00:00Z"))).toBe("2025-03-31");
  });
});

describe("the township list (data/townships.csv)", () => {
  it("reads codes, and names with their county, from a file with BOM and CRLF", () => {
    const { townships, errors } = parseCoverage(readFileSync(join(FIXTURES, "townships.csv"), "utf8"), "townships.csv");
    expect(errors).toEqual([]);
    expect(townships).toEqual([
      { code: "140423100", township: "古韩镇", county: "襄垣县" },
      { code: "140423106", township: "王村镇", county: "襄垣县" },
      { code: "140423102", township: "侯堡镇", county: "襄垣县" },
      { code: "140423101", township: "王桥镇", county: "襄垣" },
      { code: "140423108", township: "善福镇", county: null },
    ]);
  });

  it("names every bad row with its line", () => {
    const { townships, errors } = parseCoverage(readFileSync(join(FIXTURES, "bad-townships.csv"), "utf8"), "bad.csv");
    expect(townships.map((t) => t.code)).toEqual(["140423100"]);
    expect(errors).toEqual([
      expect.stringMatching(/^bad\.csv:3: township 王村镇 is ambiguous \(\d+ places\): give its code or county$/),
      "bad.csv:4: township 不存在镇 is not in the national division list: give its code",
      'bad.csv:5: code "12345" is not a 9-digit township code',
      "bad.csv:6: township 140423100 is listed twice (also on line 2)",
    ]);
    expect(() => loadCoverage(join(FIXTURES, "bad-townships.csv"))).toThrow(/4 problem\(s\)/);
    expect(loadCoverage(join(FIXTURES, "no-such-file.csv"))).toBeNull();
  });

  it("takes Chinese headers and a lookup of its own", () => {
    const lookup = (name: string) => (name === "甲镇" ? [{ code: "999999001", township: "甲镇", county: "乙县" }] : []);
    expect(parseCoverage("区划代码,乡镇,县\n,甲镇,乙县\n", "x.csv", lookup)).toEqual({ townships: [{ code: "999999001", township: "甲镇", county: "乙县" }], errors: [] });
    expect(parseCoverage("名字\n甲镇\n", "x.csv", lookup).errors).toEqual(['x.csv:1: unknown column "名字" (expected: code, township, county)', "x.csv:1: missing column: code or township"]);
  });

  it("a county's townships: those of the list, else the 镇/乡/街道/苏木 of the division list", () => {
    const list = parseCoverage(readFileSync(join(FIXTURES, "townships.csv"), "utf8")).townships;
    expect(countyTownships("140423", list).map((t) => t.township)).toEqual(["古韩镇", "王桥镇", "侯堡镇", "王村镇", "善福镇"]);
    expect(countyTownships("140426", list)).toEqual([]);
    const all = countyTownships("140423", null);
    expect(all.map((t) => t.township)).toEqual(["古韩镇", "王桥镇", "侯堡镇", "夏店镇", "虒亭镇", "西营镇", "王村镇", "下良镇", "善福镇"]);
    // the division list also has a development zone there, which publishes no report
    expect(townshipsOfCounty("140423").map((t) => t.township)).toContain("襄垣经济技术开发区");
    expect(isReportingKind("襄垣经济技术开发区")).toBe(false);
    expect(isReportingKind("龙华街道")).toBe(true);
  });

  it("counties of the list without reports get a page too", () => {
    const list = [{ code: "140423100", township: "古韩镇", county: "襄垣县" }, { code: "140425100", township: "某镇", county: null }];
    const { provinces, unknown } = rosterRegions(ALL, list);
    expect(unknown).toEqual([CHENGGUAN_24]);
    const shanxi = provinces.find((p) => p.code === "14")!;
    expect(shanxi.counties.map((c) => [c.code, c.reports.length, c.roster.length])).toEqual([
      ["140423", 3, 1],
      ["140425", 0, 1],
      ["140426", 1, 0],
    ]);
    expect(shanxi.counties[1]!.name).toBe("平顺县");
  });
});
