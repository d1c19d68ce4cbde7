// Aggregates for the pages at national scale (src/lib/site/scale.ts): reports grouped by province and
// county (from the 9-digit code), medians and shares of an indicator, top and bottom townships, and
// the reporting deadline (《法治政府建设与责任落实督察工作规定》第二十四条: a year's report is due
// before 1 April of the next year). Pure, no Astro imports (tests/aggregate.test.ts).
import type { SiteReport } from "./schema.ts";
import type { Qualifier } from "../extract/types.ts";

/** What the aggregates read of a report (made-up objects of this shape serve the tests). */
export type AggReport = Pick<SiteReport, "id" | "township" | "county" | "city" | "province" | "code" | "year" | "indicators">;

/** The path segment of the page of reports whose region is not settled: /counties/unknown/. */
export const UNKNOWN_COUNTY = "unknown";

/** 2-digit province code of a report's 9-digit township code (14 for 140423106). */
export function provinceCodeOf(r: Pick<SiteReport, "code">): string | null {
  return r.code ? r.code.slice(0, 2) : null;
}

/** 6-digit county code of a report's 9-digit township code (140423 for 140423106). */
export function countyCodeOf(r: Pick<SiteReport, "code">): string | null {
  return r.code ? r.code.slice(0, 6) : null;
}

/** One township across years: its code, else its name, else the report's id. */
export function townshipKeyOf(r: Pick<SiteReport, "code" | "township" | "id">): string {
  return r.code ?? r.township ?? r.id;
}

const zh = new Intl.Collator("zh-CN");
const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

// ---------------------------------------------------------------------------
// Numbers

/** The median (mean of the two middle values for an even count); null for no values. */
export function median(values: readonly number[]): number | null {
  return quantile(values, 0.5);
}

