// Small multiples: one small line chart a township (or region) over the years, in a grid, all on one
// value scale so that panels compare at a glance; each panel is headed by its name, its latest figure
// and the change from the year before ("沙市镇 152（+12）").
import * as Plot from "@observablehq/plot";
import { scaleLinear } from "d3";
import { formatNumber } from "../site/format.ts";
import { barValueText } from "./barChart.ts";
import { legend, unitNote } from "./legend.ts";
import { emptyChartSvg, renderSvg } from "./render.ts";
import { seriesOf, type Series, type SeriesDatum } from "./slopeChart.ts";
import { DEFAULT_WIDTH, FONT_SIZE, INK, MUTED, PALETTE, PAPER, QUALIFIED_DASH, textWidth } from "./theme.ts";

export interface SmallMultiplesOptions {
  title: string;
  description: string;
  unit: string;
  width?: number;
  /** panels a row (default: as many as fit 120 px each, at most 3) */
  columns?: number;
  /** id prefix, unique on the page (default: a hash of the chart) */
  id?: string;
  /** the heading of a panel after its name (default: the latest figure and its change) */
  headingOf?: (s: Series) => string;
}

const PANEL_HEIGHT = 84;
/** space above each panel's plot for its heading: the name, and under it the latest figure */
const LINE = FONT_SIZE + 3;
const HEAD = 2 * LINE + 10;
const GAP_X = 26;
const MARGIN_LEFT = 6;

/** "152（+12）": the last figure and its change from the year before it (when that year is there). */
export function latestWithChange(s: Series, unit: string): string {
  const last = s.points[s.points.length - 1] as SeriesDatum;
  const prev = s.points[s.points.length - 2];
  const text = barValueText(last.value, last.qualifier, unit);
  if (!prev || prev.year !== last.year - 1) return text;
  const d = last.value - prev.value;
  const exact = last.qualifier === "exact" && prev.qualifier === "exact";
  const sign = d > 0 ? "+" : d < 0 ? "−" : "±";
  return `${text}（${exact ? "" : "约"}${sign}${formatNumber(Math.abs(d))}）`;
}

/**
 * A grid of panels, one per series with two or more years (in the input's order), each a line over
 * the years with a dot per figure (hollow, and dashed segments, where a figure is not exact). The
 * value axis is shared and drawn once per row; the years are the first and last of the data. No
 * series of two years gives a small "暂无数据" SVG.
 */
export function smallMultiplesSvg(data: readonly SeriesDatum[], o: SmallMultiplesOptions): string {
  const width = o.width ?? DEFAULT_WIDTH;
  const series = seriesOf(data);
  if (!series.length) return emptyChartSvg({ title: o.title, description: o.description, width });

  const columns = Math.max(1, Math.min(o.columns ?? 3, series.length, Math.floor((width - MARGIN_LEFT) / 120) || 1));
  const rows = Math.ceil(series.length / columns);
  const heading = o.headingOf ?? ((s: Series) => latestWithChange(s, o.unit));
  const all = series.flatMap((s) => s.points);
  const years = [...new Set(all.map((p) => p.year))].sort((a, b) => a - b);
  const minYear = years[0] ?? 0;
  const maxYear = years[years.length - 1] ?? minYear + 1;
  const yScale = scaleLinear().domain([Math.min(0, ...all.map((p) => p.value)), Math.max(0, ...all.map((p) => p.value))]).nice(3);
  const [y0, y1] = yScale.domain() as [number, number];
  const yDomain: [number, number] = y1 > y0 ? [y0, y1] : [0, 1];
  const yTicks = scaleLinear().domain(yDomain).ticks(2);
  const marginLeft = MARGIN_LEFT + Math.max(...yTicks.map((t) => textWidth(formatNumber(t)))) + 6;

  const hasQualified = all.some((p) => p.qualifier !== "exact");
  const lg = legend(hasQualified ? [{ label: "空心点、虚线：非确数（≥ 近 约）", fill: PAPER, stroke: MUTED, shape: "circle" as const }] : [], 10, 2, width - 20);
  const unitY = lg.height + (lg.height ? 6 : 2);
  const unitHeight = o.unit ? 20 : 0;
  const marginTop = unitY + unitHeight + HEAD + 6;
  const marginBottom = 24;
  const height = marginTop + marginBottom + rows * PANEL_HEIGHT + (rows - 1) * (HEAD + 8);

  type Point = SeriesDatum & { col: number; row: number; exact: boolean };
  const points: Point[] = series.flatMap((s, i) => s.points.map((p) => ({ ...p, col: i % columns, row: Math.floor(i / columns), exact: p.qualifier === "exact" })));
  const segments = series.flatMap((s, i) =>
    s.points.slice(1).map((p, k) => {
      const a = s.points[k] as SeriesDatum;
      return { x1: a.year, y1: a.value, x2: p.year, y2: p.value, col: i % columns, row: Math.floor(i / columns), dashed: a.qualifier !== "exact" || p.qualifier !== "exact" };
    }),
  );
  const heads = series.map((s, i) => ({ col: i % columns, row: Math.floor(i / columns), name: s.name, figure: heading(s) }));
  const colour = PALETTE[0];
  const facet = { fx: "col", fy: "row" } as const;

  return renderSvg({
    title: o.title,
    description: o.description,
    ...(o.id ? { id: o.id } : {}),
    width,
    height,
    marginTop,
    marginRight: 8,
    marginBottom,
    marginLeft,
    fx: { domain: Array.from({ length: columns }, (_, i) => i), axis: null, padding: GAP_X / ((width - marginLeft) / columns) },
    fy: { domain: Array.from({ length: rows }, (_, i) => i), axis: null, padding: (HEAD + 8) / (PANEL_HEIGHT + HEAD + 8) },
    x: { type: "linear", domain: [minYear, maxYear], ticks: minYear === maxYear ? [minYear] : [minYear, maxYear], tickFormat: (y: number) => `${y}`, inset: 10, label: null },
    y: { type: "linear", domain: yDomain, ticks: yTicks, grid: true, tickFormat: (v: number) => formatNumber(v), label: null },
    marks: [
      Plot.link(segments.filter((s) => !s.dashed), { x1: "x1", y1: "y1", x2: "x2", y2: "y2", ...facet, stroke: colour, strokeWidth: 2 }),
      Plot.link(segments.filter((s) => s.dashed), { x1: "x1", y1: "y1", x2: "x2", y2: "y2", ...facet, stroke: colour, strokeWidth: 2, strokeDasharray: QUALIFIED_DASH }),
      Plot.dot(points.filter((p) => p.exact), { x: "year", y: "value", ...facet, r: 3, fill: colour, stroke: PAPER, strokeWidth: 1 }),
      Plot.dot(points.filter((p) => !p.exact), { x: "year", y: "value", ...facet, r: 3, fill: PAPER, stroke: colour, strokeWidth: 1.5 }),
      Plot.text(heads, { ...facet, text: "name", frameAnchor: "top-left", dy: -HEAD + 2, fill: INK, fontWeight: "bold" }),
      Plot.text(heads, { ...facet, text: "figure", frameAnchor: "top-left", dy: -HEAD + 2 + LINE, fill: INK }),
    ],
    decorate: (svg, document) => {
      lg.draw(svg, document);
      if (o.unit) unitNote(svg, document, `单位：${o.unit}`, 10, unitY + unitHeight / 2);
    },
  });
}
