// The aggregated charts and their captions, as the pages at scale show them: each province's median of
// an indicator (with how many townships or reports it rests on) and the distribution of its values.
// Pure, no Astro imports.
import { indicatorStats, type AggReport, type IndicatorStats } from "./aggregate.ts";
import { barChartSvg, type BarDatum } from "../charts/barChart.ts";
import { histogramBins, histogramSummary, histogramSvg } from "../charts/histogram.ts";
import { formatNumber } from "./format.ts";
import { shortProvinceName } from "./regionNames.ts";
import type { IndicatorSpec } from "../extract/indicators.ts";

export interface RegionStats {
  code: string;
  name: string;
  stats: IndicatorStats;
}

/** One row per region: the indicator's statistics over the reports `select` picks of its reports. */
export function regionStats<R extends AggReport>(
  regions: readonly { code: string; name: string; reports: R[] }[],
  id: string,
  select: (reports: R[]) => R[] = (rs) => rs,
): RegionStats[] {
  return regions.map((g) => ({ code: g.code, name: g.name, stats: indicatorStats(select(g.reports), id) }));
}

function withUnit(value: number, unit: string): string {
  return `${formatNumber(value)}${unit === "%" ? "%" : unit ? ` ${unit}` : ""}`;
}

/**
 * "28 个省份有报告给出此项。中位数最高为广东省（152 件，120 个乡镇），最低为西藏自治区（3 件，5 个乡镇）。
 * 3 个省份没有报告给出此项：…。"
 */
export function medianSummary(rows: readonly RegionStats[], unit: string, countWord: string, regionWord = "省份"): string {
  const given = rows.filter((r) => r.stats.median !== null).sort((a, b) => (b.stats.median ?? 0) - (a.stats.median ?? 0));
  const none = rows.filter((r) => r.stats.median === null);
  const of = (r: RegionStats) => `${r.name}（${withUnit(r.stats.median ?? 0, unit)}，${formatNumber(r.stats.reported)} ${countWord}）`;
  const parts: string[] = [];
  const first = given[0];
  const last = given[given.length - 1];
  if (!first || !last) parts.push(`尚无${regionWord}有报告给出此项。`);
  else if (given.length === 1) parts.push(`1 个${regionWord}有报告给出此项：${of(first)}。`);
  else parts.push(`${given.length} 个${regionWord}有报告给出此项。中位数最高为${of(first)}，最低为${of(last)}。`);
  if (none.length) {
    const names = none.map((r) => r.name);
    parts.push(`${none.length} 个${regionWord}没有报告给出此项${names.length <= 10 ? `：${names.join("、")}` : ""}。`);
  }
  return parts.join("");
}

/**
 * Bar chart of each region's median, largest first, labelled "河北（312）" (provinces by their short
 * names): the median rests on that many figures (未报告 left out, 0 included), as the chart's note
 * says. Regions without a figure are left out (the caption names them).
 */
export function medianChart(rows: readonly RegionStats[], ind: IndicatorSpec, o: { title: string; countWord: string; regionWord?: string; id?: string }): { caption: string; svg: string } {
  const data: BarDatum[] = rows
    .filter((r) => r.stats.median !== null)
    .map((r) => ({ label: `${r.code.length === 2 ? shortProvinceName(r.name) : r.name}（${formatNumber(r.stats.reported)}）`, group: "", value: r.stats.median ?? 0, qualifier: "exact" }));
  const caption = medianSummary(rows, ind.unit, o.countWord, o.regionWord);
  const svg = barChartSvg(data, {
    title: o.title,
    description: `${o.title}：各${o.regionWord ?? "省份"}${ind.label_zh}的中位数，横向条形图，从大到小排列，括号内为中位数所依据的数字个数。${caption}`,
    unit: ind.unit,
    groupLabel: "",
    groupLegend: false,
    note: `括号内为${o.countWord === "份" ? "报告份数" : `${o.countWord.replace(/^个/, "")}数`}`,
    ...(o.id ? { id: o.id } : {}),
  });
  return { caption, svg };
}

/** Histogram of the indicator's figures in these reports, with its caption. */
export function distributionChart(reports: readonly AggReport[], ind: IndicatorSpec, o: { title: string; countWord?: string; id?: string }): { caption: string; svg: string; stats: IndicatorStats } {
  const values: number[] = [];
  for (const r of reports) {
    const t = r.indicators[ind.id];
    if (t) values.push(t.value);
  }
  const stats = indicatorStats(reports, ind.id);
  const bins = histogramBins(values, ind.kind === "rate" ? "rate" : "count");
  const countWord = o.countWord ?? "份报告";
  const caption = histogramSummary(bins, { unit: ind.unit, median: stats.median, missing: stats.missing, countWord });
  const svg = histogramSvg(bins, {
    title: o.title,
    description: `${o.title}：各数值区间的${countWord.slice(1)}数，横向条形图，数值从小到大自上而下。${caption}`,
    unit: ind.unit,
    countWord,
    ...(o.id ? { id: o.id } : {}),
  });
  return { caption, svg, stats };
}
