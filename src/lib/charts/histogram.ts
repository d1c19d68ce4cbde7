// The distribution of one indicator over many reports: how many reports fall in each range of values.
// Counts are skewed (most townships mediate tens of disputes, a few thousands), so the ranges grow
// 1–2–5 (1, 2–4, 5–9, 10–19, 20–49 …) and 0 has a row of its own (a stated zero is not 未报告, which is
// not drawn at all). Rates (%) use tens (0–9%, …, 90–100%). One horizontal bar per range, smallest
// values at the top, the range written beside its bar and the number of reports at its end.
import * as Plot from "@observablehq/plot";
import { formatNumber } from "../site/format.ts";
import { unitNote } from "./legend.ts";
import { emptyChartSvg, renderSvg } from "./render.ts";
import { labelColumn, rowTexts } from "./barChart.ts";
import { DEFAULT_WIDTH, MUTED, PALETTE, ROW_STEP, textWidth } from "./theme.ts";

export interface HistogramBin {
  /** lowest value of the range */
  lo: number;
  /** first value above the range (null: the zero row, and the last rate row, which includes 100) */
  hi: number | null;
  /** "0", "1", "2–4", "1,000–1,999"; rates "90–100%" */
  label: string;
  count: number;
}

/** 1, 2, 5, 10, 20, 50, … : the lower bounds of the count ranges. */
function stepAfter(edge: number): number {
  const power = 10 ** Math.floor(Math.log10(edge) + 1e-9);
  const lead = Math.round(edge / power);
  return lead === 1 ? 2 * power : lead === 2 ? 5 * power : 10 * power;
}

function rangeLabel(lo: number, hiInclusive: number, suffix = ""): string {
  return lo === hiInclusive ? `${formatNumber(lo)}${suffix}` : `${formatNumber(lo)}–${formatNumber(hiInclusive)}${suffix}`;
}

/**
 * The rows of the histogram. Counts: a "0" row (always), then 1–2–5 ranges from the first to the last
 * that holds a value (empty ranges in between are kept: the gaps are part of the shape); a value
 * between 0 and 1 counts in the "1" row. Rates: ten-point ranges from the first to the last used.
 * No values: no rows.
 */
export function histogramBins(values: readonly number[], kind: "count" | "rate" = "count"): HistogramBin[] {
  const clean = values.filter((v) => Number.isFinite(v) && v >= 0);
  if (clean.length === 0) return [];
  if (kind === "rate") {
    const bins: HistogramBin[] = Array.from({ length: 10 }, (_, i) => ({
      lo: i * 10,
      hi: i === 9 ? null : (i + 1) * 10,
      label: i === 9 ? "90–100%" : rangeLabel(i * 10, i * 10 + 9, "%"),
      count: 0,
    }));
    for (const v of clean) (bins[Math.min(9, Math.floor(v / 10))] as HistogramBin).count++;
    const used = bins.flatMap((b, i) => (b.count > 0 ? [i] : []));
    return bins.slice(used[0], (used[used.length - 1] ?? 0) + 1);
  }
  const zero: HistogramBin = { lo: 0, hi: null, label: "0", count: clean.filter((v) => v === 0).length };
  const positive = clean.filter((v) => v > 0);
  if (positive.length === 0) return [zero];
  const max = Math.max(...positive);
  const bins: HistogramBin[] = [];
  for (let lo = 1; lo <= Math.max(1, max); lo = stepAfter(lo)) {
    const hi = stepAfter(lo);
    bins.push({ lo, hi, label: rangeLabel(lo, hi - 1), count: 0 });
  }
  for (const v of positive) {
    const b = bins.find((x) => Math.max(1, v) < (x.hi ?? Infinity)) ?? bins[bins.length - 1];
    if (b) b.count++;
  }
  const used = bins.flatMap((b, i) => (b.count > 0 ? [i] : []));
  return [zero, ...bins.slice(used[0], (used[used.length - 1] ?? 0) + 1)];
}

export interface HistogramOptions {
  title: string;
  description: string;
  /** unit of the values (件, 次, %): the ranges are written with it, "单位：件" */
  unit: string;
  /** what is counted: "份报告" (default) or "个乡镇" */
  countWord?: string;
  width?: number;
  /** id prefix, unique on the page (default: a hash of the chart) */
  id?: string;
}

const BAR_INSET = 3;
const MARGIN_LEFT = 4;

