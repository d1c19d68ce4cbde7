// How an indicator's pages share out its years (docs/views.md): every year's chart on the indicator
// page while their bars fit (LIMITS.yearBars), else the latest year there and a page a year
// (/indicators/{id}/{year}/); the table of years a row a township while they fit (LIMITS.tableRows),
// else a row a region (its median each year). Pure.
import { group } from "d3";
import type { AggReport } from "./aggregate.ts";
import { limit } from "./scale.ts";

export interface IndicatorPagesPlan<R> {
  /** newest first, with their reports (those with a township and a year) */
  years: { year: number; reports: R[] }[];
  /** the years charted on the indicator page itself */
  onPage: number[];
  /** the years with a page of their own */
  yearPages: number[];
  /** the table of years: a row a township, or a row a region */
  tableBy: "township" | "region";
}

const plans = new WeakMap<readonly AggReport[], IndicatorPagesPlan<AggReport>>();

/** The plan for these reports, computed once per list (the 25 indicator pages share it). */
export function indicatorPagesPlan<R extends AggReport>(reports: readonly R[]): IndicatorPagesPlan<R> {
  const had = plans.get(reports);
  if (had) return had as unknown as IndicatorPagesPlan<R>;
  const usable = reports.filter((r) => r.township && r.year !== null);
  const byYear = group(usable, (r) => r.year!);
  const years = [...byYear.keys()].sort((a, b) => b - a).map((year) => ({ year, reports: byYear.get(year)! }));
  const bars = limit("bars");
  // each year's chart is a bar a township while the year's reports fit; else a distribution
  const barCount = years.reduce((n, y) => n + (y.reports.length <= bars ? y.reports.length : bars), 0);
  const all = years.length <= 1 || barCount <= limit("yearBars");
  const townships = new Set(usable.map((r) => r.code ?? r.township)).size;
  const plan: IndicatorPagesPlan<R> = {
    years,
    onPage: all ? years.map((y) => y.year) : years.slice(0, 1).map((y) => y.year),
    yearPages: all ? [] : years.map((y) => y.year),
    tableBy: townships <= limit("tableRows") ? "township" : "region",
  };
  plans.set(reports, plan as unknown as IndicatorPagesPlan<AggReport>);
  return plan;
}
