// The charts and tables of one indicator at a scope (src/lib/site/scope.ts), as the home, indicator and
// region pages show them: a bar per township while the townships fit (LIMITS.bars), else a bar per
// region (their medians) while the regions fit, and beyond the townships' bars a distribution with the
// top and bottom lists; over the years, small multiples of each township (or region) while they fit
// (LIMITS.smallMultiples). Pure, no Astro imports (tests/scopeViews.test.ts).
import { latestPerTownship, median, topBottom, townshipKeyOf, type AggReport, type RankedRow } from "./aggregate.ts";
import { distributionChart, medianChart, regionStats } from "./aggregateViews.ts";
import { yearOnYear, type Change } from "./change.ts";
import { limit } from "./scale.ts";
import { LEVELS, unitsOf, type Scope, type Unit } from "./scope.ts";
import { barChartSvg, type BarDatum } from "../charts/barChart.ts";
import { smallMultiplesSvg } from "../charts/smallMultiples.ts";
import { barSummary } from "../charts/summary.ts";
import type { SeriesDatum } from "../charts/slopeChart.ts";
import type { IndicatorSpec } from "../extract/indicators.ts";

export interface Chart {
  /** the figure's id on the page */
  id: string;
  title: string;
  caption: string;
  svg: string;
}

export interface IndicatorCharts<R extends AggReport> {
  /** what the bars are: townships (their figures), regions (their medians), or none (too many of both) */
  bars: "townships" | "regions" | null;
  chart: Chart | null;
  /** beyond the townships' bars: the distribution of their figures and the top and bottom lists */
  distribution: Chart | null;
  ranks: { top: RankedRow<R>[]; bottom: RankedRow<R>[]; reported: number } | null;
  /** townships (or regions) without the figure, named when the bars are townships' */
  missing: string[];
}

/** What a township is called on a chart: its name, and its unit's when the townships belong to several. */
function townshipGroup<R extends AggReport>(scope: Pick<Scope<R>, "unitLevel">, r: R): string {
  if (scope.unitLevel === "township") return "";
  const key = r.code?.slice(0, LEVELS[scope.unitLevel].digits);
  const pick = { province: r.province, city: r.city, county: r.county }[scope.unitLevel];
  return pick ?? key ?? "地区未确定";
}

/**
 * The charts of indicator `ind` over `reports` (one year's, or each township's latest: `latest`),
 * within `scope`. `what` names the figures in titles: "2024年" or "各乡镇最新年度".
 */
export function indicatorCharts<R extends AggReport>(
  reports: readonly R[],
  scope: Pick<Scope<R>, "unitLevel" | "name" | "level">,
  ind: IndicatorSpec,
  o: { what: string; idPrefix: string; latest?: boolean },
): IndicatorCharts<R> {
  const rows = o.latest ? latestPerTownship(reports) : [...reports];
  const where = scope.level === "nation" ? "" : scope.name;
  const multiGroup = scope.unitLevel !== "township";
  if (rows.length <= limit("bars")) {
    const data: BarDatum[] = rows
      .filter((r) => r.indicators[ind.id])
      .map((r) => ({ label: o.latest && r.year ? `${r.township}（${r.year}）` : (r.township ?? r.id), group: townshipGroup(scope, r), value: r.indicators[ind.id]!.value, qualifier: r.indicators[ind.id]!.qualifier }));
    const missing = rows.filter((r) => !r.indicators[ind.id]).map((r) => r.township ?? r.id);
    const title = `${ind.label_zh}：${where}各乡镇（街道）（${o.what}）`;
    const caption = barSummary(data, ind.unit, missing);
    const svg = barChartSvg(data, {
      title,
      description: `${title}，横向条形图，从大到小排列。${caption}`,
      unit: ind.unit,
      groupLabel: multiGroup ? LEVELS[scope.unitLevel].zh : "",
      groupLegend: multiGroup && new Set(data.map((d) => d.group)).size > 1,
      id: `fzc-${o.idPrefix}`,
    });
    return { bars: "townships", chart: { id: `chart-${o.idPrefix}`, title, caption, svg }, distribution: null, ranks: null, missing };
  }
  const { units } = unitsOf(rows, scope.unitLevel);
  let chart: Chart | null = null;
  if (units.length >= 2 && units.length <= limit("bars")) {
    const stats = regionStats(units, ind.id);
    const title = `${ind.label_zh}：${where}各${LEVELS[scope.unitLevel].short}中位数（${o.what}）`;
    const m = medianChart(stats, ind, { title, countWord: "个乡镇", regionWord: LEVELS[scope.unitLevel].zh, id: `fzc-m-${o.idPrefix}` });
    chart = { id: `chart-${o.idPrefix}`, title, caption: m.caption, svg: m.svg };
  }
  const dTitle = `${ind.label_zh}：${where}各乡镇（街道）的分布（${o.what}）`;
  const d = distributionChart(rows, ind, { title: dTitle, countWord: "个乡镇（街道）", id: `fzc-d-${o.idPrefix}` });
  return {
    bars: chart ? "regions" : null,
    chart,
    distribution: { id: `dist-${o.idPrefix}`, title: dTitle, caption: d.caption, svg: d.svg },
    ranks: topBottom(rows, ind.id, 10),
    missing: [],
  };
}