interface Row extends HistogramBin {
  key: number;
  name: string;
  countText: string;
}

/**
 * One bar per range, in value order from the top; the range beside its bar ("100–199 件") and the
 * number of reports at its end. No rows give a small "暂无数据" SVG.
 */
export function histogramSvg(bins: readonly HistogramBin[], o: HistogramOptions): string {
  const width = o.width ?? DEFAULT_WIDTH;
  if (bins.length === 0) return emptyChartSvg({ title: o.title, description: o.description, width });
  const countWord = o.countWord ?? "份报告";
  const unitSuffix = o.unit && o.unit !== "%" ? ` ${o.unit}` : "";
  const named = bins.map((b, key) => ({ ...b, key, name: `${b.label}${unitSuffix}`, countText: formatNumber(b.count) }));
  const { labels, marginLeft } = labelColumn(named.map((r) => r.name), width);
  const rows: Row[] = named.map((r, i) => ({ ...r, name: labels[i] ?? r.name }));
  const max = Math.max(1, ...rows.map((r) => r.count));
  const marginRight = Math.max(...rows.map((r) => textWidth(r.countText))) + 12;
  const noteY = 12;
  const marginTop = noteY + 10 + 24;
  const marginBottom = 4;
  const height = marginTop + marginBottom + rows.length * ROW_STEP;
  const plotWidth = width - marginLeft - marginRight;
  return renderSvg({
    title: o.title,
    description: o.description,
    ...(o.id ? { id: o.id } : {}),
    width,
    height,
    marginTop,
    marginRight,
    marginBottom,
    marginLeft,
    y: { type: "band", domain: rows.map((r) => r.key), padding: 0, round: false, axis: null },
    x: {
      type: "linear",
      domain: [0, max],
      nice: true,
      axis: "top",
      grid: true,
      ticks: Math.max(2, Math.min(Math.floor(plotWidth / 80), max)),
      tickFormat: (v: number) => (Number.isInteger(v) ? formatNumber(v) : ""),
      label: null,
    },
    marks: [
      Plot.tickX(rows, { x: 0, y: "key", insetTop: BAR_INSET - 2, insetBottom: BAR_INSET - 2, stroke: MUTED }),
      Plot.barX(
        rows.filter((r) => r.count > 0),
        { y: "key", x: "count", insetTop: BAR_INSET, insetBottom: BAR_INSET, fill: PALETTE[0] },
      ),
      ...rowTexts(rows, "name", "countText", "count"),
    ],
    decorate: (svg, document) => {
      const [measure, noun] = splitWord(countWord);
      unitNote(svg, document, `条长：${noun}${measure === "份" ? "份数" : "个数"}${o.unit ? `；数值单位：${o.unit}` : ""}`, MARGIN_LEFT, noteY);
    },
  });
}

/** "份报告" → ["份", "报告"]; "个乡镇（街道）" → ["个", "乡镇（街道）"]. */
function splitWord(word: string): [string, string] {
  return [word.slice(0, 1), word.slice(1)];
}

/**
 * "120 份报告给出了此项，其中为 0 的 3 份；最多的一组为 10–19 件（45 份），中位数为 18 件。
 * 7 份报告未报告此项（不画出；未报告不等于 0）。"
 */
export function histogramSummary(bins: readonly HistogramBin[], o: { unit: string; median: number | null; missing: number; countWord?: string }): string {
  const word = o.countWord ?? "份报告";
  const [measure, noun] = splitWord(word);
  const total = bins.reduce((n, b) => n + b.count, 0);
  const missing = o.missing > 0 ? `${formatNumber(o.missing)} ${word}未报告此项（不画出；未报告不等于 0）。` : "";
  if (total === 0) return `没有${noun}给出此项。${missing}`;
  const unit = o.unit === "%" ? "%" : o.unit ? ` ${o.unit}` : "";
  const labelUnit = o.unit === "%" ? "" : unit;
  const top = bins.reduce((a, b) => (b.count > a.count ? b : a));
  const zero = bins.find((b) => b.label === "0");
  let text = `${formatNumber(total)} ${word}给出了此项`;
  if (zero) text += `，其中为 0 的 ${formatNumber(zero.count)} ${measure}`;
  text += `；最多的一组为 ${top.label}${labelUnit}（${formatNumber(top.count)} ${measure}）`;
  if (o.median !== null) text += `，中位数为 ${formatNumber(o.median)}${unit}`;
  return `${text}。${missing}`;
}
