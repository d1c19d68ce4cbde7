// Line ("slope") chart of one indicator over the years, one line per township.
import * as Plot from "@observablehq/plot";
import { scaleLinear } from "d3";
import { formatNumber } from "../site/format.ts";
import type { Qualifier } from "../extract/types.ts";
import { barValueText } from "./barChart.ts";
import { legend, unitNote } from "./legend.ts";
import { emptyChartSvg, renderSvg } from "./render.ts";
import { DEFAULT_WIDTH, MUTED, PALETTE, PAPER, QUALIFIED_DASH, ROOM_SIZE, textWidth } from "./theme.ts";

export interface SeriesDatum {
  /** township name */
  series: string;
  year: number;
  value: number;
  qualifier: Qualifier;
}

export interface SlopeChartOptions {
  title: string;
  description: string;
  unit: string;
  width?: number;
  /** id prefix, unique on the page (default: a hash of the chart) */
  id?: string;
}

export interface Series {
  name: string;
  /** one point per year, ascending; the first datum of a year wins */
  points: SeriesDatum[];
}

/** Groups by series (first-seen order) and keeps those with at least two years of finite values. */
export function seriesOf(data: readonly SeriesDatum[]): Series[] {
  const by = new Map<string, Map<number, SeriesDatum>>();
  for (const d of data) {
    if (!Number.isFinite(d.value) || !Number.isInteger(d.year)) continue;
    let years = by.get(d.series);
    if (!years) by.set(d.series, (years = new Map()));
    if (!years.has(d.year)) years.set(d.year, d);
  }
  return [...by]
    .map(([name, years]) => ({ name, points: [...years.values()].sort((a, b) => a.year - b.year) }))
    .filter((s) => s.points.length >= 2);
}

/** End labels stay this far apart: one line of large text. */
const LABEL_GAP = Math.ceil(ROOM_SIZE) + 2;

/**
 * Moves label positions (px, y down) apart by at least `gap`, keeping them inside [top, bottom] and
 * as near their points as possible. Deterministic; returns positions in the input order.
 */
export function dodge(ys: readonly number[], gap: number, top: number, bottom: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const out = order.map((o) => o.y);
  for (let k = 1; k < out.length; k++) out[k] = Math.max(out[k] ?? 0, (out[k - 1] ?? 0) + gap);
  const last = out.length - 1;
  if (last >= 0 && (out[last] ?? 0) > bottom) {
    out[last] = bottom;
    for (let k = last - 1; k >= 0; k--) out[k] = Math.min(out[k] ?? 0, (out[k + 1] ?? 0) - gap);
  }
  if (out.length && (out[0] ?? 0) < top) {
    out[0] = top;
    for (let k = 1; k < out.length; k++) out[k] = Math.max(out[k] ?? 0, (out[k - 1] ?? 0) + gap);
  }
  const result = new Array<number>(ys.length);
  order.forEach((o, k) => (result[o.i] = out[k] ?? o.y));
  return result;
}

/** The years as ticks, thinned (keeping the last) when "2023年" labels would not fit. */
export function yearTicks(years: readonly number[], plotWidth: number): number[] {
  const fit = Math.max(2, Math.floor(plotWidth / (textWidth("2023年") + 10)));
  if (years.length <= fit) return [...years];
  const step = Math.ceil((years.length - 1) / (fit - 1));
  const last = years.length - 1;
  return years.filter((_, i) => (last - i) % step === 0);
}

interface Point extends SeriesDatum {
  colour: string;
  exact: boolean;
}
interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  colour: string;
}
interface EndLabel {
  /** the point labelled */
  x: number;
  y: number;
  /** where the label is: moved off its point when labels would overlap */
  labelX: number;
  labelY: number;
  text: string;
  colour: string;
  moved: boolean;
}

/** Horizontal gap from a series' last point to its label; a leader line joins them when a label moved. */
const LABEL_DX = 20;
const LABEL_TEXT_DX = 3;
const X_INSET_LEFT = 24;
const X_INSET_RIGHT = 8;

/**
 * One line per series across the years, dots at each report, and at the line's end the series name
 * with its last value ("沙市镇 ≥3,000"). Ticks are the years themselves ("2023年"). A figure that is
 * not exact is a hollow dot, and a segment touching one is dashed. Series with fewer than two years
 * are left out; none left gives a small "暂无数据" SVG.
 */
