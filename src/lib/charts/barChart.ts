// Horizontal bar chart of one indicator across townships: one bar per datum, largest first.
import * as Plot from "@observablehq/plot";
import { formatNumber, QUALIFIER_MARK } from "../site/format.ts";
import type { Qualifier } from "../extract/types.ts";
import { legend, unitNote, type LegendItem } from "./legend.ts";
import { emptyChartSvg, renderSvg } from "./render.ts";
import { DEFAULT_WIDTH, fitText, INK, LABEL_SHARE, MUTED, OTHER_COLOUR, PALETTE, QUALIFIED_DASH, QUALIFIED_FILL_OPACITY, ROW_STEP, textWidth } from "./theme.ts";

export interface BarDatum {
  /** township name, e.g. 沙市镇 */
  label: string;
  /** county or province, e.g. 云阳县: the colour, and written after the name */
  group: string;
  value: number;
  qualifier: Qualifier;
}

export interface BarChartOptions {
  title: string;
  description: string;
  /** unit of the values (件, 次, 人次, %): shown once, as "单位：件" above the axis */
  unit: string;
  /** what the groups are (县（市、区）, 省份): the legend's heading */
  groupLabel: string;
  width?: number;
  /** id prefix, unique on the page (default: a hash of the chart) */
  id?: string;
  /** written after the unit: "单位：件；括号内为乡镇数" */
  note?: string;
  /** false: no legend of groups (bars that are not grouped, such as provinces' medians; group "") */
  groupLegend?: boolean;
}

/** Inset of a bar in its row (ROW_STEP tall): the name beside it has the row's full height. */
const BAR_INSET = 3;
const MARGIN_LEFT = 4;
/** Gap between a name and its bar, and between a bar's end and its value. */
const LABEL_GAP = 6;

/**
 * The label column of a horizontal bar chart: each name cut to fit (at most LABEL_SHARE of the
 * width, measured at the large-text size) and the left margin that holds the widest.
 */
export function labelColumn(names: readonly string[], width: number): { labels: string[]; marginLeft: number } {
  const max = Math.floor(width * LABEL_SHARE);
  const labels = names.map((n) => fitText(n, max));
  return { labels, marginLeft: MARGIN_LEFT + Math.max(0, ...labels.map((l) => textWidth(l))) + LABEL_GAP };
}

/** Plot marks of the label column and the value at each bar's end (text of rows keyed by `key`). */
export function rowTexts<T extends { key: number }>(rows: readonly T[], label: keyof T & string, value: keyof T & string, x: keyof T & string): Plot.Markish[] {
  return [
    Plot.text(rows, { y: "key", frameAnchor: "left", text: label, textAnchor: "end", dx: -LABEL_GAP, fill: INK }),
    Plot.text(rows, { y: "key", x, text: value, textAnchor: "start", dx: 5, fill: INK }),
  ];
}

interface Row extends BarDatum {
  key: number;
  name: string;
  /** the name as written beside the bar (cut with “…” when too long) */
  shown: string;
  valueText: string;
  colour: string;
  exact: boolean;
}

/** The value written at the end of a bar: qualifier mark + number (+ % for rates): "≥3,000", "约30,000". */
export function barValueText(value: number, qualifier: Qualifier, unit: string): string {
  return `${QUALIFIER_MARK[qualifier]}${formatNumber(value)}${unit === "%" ? "%" : ""}`;
}

/** The name written beside a bar: the group is written too, so that colour is never the only cue. */
export function barName(d: Pick<BarDatum, "label" | "group">): string {
  return d.group ? `${d.label}（${d.group}）` : d.label;
}

/** Descending by value; ties by name (code points, stable across machines), then input order. */
export function sortBars<T extends BarDatum>(data: readonly T[]): T[] {
  return data
    .map((d, i) => ({ d, i }))
    .sort((a, b) => b.d.value - a.d.value || (barName(a.d) < barName(b.d) ? -1 : barName(a.d) > barName(b.d) ? 1 : 0) || a.i - b.i)
    .map(({ d }) => d);
}

/**
 * Colours by group: in order of the largest bar of each group. With more groups than colours, the
 * groups with the fewest bars share a grey "其他" (the group is still written after each name).
 */
function groupColours(sorted: readonly BarDatum[]): { colour: Map<string, string>; items: LegendItem[] } {
  const count = new Map<string, number>();
  for (const d of sorted) count.set(d.group, (count.get(d.group) ?? 0) + 1);
  const order = [...count.keys()];
  const colour = new Map<string, string>();
  const items: LegendItem[] = [];
  if (order.length <= PALETTE.length) {
    order.forEach((g, i) => colour.set(g, PALETTE[i % PALETTE.length] ?? OTHER_COLOUR));
  } else {
    const ranked = [...order].sort((a, b) => (count.get(b) ?? 0) - (count.get(a) ?? 0) || order.indexOf(a) - order.indexOf(b));
    const kept = new Set(ranked.slice(0, PALETTE.length - 1));
    let i = 0;
    for (const g of order) colour.set(g, kept.has(g) ? (PALETTE[i++] ?? OTHER_COLOUR) : OTHER_COLOUR);
  }
  const seen = new Set<string>();
  let other = false;
  for (const g of order) {
    const c = colour.get(g) ?? OTHER_COLOUR;
    if (c === OTHER_COLOUR && order.length > PALETTE.length) {
      other = true;
      continue;
    }
    if (seen.has(c)) continue;
    seen.add(c);
    items.push({ label: g || "未知", fill: c });
  }
  if (other) items.push({ label: "其他", fill: OTHER_COLOUR });
  return { colour, items };
}

