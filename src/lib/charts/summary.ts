// Chart captions: one or two Chinese sentences that say what a chart shows, for every reader.
import { formatFigure } from "../site/format.ts";
import type { Qualifier } from "../extract/types.ts";
import { barName, sortBars, type BarDatum } from "./barChart.ts";
import { seriesOf, type SeriesDatum } from "./slopeChart.ts";

/** At most this many names are listed in a caption; the rest are counted ("等 12 个"). */
const MAX_LISTED = 10;

function list(names: readonly string[]): string {
  if (names.length <= MAX_LISTED) return names.join("、");
  return `${names.slice(0, MAX_LISTED).join("、")}等 ${names.length} 个`;
}

/** Names as the reader needs them: the group is added only where a name occurs twice (two 王村镇). */
function namer(data: readonly BarDatum[]): (d: BarDatum) => string {
  const count = new Map<string, number>();
  for (const d of data) count.set(d.label, (count.get(d.label) ?? 0) + 1);
  return (d) => ((count.get(d.label) ?? 0) > 1 ? barName(d) : d.label);
}

/**
 * "5 个乡镇（街道）报告了此项。最多为古龙镇（约30,000 件），最少为蒲场镇（0 件）；3 个为非确数（≥ 近 约）。
 * 2 个未报告：东城街道、西城街道。"
 */
export function barSummary(data: BarDatum[], unit: string, missing: string[]): string {
  const clean = sortBars(data.filter((d) => Number.isFinite(d.value)));
  const name = namer(clean);
  const fig = (d: BarDatum) => formatFigure(d.value, d.qualifier, unit);
  const parts: string[] = [];
  const first = clean[0];
  const last = clean[clean.length - 1];
  if (!first || !last) {
    parts.push("尚无乡镇（街道）报告此项。");
  } else if (clean.length === 1) {
    parts.push(`1 个乡镇（街道）报告了此项：${name(first)}（${fig(first)}）。`);
  } else {
    const top = clean.filter((d) => d.value === first.value);
    const bottom = clean.filter((d) => d.value === last.value);
    let sentence = `${clean.length} 个乡镇（街道）报告了此项。`;
    if (first.value === last.value) {
      sentence += `各乡镇（街道）数字相同（${fig(first)}）`;
    } else {
      const extreme = (ds: BarDatum[], word: string) =>
        ds.length === 1 ? `${word}为${name(ds[0] as BarDatum)}（${fig(ds[0] as BarDatum)}）` : `${word}为${list(ds.map(name))}（各 ${formatFigure(ds[0]?.value ?? 0, "exact", unit)}）`;
      sentence += `${extreme(top, "最多")}，${extreme(bottom, "最少")}`;
    }
    const zeros = clean.filter((d) => d.value === 0);
    const notes: string[] = [];
    if (zeros.length && zeros.length < clean.length) notes.push(`${zeros.length} 个报告为零`);
    const inexact = clean.filter((d) => d.qualifier !== "exact").length;
    if (inexact) notes.push(`${inexact} 个为非确数（≥ 近 约）`);
    parts.push(`${sentence}${notes.length ? `；${notes.join("，")}` : ""}。`);
  }
  if (missing.length) parts.push(`${missing.length} 个未报告：${list(missing)}。`);
  return parts.join("");
}

/** Bounds of what a figure allows, for saying "增至" only when its qualifiers cannot contradict it. */
function bounds(value: number, q: Qualifier): [number, number] {
  switch (q) {
    case "exact":
      return [value, value];
    case "at_least":
      return [value, Infinity];
    case "at_most":
      return [-Infinity, value];
    case "approx":
      // 约: taken as within ±10%
      return [value - Math.abs(value) * 0.1, value + Math.abs(value) * 0.1];
  }
}

/**
 * "沙市镇从2023年的120 件增至2024年的152 件；王村镇从2023年的≥100 件变为2024年的95 件。"
 * First and last year of each series with two years or more. The verb is 增至 / 减至 only when the
 * qualifiers (≥ 近 约, 约 taken as ±10%) leave no doubt about the direction, 持平 when both are the
 * same exact figure, 变为 otherwise.
 */
export function slopeSummary(data: SeriesDatum[], unit: string): string {
  const series = seriesOf(data);
  if (!series.length) return "暂无两个以上年份的数据可比较。";
  const clauses = series.map((s) => {
    const a = s.points[0] as SeriesDatum;
    const b = s.points[s.points.length - 1] as SeriesDatum;
    const [aLo, aHi] = bounds(a.value, a.qualifier);
    const [bLo, bHi] = bounds(b.value, b.qualifier);
    const fa = formatFigure(a.value, a.qualifier, unit);
    const fb = formatFigure(b.value, b.qualifier, unit);
    if (a.qualifier === "exact" && b.qualifier === "exact" && a.value === b.value) {
      return `${s.name}${a.year}年和${b.year}年均为${fa}`;
    }
    const verb = aHi < bLo ? "增至" : aLo > bHi ? "减至" : "变为";
    return `${s.name}从${a.year}年的${fa}${verb}${b.year}年的${fb}`;
  });
  return `${clauses.join("；")}。`;
}