export function slopeChartSvg(data: SeriesDatum[], o: SlopeChartOptions): string {
  const width = o.width ?? DEFAULT_WIDTH;
  const series = seriesOf(data);
  if (!series.length) return emptyChartSvg({ title: o.title, description: o.description, width });

  // Colour in order of the last value, largest first: the end labels then read top to bottom.
  const lastOf = (s: Series) => s.points[s.points.length - 1] as SeriesDatum;
  const ranked = series.map((s, i) => ({ s, i })).sort((a, b) => lastOf(b.s).value - lastOf(a.s).value || a.i - b.i);
  const colourOf = new Map(ranked.map(({ s }, k) => [s.name, PALETTE[k % PALETTE.length] ?? MUTED]));

  const points: Point[] = series.flatMap((s) => s.points.map((p) => ({ ...p, colour: colourOf.get(s.name) ?? MUTED, exact: p.qualifier === "exact" })));
  const years = [...new Set(points.map((p) => p.year))].sort((a, b) => a - b);
  const minYear = years[0] ?? 0;
  const maxYear = years[years.length - 1] ?? minYear + 1;
  const values = points.map((p) => p.value);
  const yScale = scaleLinear().domain([Math.min(0, ...values), Math.max(0, ...values)]).nice();
  const [y0, y1] = yScale.domain() as [number, number];
  const yDomain: [number, number] = y1 > y0 ? [y0, y1] : [0, 1];

  const hasQualified = points.some((p) => !p.exact);
  const lg = legend(
    hasQualified ? [{ label: "空心点、虚线：非确数（≥ 近 约）", fill: PAPER, stroke: MUTED, shape: "circle" as const }] : [],
    10,
    2,
    width - 20,
  );
  const unitY = lg.height + (lg.height ? 6 : 2);
  const unitHeight = o.unit ? 20 : 0;
  const marginTop = unitY + unitHeight + 14;
  const marginBottom = 30;
  const height = Math.max(260, marginTop + marginBottom + series.length * LABEL_GAP + 40);

  const endTexts = series.map((s) => `${s.name} ${barValueText(lastOf(s).value, lastOf(s).qualifier, o.unit)}`);
  const marginRight = Math.max(...endTexts.map((t) => textWidth(t))) + LABEL_DX + LABEL_TEXT_DX + 4 - X_INSET_RIGHT;
  const tickTexts = yScale.ticks(5).map((v) => formatNumber(v));
  const marginLeft = Math.max(...tickTexts.map((t) => textWidth(t))) + 14;

  // End labels: dodged apart in pixels among the series that end in the same year.
  yScale.domain(yDomain).range([height - marginBottom, marginTop]);
  const pxPerYear = (width - marginLeft - marginRight - X_INSET_LEFT - X_INSET_RIGHT) / Math.max(1, maxYear - minYear);
  const labels: EndLabel[] = [];
  const byEnd = new Map<number, number[]>();
  series.forEach((s, i) => {
    const list = byEnd.get(lastOf(s).year) ?? [];
    list.push(i);
    byEnd.set(lastOf(s).year, list);
  });
  for (const [year, idx] of byEnd) {
    const ys = dodge(
      idx.map((i) => yScale(lastOf(series[i] as Series).value)),
      LABEL_GAP,
      marginTop,
      // keep labels off the year axis
      height - marginBottom - 8,
    );
    idx.forEach((i, k) => {
      const s = series[i] as Series;
      const value = lastOf(s).value;
      const labelPx = ys[k] ?? yScale(value);
      labels.push({
        x: year,
        y: value,
        labelX: year + LABEL_DX / pxPerYear,
        labelY: yScale.invert(labelPx),
        text: endTexts[i] ?? s.name,
        colour: colourOf.get(s.name) ?? MUTED,
        moved: Math.abs(labelPx - yScale(value)) > 2,
      });
    });
  }

  const segments = (dashed: boolean): Segment[] =>
    series.flatMap((s) =>
      s.points.slice(1).flatMap((p, k) => {
        const a = s.points[k] as SeriesDatum;
        const isDashed = a.qualifier !== "exact" || p.qualifier !== "exact";
        return isDashed === dashed ? [{ x1: a.year, y1: a.value, x2: p.year, y2: p.value, colour: colourOf.get(s.name) ?? MUTED }] : [];
      }),
    );

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
    x: {
      type: "linear",
      domain: [minYear, maxYear],
      ticks: yearTicks(years, width - marginLeft - marginRight - 34),
      tickFormat: (y: number) => `${y}年`,
      insetLeft: X_INSET_LEFT,
      insetRight: X_INSET_RIGHT,
      label: null,
    },
    y: { type: "linear", domain: yDomain, ticks: 5, grid: true, tickFormat: (v: number) => formatNumber(v), label: null },
    marks: [
      // leader lines from a point to its label, drawn first so the dot covers their start
      Plot.link(
        labels.filter((l) => l.moved),
        { x1: (l: EndLabel) => l.x + 6 / pxPerYear, y1: "y", x2: (l: EndLabel) => l.labelX - 1 / pxPerYear, y2: "labelY", stroke: "colour", strokeWidth: 1, strokeOpacity: 0.8 },
      ),
      Plot.link(segments(false), { x1: "x1", y1: "y1", x2: "x2", y2: "y2", stroke: "colour", strokeWidth: 2 }),
      Plot.link(segments(true), { x1: "x1", y1: "y1", x2: "x2", y2: "y2", stroke: "colour", strokeWidth: 2, strokeDasharray: QUALIFIED_DASH }),
      Plot.dot(
        points.filter((p) => p.exact),
        { x: "year", y: "value", r: 4.5, fill: "colour", stroke: PAPER, strokeWidth: 1 },
      ),
      Plot.dot(
        points.filter((p) => !p.exact),
        { x: "year", y: "value", r: 4, fill: PAPER, stroke: "colour", strokeWidth: 2 },
      ),
      Plot.text(labels, { x: "labelX", y: "labelY", text: "text", fill: "colour", textAnchor: "start", dx: LABEL_TEXT_DX, stroke: PAPER, strokeWidth: 4, paintOrder: "stroke" }),
    ],
    decorate: (svg, document) => {
      lg.draw(svg, document);
      if (o.unit) unitNote(svg, document, `单位：${o.unit}`, 10, unitY + unitHeight / 2);
    },
  });
}