/**
 * One horizontal bar per datum, sorted descending, coloured by group with a legend; the name is
 * written beside its bar, with the group after it ("沙市镇（云阳县）"; cut with “…” past LABEL_SHARE of
 * the width). Each bar ends with its value and qualifier mark; a figure
 * that is not exact (≥ 余, 近, 约) has a light fill and a dashed outline. A zero is a "0" with no bar.
 * Height grows with the number of bars; no data gives a small "暂无数据" SVG.
 */
export function barChartSvg(data: BarDatum[], o: BarChartOptions): string {
  const width = o.width ?? DEFAULT_WIDTH;
  const clean = data.filter((d) => Number.isFinite(d.value));
  if (!clean.length) return emptyChartSvg({ title: o.title, description: o.description, width });

  const sorted = sortBars(clean);
  const { colour, items } = groupColours(sorted);
  const rows: Row[] = sorted.map((d, key) => ({
    ...d,
    key,
    name: barName(d),
    shown: "",
    valueText: barValueText(d.value, d.qualifier, o.unit),
    colour: colour.get(d.group) ?? OTHER_COLOUR,
    exact: d.qualifier === "exact",
  }));
  const { labels, marginLeft } = labelColumn(rows.map((r) => r.name), width);
  rows.forEach((r, i) => (r.shown = labels[i] ?? r.name));
  const bars = rows.filter((r) => r.value !== 0);

  const legendItems: LegendItem[] = o.groupLegend === false ? [] : [...items];
  if (rows.some((r) => !r.exact)) {
    legendItems.push({ label: "浅色虚框：非确数（≥ 近 约）", fill: MUTED, fillOpacity: QUALIFIED_FILL_OPACITY, stroke: MUTED, dash: QUALIFIED_DASH });
  }
  const lg = legend(legendItems, MARGIN_LEFT, 2, width - MARGIN_LEFT * 2, o.groupLabel);

  const max = Math.max(0, ...rows.map((r) => r.value));
  const min = Math.min(0, ...rows.map((r) => r.value));
  const marginRight = Math.max(...rows.map((r) => textWidth(r.valueText))) + 12;
  const unitY = lg.height + (lg.height ? 6 : 2);
  const unitHeight = o.unit || o.note ? 20 : 0;
  const marginTop = unitY + unitHeight + 24;
  const marginBottom = 4;
  const height = marginTop + marginBottom + rows.length * ROW_STEP;
  const plotWidth = width - marginLeft - marginRight;

  const exactBars = bars.filter((r) => r.exact);
  const qualifiedBars = bars.filter((r) => !r.exact);
  const barOptions = { y: "key", x: "value", insetTop: BAR_INSET, insetBottom: BAR_INSET, fill: "colour" } as const;

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
    color: { type: "identity" },
    // An ordinal scale needs its domain spelled out, or Plot sorts it as text.
    y: { type: "band", domain: rows.map((r) => r.key), padding: 0, round: false, axis: null },
    x: {
      type: "linear",
      domain: max > min ? [min, max] : [0, 1],
      nice: true,
      axis: "top",
      grid: true,
      ticks: Math.max(2, Math.floor(plotWidth / 80)),
      tickFormat: (v: number) => formatNumber(v),
      label: null,
    },
    marks: [
      // the baseline of each row, also where a zero would start
      Plot.tickX(rows, { x: 0, y: "key", insetTop: BAR_INSET - 2, insetBottom: BAR_INSET - 2, stroke: MUTED }),
      Plot.barX(exactBars, barOptions),
      Plot.barX(qualifiedBars, {
        ...barOptions,
        fillOpacity: QUALIFIED_FILL_OPACITY,
        stroke: "colour",
        strokeWidth: 1.5,
        strokeDasharray: QUALIFIED_DASH,
      }),
      // the name beside its bar, and the value at the bar's end (a "0" at the axis for zeros)
      ...rowTexts(rows, "shown", "valueText", "value"),
    ],
    decorate: (svg, document) => {
      lg.draw(svg, document);
      const note = [o.unit && `单位：${o.unit}`, o.note].filter(Boolean).join("；");
      if (note) unitNote(svg, document, note, MARGIN_LEFT, unitY + unitHeight / 2);
    },
  });
}
