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

/**
 * Township-years in pages of whole years, newest first, each page at most `max` reports where a year
 * allows (a year larger than that is a page of its own); undated reports on the last page. Each page
 * keeps the input's order.
 */
export function pagesOfYears<R extends AggReport>(reports: readonly R[], max: number): { years: number[]; reports: R[] }[] {
  const counts = new Map<number | null, number>();
  for (const r of reports) counts.set(r.year, (counts.get(r.year) ?? 0) + 1);
  const years = [...counts.keys()].filter((y): y is number => y !== null).sort((a, b) => b - a);
  const groups: { years: (number | null)[]; n: number }[] = [];
  for (const y of [...years, ...(counts.has(null) ? [null] : [])]) {
    const n = counts.get(y)!;
    const last = groups[groups.length - 1];
    if (last && last.n + n <= max) {
      last.years.push(y);
      last.n += n;
    } else groups.push({ years: [y], n });
  }
  return groups.map((g) => ({ years: g.years.filter((y): y is number => y !== null), reports: reports.filter((r) => g.years.includes(r.year)) }));
}

/** /compare/ for the latest year (or all), /compare/2023/ for the others. */
export function comparePath(year: number | null, latest: number | null): string {
  return year === null || year === latest ? "compare/" : `compare/${year}/`;
}