/** The p-quantile by linear interpolation between order statistics (R's type 7); null for no values. */
export function quantile(values: readonly number[], p: number): number | null {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const h = (s.length - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const a = s[lo] as number;
  const b = s[Math.min(lo + 1, s.length - 1)] as number;
  return a + (b - a) * (h - lo);
}

/** A share for display: "62%", "<1%" for a share above 0 that rounds to 0, "—" when there is no base. */
export function formatShare(part: number, whole: number): string {
  if (whole <= 0) return "—";
  const pct = (part / whole) * 100;
  if (part > 0 && pct < 0.5) return "<1%";
  if (part < whole && pct > 99.5) return ">99%";
  return `${Math.round(pct)}%`;
}

export interface IndicatorStats {
  /** reports considered */
  reports: number;
  /** reports that give the figure (0 included) */
  reported: number;
  /** reports that give 0 (a stated zero, not a missing figure) */
  zeros: number;
  /** reports that do not give the figure (未报告) */
  missing: number;
  /** figures given with a qualifier (≥ 近 约): counted at their written value */
  inexact: number;
  median: number | null;
  q1: number | null;
  q3: number | null;
  min: number | null;
  max: number | null;
}

/** How often an indicator is given in these reports, how often it is 0, and the spread of its values. */
export function indicatorStats(reports: readonly AggReport[], id: string): IndicatorStats {
  const values: number[] = [];
  let inexact = 0;
  for (const r of reports) {
    const t = r.indicators[id];
    if (!t) continue;
    values.push(t.value);
    if (t.qualifier !== "exact") inexact++;
  }
  return {
    reports: reports.length,
    reported: values.length,
    zeros: values.filter((v) => v === 0).length,
    missing: reports.length - values.length,
    inexact,
    median: quantile(values, 0.5),
    q1: quantile(values, 0.25),
    q3: quantile(values, 0.75),
    min: values.length ? Math.min(...values) : null,
    max: values.length ? Math.max(...values) : null,
  };
}

// ---------------------------------------------------------------------------
// Selections

/** The latest report of each township (by year; of two reports of one year, the later in the input). */
export function latestPerTownship<R extends AggReport>(reports: readonly R[]): R[] {
  const latest = new Map<string, R>();
  for (const r of reports) {
    const k = townshipKeyOf(r);
    const had = latest.get(k);
    if (!had || (r.year ?? -Infinity) >= (had.year ?? -Infinity)) latest.set(k, r);
  }
  return [...latest.values()];
}

export interface RankedRow<R> {
  report: R;
  value: number;
  qualifier: Qualifier;
}

/** Largest first; ties by code (or name), then id: the same order on every machine. */
function rankOrder<R extends AggReport>(a: RankedRow<R>, b: RankedRow<R>): number {
  const ka = a.report.code ?? a.report.township ?? "";
  const kb = b.report.code ?? b.report.township ?? "";
  return b.value - a.value || (ka < kb ? -1 : ka > kb ? 1 : 0) || (a.report.id < b.report.id ? -1 : a.report.id > b.report.id ? 1 : 0);
}

/**
 * The `n` largest and the `n` smallest figures of an indicator among these reports (未报告 left out,
 * 0 included). `bottom` never repeats a row of `top`: with 2n figures or fewer it holds the rest, and
 * with n or fewer it is empty. `bottom` is smallest first.
 */
export function topBottom<R extends AggReport>(reports: readonly R[], id: string, n = 10): { top: RankedRow<R>[]; bottom: RankedRow<R>[]; reported: number } {
  const rows: RankedRow<R>[] = [];
  for (const r of reports) {
    const t = r.indicators[id];
    if (t) rows.push({ report: r, value: t.value, qualifier: t.qualifier });
  }
  rows.sort(rankOrder);
  const top = rows.slice(0, n);
  const bottom = rows.slice(Math.max(n, rows.length - n)).reverse();
  return { top, bottom, reported: rows.length };
}

// ---------------------------------------------------------------------------
// Regions

export interface CountyGroup<R> {
  /** 6-digit county code */
  code: string;
  name: string;
  city: string | null;
  provinceCode: string;
  province: string;
  /** in the input's order */
  reports: R[];
  /** townships with at least one report */
  townships: number;
  /** years of the reports, ascending */
  years: number[];
}

export interface ProvinceGroup<R> {
  /** 2-digit province code */
  code: string;
  name: string;
  reports: R[];
  townships: number;
  years: number[];
  /** by code */
  counties: CountyGroup<R>[];
}

function yearsOf(reports: readonly AggReport[]): number[] {
  return [...new Set(reports.flatMap((r) => (r.year === null ? [] : [r.year])))].sort((a, b) => a - b);
}

function firstName(reports: readonly AggReport[], pick: (r: AggReport) => string | null): string | null {
  for (const r of reports) {
    const v = pick(r);
    if (v) return v;
  }
  return null;
}

/**
 * Reports by province and county, from their township codes (names from the reports); reports
 * without a code (region not settled) in `unknown`. Provinces and counties are ordered by code.
 */
export function groupByRegion<R extends AggReport>(reports: readonly R[]): { provinces: ProvinceGroup<R>[]; unknown: R[] } {
  const unknown: R[] = [];
  const counties = new Map<string, R[]>();
  for (const r of reports) {
    const c = countyCodeOf(r);
    if (!c) {
      unknown.push(r);
      continue;
    }
    const list = counties.get(c);
    if (list) list.push(r);
    else counties.set(c, [r]);
  }
  const provinces = new Map<string, CountyGroup<R>[]>();
  for (const [code, rs] of counties) {
    const provinceCode = code.slice(0, 2);
    const group: CountyGroup<R> = {
      code,
      name: firstName(rs, (r) => r.county) ?? `县级区划 ${code}`,
      city: firstName(rs, (r) => r.city),
      provinceCode,
      province: firstName(rs, (r) => r.province) ?? `省级区划 ${provinceCode}`,
      reports: rs,
      townships: new Set(rs.map(townshipKeyOf)).size,
      years: yearsOf(rs),
    };
    const list = provinces.get(provinceCode);
    if (list) list.push(group);
    else provinces.set(provinceCode, [group]);
  }
  const result = [...provinces].map(([code, cs]): ProvinceGroup<R> => {
    const rs = cs.flatMap((c) => c.reports);
    return {
      code,
      name: cs[0]?.province ?? `省级区划 ${code}`,
      reports: rs,
      townships: cs.reduce((n, c) => n + c.townships, 0),
      years: yearsOf(rs),
      counties: cs.sort(byCode),
    };
  });
  return { provinces: result.sort(byCode), unknown };
}

const grouped = new WeakMap<readonly AggReport[], { provinces: ProvinceGroup<AggReport>[]; unknown: AggReport[] }>();

/**
 * groupByRegion, computed once per list: the pages of one build that show the same list (the 25
 * indicator pages of a year) share one grouping. The result must not be changed by its callers.
 */
export function groupByRegionOnce<R extends AggReport>(reports: readonly R[]): { provinces: ProvinceGroup<R>[]; unknown: R[] } {
  let g = grouped.get(reports);
  if (!g) grouped.set(reports, (g = groupByRegion(reports)));
  return g as unknown as { provinces: ProvinceGroup<R>[]; unknown: R[] };
}

/** Township names in Chinese collation order (for lists a reader scans by name). */
export function byTownshipName<T extends { township: string }>(a: T, b: T): number {
  return zh.compare(a.township, b.township);
}

// ---------------------------------------------------------------------------
// The reporting deadline

export type Timeliness = "on_time" | "late" | "date_unknown";
/** A township-year: its report and when it came, or no report (缺报, or 未到期 before the deadline). */
export type DeadlineStatus = Timeliness | "missing" | "not_due";

export const DEADLINE_STATUS_ZH: Record<DeadlineStatus, string> = {
  on_time: "按时",
  late: "迟报",
  date_unknown: "日期不详",
  missing: "缺报",
  not_due: "未到期",
};

/** The last day a year's report may be published: 31 March of the next year. */
export function deadlineOf(year: number): string {
  return `${year + 1}-03-31`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A report dated after its deadline is late; one without a (full ISO) date is 日期不详, never late. */
export function timeliness(year: number, reportDate: string | null | undefined): Timeliness {
  if (!reportDate || !ISO_DATE.test(reportDate)) return "date_unknown";
  return reportDate > deadlineOf(year) ? "late" : "on_time";
}

export interface DeadlineTownship {
  code: string;
  township: string;
  /** false for a township with reports that the township list (data/townships.csv) leaves out */
  listed: boolean;
}

export interface DeadlineYear<R> {
  year: number;
  /** 31 March of the next year */
  due: string;
  /** one per township, in the order of `townships` */
  cells: { status: DeadlineStatus; report: R | null }[];
  counts: Record<DeadlineStatus, number>;
}

export interface DeadlineView<R> {
  townships: DeadlineTownship[];
  /** newest first */
  years: DeadlineYear<R>[];
}

/**
 * For each year, the status of each township: its report on time, late (dated after 31 March of the
 * next year) or of unknown date, or no report: 缺报 once the deadline has passed (`today`, an ISO
 * date), 未到期 before. Townships are those of the list, then those with reports the list leaves out
 * (listed: false); reports are matched by code.
 */
export function deadlineView<R extends AggReport & Pick<SiteReport, "reportDate">>(
  townships: readonly { code: string; township: string }[],
  reports: readonly R[],
  years: readonly number[],
  today: string,
): DeadlineView<R> {
  const all: DeadlineTownship[] = [];
  const seen = new Set<string>();
  for (const t of townships) {
    if (seen.has(t.code)) continue;
    seen.add(t.code);
    all.push({ code: t.code, township: t.township, listed: true });
  }
  const extra: DeadlineTownship[] = [];
  for (const r of reports) {
    if (!r.code || seen.has(r.code)) continue;
    seen.add(r.code);
    extra.push({ code: r.code, township: r.township ?? r.code, listed: false });
  }
  all.push(...extra.sort(byCode));

  const byKey = new Map<string, R>();
  for (const r of reports) {
    if (!r.code || r.year === null) continue;
    const k = `${r.code}|${r.year}`;
    if (!byKey.has(k)) byKey.set(k, r);
  }
  const out = [...new Set(years)]
    .sort((a, b) => b - a)
    .map((year): DeadlineYear<R> => {
      const due = deadlineOf(year);
      const counts: Record<DeadlineStatus, number> = { on_time: 0, late: 0, date_unknown: 0, missing: 0, not_due: 0 };
      const cells = all.map((t) => {
        const report = byKey.get(`${t.code}|${year}`) ?? null;
        const status: DeadlineStatus = report ? timeliness(year, report.reportDate) : today > due ? "missing" : "not_due";
        counts[status]++;
        return { status, report };
      });
      return { year, due, cells, counts };
    });
  return { townships: all, years: out };
}

/** Today as an ISO date (UTC+8, the reports' own calendar). */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