export interface TrendChart extends Chart {
  /** what the panels are */
  of: "townships" | "regions";
  panels: number;
}

/**
 * Small multiples of indicator `ind` over the years: one panel a township while they fit, else one a
 * region (its median each year), else null (as with fewer than two years).
 */
export function trendChart<R extends AggReport>(reports: readonly R[], scope: Pick<Scope<R>, "unitLevel" | "name" | "level">, ind: IndicatorSpec, o: { idPrefix: string }): TrendChart | null {
  const years = new Set(reports.flatMap((r) => (r.year === null ? [] : [r.year])));
  if (years.size < 2) return null;
  const where = scope.level === "nation" ? "" : scope.name;
  const max = limit("smallMultiples");
  const townships = unitsOf(reports, "township").units;
  let data: SeriesDatum[];
  let of: TrendChart["of"];
  if (townships.length <= max) {
    of = "townships";
    const names = new Map<string, number>();
    for (const t of townships) names.set(t.name, (names.get(t.name) ?? 0) + 1);
    data = townships.flatMap((t) => {
      const name = (names.get(t.name) ?? 0) > 1 ? `${t.name}（${t.reports[0]?.county ?? t.code}）` : t.name;
      return t.reports.flatMap((r) => (r.year !== null && r.indicators[ind.id] ? [{ series: name, year: r.year, value: r.indicators[ind.id]!.value, qualifier: r.indicators[ind.id]!.qualifier }] : []));
    });
  } else {
    const { units } = unitsOf(reports, scope.unitLevel);
    if (units.length < 2 || units.length > max) return null;
    of = "regions";
    data = units.flatMap((u) =>
      [...years].sort().flatMap((y) => {
        const m = median(u.reports.flatMap((r) => (r.year === y && r.indicators[ind.id] ? [r.indicators[ind.id]!.value] : [])));
        return m === null ? [] : [{ series: u.name, year: y, value: m, qualifier: "exact" as const }];
      }),
    );
  }
  const panels = new Set(data.map((d) => d.series)).size;
  const title = of === "townships" ? `${ind.label_zh}：${where}各乡镇（街道）的年度变化` : `${ind.label_zh}：${where}各${LEVELS[scope.unitLevel].short}中位数的年度变化`;
  const caption = `每个小图为一个${of === "townships" ? "乡镇（街道）" : LEVELS[scope.unitLevel].zh}，纵轴相同；小图上方为最新年度的数字${of === "townships" ? "及与上年相比的增减" : "（中位数）及与上年相比的增减"}。只有一个年度给出此项的不画出。`;
  const svg = smallMultiplesSvg(data, { title, description: `${title}：小多图，每个${of === "townships" ? "乡镇" : "地区"}一条折线。${caption}`, unit: ind.unit, id: `fzc-t-${o.idPrefix}` });
  return { id: `trend-${o.idPrefix}`, title, caption, svg, of, panels };
}

export interface TownshipRow<R> {
  /** the township's latest report */
  report: R;
  /** per indicator asked for: the change from the year before (null: none to compare) */
  changes: (Change | null)[];
}

/** Each township's latest report with the year-on-year change of each indicator, by township name. */
export function latestWithChanges<R extends AggReport>(reports: readonly R[], ids: readonly string[]): TownshipRow<R>[] {
  const byTownship = new Map<string, R[]>();
  for (const r of reports) {
    const k = townshipKeyOf(r);
    byTownship.set(k, [...(byTownship.get(k) ?? []), r]);
  }
  const zh = new Intl.Collator("zh-CN");
  return latestPerTownship(reports)
    .map((r) => ({ report: r, changes: ids.map((id) => yearOnYear(r, byTownship.get(townshipKeyOf(r)) ?? [], id)) }))
    .sort((a, b) => zh.compare(a.report.township ?? "", b.report.township ?? "") || (a.report.code ?? "").localeCompare(b.report.code ?? ""));
}

/** The units' statistics of each indicator, for coverage and compare matrices. */
export function unitMatrix<R extends AggReport>(units: readonly Unit<R>[], ids: readonly string[], select?: (rs: R[]) => R[]) {
  return ids.map((id) => ({ id, cells: regionStats(units, id, select) }));
}

