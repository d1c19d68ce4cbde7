// Year-on-year change of a township's figure (本年 vs 上年): the report of the year before, the
// difference and the percentage, as tables and profiles show them ("+12（+8.6%）"). Pure.
import { formatFigure } from "./format.ts";
import type { AggReport } from "./aggregate.ts";
import type { Qualifier } from "../extract/types.ts";

export interface Change {
  /** the previous year's figure */
  previous: { value: number; qualifier: Qualifier; year: number };
  delta: number;
  /** null when the previous figure is 0 */
  pct: number | null;
  /** false when either figure is not exact (≥ 近 约): the change is then approximate */
  exact: boolean;
}

/**
 * The change of indicator `id` from the township's report of the year before `r`'s. Null when `r` or
 * that report does not give the figure, or there is no report of the year before (a gap of years is
 * not a year-on-year change).
 */
export function yearOnYear(r: AggReport, sameTownship: readonly AggReport[], id: string): Change | null {
  const now = r.indicators[id];
  if (!now || r.year === null) return null;
  const before = sameTownship.find((o) => o.year === r.year! - 1 && o.id !== r.id);
  const then = before?.indicators[id];
  if (!then) return null;
  const delta = now.value - then.value;
  return {
    previous: { value: then.value, qualifier: then.qualifier, year: r.year - 1 },
    delta,
    pct: then.value === 0 ? null : (delta / then.value) * 100,
    exact: now.qualifier === "exact" && then.qualifier === "exact",
  };
}

const SIGNED = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 2, signDisplay: "exceptZero" });
const PCT = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 1, signDisplay: "exceptZero" });

/** "+12（+8.6%）", "−5（−3.1%）", "持平", "约+20" for a change between figures that are not exact; "+3" from 0. */
export function changeText(c: Change, unit: string): string {
  if (c.delta === 0 && c.exact) return "持平";
  const d = SIGNED.format(c.delta).replace("-", "−");
  const abs = unit === "%" ? `${d} 个百分点` : d;
  const pct = unit === "%" || c.pct === null ? "" : `（${PCT.format(c.pct).replace("-", "−")}%）`;
  return `${c.exact ? "" : "约"}${abs}${pct}`;
}

/** "上年 140 件，+12（+8.6%）": the previous figure and the change, for a profile's card. */
export function changeSentence(c: Change, unit: string): string {
  return `上年（${c.previous.year}年）${formatFigure(c.previous.value, c.previous.qualifier, unit)}，${changeText(c, unit)}`;
}

/** "152（+12）": a figure with its change, for table cells. */
export function figureWithChange(value: number, qualifier: Qualifier, unit: string, c: Change | null): string {
  const f = `${formatFigure(value, qualifier, unit === "%" ? "%" : "")}`;
  return c ? `${f}（${changeText(c, unit)}）` : f;
}
