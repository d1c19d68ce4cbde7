// The data of one indicator across reports, as the indicator page, its chart and its table use it.
import type { SiteReport } from "./schema.ts";
import type { Qualifier } from "../extract/types.ts";

export interface IndicatorRow {
  report: SiteReport;
  value: number;
  qualifier: Qualifier;
}

export interface IndicatorView {
  /** years that have at least one report, newest first */
  years: number[];
  /** per year: reports that gave the figure (sorted by value, largest first) and those that did not */
  byYear: Map<number, { reported: IndicatorRow[]; missing: SiteReport[] }>;
  /** townships with the figure in two or more years */
  series: { key: string; township: string; rows: IndicatorRow[] }[];
}

export function townshipKey(r: Pick<SiteReport, "code" | "township" | "id">): string {
  return r.code ?? r.township ?? r.id;
}

export function indicatorView(reports: SiteReport[], id: string): IndicatorView {
  const usable = reports.filter((r) => r.township && r.year !== null);
  const years = [...new Set(usable.map((r) => r.year!))].sort((a, b) => b - a);
  const byYear = new Map<number, { reported: IndicatorRow[]; missing: SiteReport[] }>();
  for (const y of years) {
    const inYear = usable.filter((r) => r.year === y);
    const reported = inYear
      .filter((r) => r.indicators[id])
      .map((r) => ({ report: r, value: r.indicators[id]!.value, qualifier: r.indicators[id]!.qualifier }))
      .sort((a, b) => b.value - a.value || a.report.id.localeCompare(b.report.id));
    byYear.set(y, { reported, missing: inYear.filter((r) => !r.indicators[id]) });
  }
  const groups = new Map<string, IndicatorRow[]>();
  for (const r of usable) {
    const t = r.indicators[id];
    if (!t) continue;
    const k = townshipKey(r);
    groups.set(k, [...(groups.get(k) ?? []), { report: r, value: t.value, qualifier: t.qualifier }]);
  }
  const series = [...groups]
    .filter(([, rows]) => new Set(rows.map((x) => x.report.year)).size >= 2)
    .map(([key, rows]) => ({ key, township: rows[0]!.report.township!, rows: rows.sort((a, b) => a.report.year! - b.report.year!) }));
  return { years, byYear, series };
}
