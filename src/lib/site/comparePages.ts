// How the compare page splits township-years (docs/views.md): all on /compare/ while they fit
// (LIMITS.compareColumns), else a page a year (/compare/2024/, the latest year on /compare/) while each
// year fits, else the regions below the scope side by side (their medians), townships compared on
// their county's page. Pure.
import type { AggReport } from "./aggregate.ts";
import { limit } from "./scale.ts";

export type ComparePlan<R> =
  | { kind: "reports"; reports: R[] }
  | { kind: "years"; years: { year: number; reports: R[] }[] }
  | { kind: "regions" };

export function comparePlan<R extends AggReport>(reports: readonly R[]): ComparePlan<R> {
  const max = limit("compareColumns");
  if (reports.length <= max) return { kind: "reports", reports: [...reports] };
  const years = [...new Set(reports.flatMap((r) => (r.year === null ? [] : [r.year])))].sort((a, b) => b - a);
  const byYear = years.map((year) => ({ year, reports: reports.filter((r) => r.year === year) }));
  const undated = reports.some((r) => r.year === null);
  if (!undated && byYear.every((y) => y.reports.length <= max)) return { kind: "years", years: byYear };
  return { kind: "regions" };
}

/** /compare/ for the latest year (or all), /compare/2023/ for the others. */
export function comparePath(year: number | null, latest: number | null): string {
  return year === null || year === latest ? "compare/" : `compare/${year}/`;
}
