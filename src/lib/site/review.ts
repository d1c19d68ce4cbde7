// The review (审核): what to check, grouped province → county → township-year, and for each item
// its row for data/corrections.csv, filled in. Pure: the index's reports in, lists and CSV out; the
// review pages (src/pages/review/), the review CSV (npm run review, /data/review.csv) and the
// 数据质量 page's counts all come from here.
//
// To check: a figure with a low-confidence mention (the classifier's `confidence`, absent = high)
// not yet settled by hand, and an uncounted number that looks like a count of an indicator's
// activity (it has `plausible` indicators) none of which has been settled by hand in its report.
// A figure is settled by a row of data/corrections.csv: corrected (人工校正) or confirmed (已核实).
import Papa from "papaparse";
import { INDICATORS, indicatorSpec, isRate } from "../extract/indicators.ts";
import { totalQualifier } from "../extract/qualifiers.ts";
import type { Qualifier } from "../extract/types.ts";
import { groupByRegion, UNKNOWN_COUNTY } from "./aggregate.ts";
import { BOM, QUALIFIER_ZH, toCsv, type Column } from "./csv.ts";
import { formatFigure } from "./format.ts";
import { spanId } from "./highlight.ts";
import { profilePath } from "./paths.ts";
import { limit } from "./scale.ts";
import { UNKNOWN_REGION } from "./regionTree.ts";
import type { SiteReport, SiteUncounted } from "./schema.ts";

type SiteTotal = SiteReport["indicators"][string];
type SiteMention = SiteTotal["mentions"][number];

export type ReviewKind = "figure" | "uncounted";

export const REVIEW_KIND_ZH: Record<ReviewKind, string> = {
  figure: "待核实的数字",
  uncounted: "未计入的数字",
};

/** A figure's standing: settled by hand (verified, corrected), to check (a low-confidence mention), or as read. */
export type FigureStatus = "verified" | "corrected" | "to_check" | "read";

export const FIGURE_STATUS_ZH: Record<FigureStatus, string> = {
  verified: "已核实",
  corrected: "人工校正",
  to_check: "待核实",
  read: "程序读取",
};

/** What the profile says of a figure to check when its mentions give no reason of their own. */
export const DEFAULT_LOW_REASON = "程序对这个数字的归类把握不大";

export function isLow(m: Pick<SiteMention, "confidence">): boolean {
  return m.confidence === "low";
}

export function figureStatus(t: SiteTotal): FigureStatus {
  if (t.corrected) return t.corrected.status === "verified" ? "verified" : "corrected";
  return t.mentions.some(isLow) ? "to_check" : "read";
}

/**
 * What makes a mention low-confidence, in plain Chinese for the people who check it: one row per
 * cue of the classifier's `reason` (src/lib/extract/classify.ts, plausibility.ts, written for
 * maintainers), tried in order; every row that matches adds its sentence.
 */
export const LOW_REASON_ZH: readonly { cue: RegExp; zh: (m: RegExpExecArray) => string }[] = [
  { cue: /value (\d+(?:\.\d+)?) above the plausible (\d+)/, zh: (m) => `数值${m[1]}超出一个乡镇一年的通常范围（${m[2]}以内），可能计的是别的事项或全县数字` },
  { cue: /leaders and staff both named/, zh: () => "同一处既提到领导干部又提到干部职工，分不清是领导学法还是干部培训" },
  { cue: /no subject named/, zh: () => "原文未写明是谁学习，暂按领导干部学法计" },
  { cue: /\(earlier sentence\)/, zh: () => "决定归类的词语只出现在前面的句子里，离数字较远" },
];

/**
 * One low-confidence mention's reason in plain Chinese: the rows that match, else the reason itself
 * when it is written in Chinese already, else DEFAULT_LOW_REASON.
 */
export function lowReasonZh(reason: string | undefined): string {
  const text = reason?.trim() ?? "";
  const said = LOW_REASON_ZH.flatMap(({ cue, zh }) => {
    const m = cue.exec(text);
    return m ? [zh(m)] : [];
  });
  if (said.length > 0) return said.join("；");
  return /\p{Script=Han}/u.test(text) && !/[A-Za-z]{3,}/.test(text) ? text : DEFAULT_LOW_REASON;
}

/** Why a figure is to check, in plain Chinese: its low-confidence mentions' reasons. */
export function lowReason(t: SiteTotal): string {
  const reasons = [...new Set(t.mentions.filter(isLow).map((m) => lowReasonZh(m.reason)))];
  return reasons.join("；");
}

/** The columns of data/corrections.csv, in the order the review's rows are written. */
export const CORRECTION_COLUMNS = ["code", "township", "year", "indicator", "value", "qualifier", "reason", "who", "date", "status"] as const;
export type CorrectionColumn = (typeof CORRECTION_COLUMNS)[number];
export type CorrectionCells = Record<CorrectionColumn, string>;

/** The header line data/corrections.csv ships with (the rows below fit under it). */
export const CORRECTIONS_HEADER = CORRECTION_COLUMNS.join(",");

/** One row of data/corrections.csv as text (quoted where a cell needs it). */
export function correctionLine(cells: CorrectionCells): string {
  return Papa.unparse([CORRECTION_COLUMNS.map((c) => cells[c])], { newline: "\n" });
}

export interface ReviewRow {
  indicator: string;
  label: string;
  cells: CorrectionCells;
  /** the row as a line of data/corrections.csv */
  line: string;
}

export interface ReviewItem {
  kind: ReviewKind;
  /** stable id of the item on its page */
  id: string;
  reportId: string;
  label: string;
  province: string;
  county: string;
  /** 6-digit county code, or UNKNOWN_COUNTY */
  countyCode: string;
  township: string | null;
  year: number | null;
  /** the figure to check; null for an uncounted number */
  indicator: string | null;
  /** the number as read, "12 场" */
  shown: string;
  /** the sentence (uncounted) or the evidence (figure) */
  sentence: string;
  /** why it is to check, in Chinese */
  reason: string;
  /** the profile's URL (relative to the base) with the fragment of the figure or the number */
  href: string;
  /** the corrections rows offered: one for a figure (confirm, or edit the value); one per plausible indicator */
  rows: ReviewRow[];
}

function cellsOf(r: SiteReport, indicator: string, value: number, qualifier: Qualifier, status: string): CorrectionCells {
  return {
    code: r.code ?? "",
    township: r.township ?? "",
    year: r.year === null ? "" : String(r.year),
    indicator,
    value: String(value),
    qualifier: QUALIFIER_ZH[qualifier],
    reason: "",
    who: "",
    date: "",
    status,
  };
}

function rowOf(indicator: string, cells: CorrectionCells): ReviewRow {
  return { indicator, label: indicatorSpec(indicator)?.label_zh ?? indicator, cells, line: correctionLine(cells) };
}

/** The figure an uncounted number would make of `indicator`: added to the figure read (a rate replaces it). */
export function figureWith(current: SiteTotal | undefined, u: Pick<SiteUncounted, "value" | "qualifier">, indicator: string): { value: number; qualifier: Qualifier } {
  if (!current || isRate(indicator)) return { value: u.value, qualifier: u.qualifier };
  return { value: Math.round((current.value + u.value) * 1e6) / 1e6, qualifier: totalQualifier([current.qualifier, u.qualifier]) };
}

interface Place {
  province: string;
  county: string;
  countyCode: string;
}

/** The items of one report, figures first (in the spec's order), then uncounted numbers in text order. */
export function reviewItemsOf(r: SiteReport, place: Place = placeOf(r)): ReviewItem[] {
  const label = `${r.township ?? r.file}${r.year ? ` ${r.year}年` : ""}`;
  const common = { reportId: r.id, label, ...place, township: r.township, year: r.year };
  const items: ReviewItem[] = [];
  for (const spec of INDICATORS) {
    const t = r.indicators[spec.id];
    if (!t || figureStatus(t) !== "to_check") continue;
    const low = t.mentions.filter(isLow);
    items.push({
      ...common,
      kind: "figure",
      id: `f-${r.id}-${spec.id}`,
      indicator: spec.id,
      shown: formatFigure(t.value, t.qualifier, spec.unit),
      sentence: low.map((m) => m.quote ?? "").filter(Boolean).join(" / "),
      reason: lowReason(t),
      href: `${profilePath(r.id)}#i-${spec.id}`,
      rows: [rowOf(spec.id, cellsOf(r, spec.id, t.value, t.qualifier, "已核实"))],
    });
  }
  for (const u of r.uncounted ?? []) {
    if (u.plausible.length === 0 || u.plausible.some((id) => r.indicators[id]?.corrected)) continue;
    items.push({
      ...common,
      kind: "uncounted",
      id: `u-${r.id}-${u.start}`,
      indicator: null,
      shown: `${formatFigure(u.value, u.qualifier)}${u.unit}`,
      sentence: u.sentence ?? "",
      reason: u.reason,
      href: `${profilePath(r.id)}#${spanId(u.start, u.end)}`,
      rows: u.plausible.map((id) => {
        const f = figureWith(r.indicators[id], u, id);
        return rowOf(id, cellsOf(r, id, f.value, f.qualifier, ""));
      }),
    });
  }
  return items;
}

function placeOf(r: SiteReport): Place {
  const countyCode = r.code ? r.code.slice(0, 6) : UNKNOWN_COUNTY;
  return { province: r.code ? (r.province ?? UNKNOWN_REGION) : UNKNOWN_REGION, county: r.code ? (r.county ?? `县级区划 ${countyCode}`) : UNKNOWN_REGION, countyCode };
}

export interface ReviewReportGroup {
  report: SiteReport;
  items: ReviewItem[];
}

export interface ReviewCounty {
  code: string;
  name: string;
  province: string;
  /** township-years with something to check, in the site's order */
  reports: ReviewReportGroup[];
  figures: number;
  uncounted: number;
}

export interface ReviewProvince {
  name: string;
  counties: ReviewCounty[];
}

/** The review's provinces with their counties and counts (the review's index when counties are many). */
export interface ReviewProvinceRow {
  /** the 2-digit code of its counties' codes ("unknown" for reports whose region is not settled) */
  code: string;
  name: string;
  counties: ReviewCounty[];
  figures: number;
  uncounted: number;
}

export function reviewProvinces(tree: readonly ReviewProvince[]): ReviewProvinceRow[] {
  const rows = new Map<string, ReviewProvinceRow>();
  for (const p of tree) {
    for (const c of p.counties) {
      const code = /^\d{6}$/.test(c.code) ? c.code.slice(0, 2) : "unknown";
      let row = rows.get(code);
      if (!row) rows.set(code, (row = { code, name: p.name, counties: [], figures: 0, uncounted: 0 }));
      row.counties.push(c);
      row.figures += c.figures;
      row.uncounted += c.uncounted;
    }
  }
  return [...rows.values()];
}

/** review/provinces/14/ — a province's counties in the review */
export function reviewProvincePath(code: string): string {
  return `review/provinces/${code}/`;
}

/** Everything to check, province → county → township-year; only counties with something to check. */
export function reviewTree(reports: readonly SiteReport[]): ReviewProvince[] {
  const { provinces, unknown } = groupByRegion(reports);
  const countyOf = (code: string, name: string, province: string, rs: readonly SiteReport[]): ReviewCounty | null => {
    const groups = rs.map((report) => ({ report, items: reviewItemsOf(report, { province, county: name, countyCode: code }) })).filter((g) => g.items.length > 0);
    if (groups.length === 0) return null;
    const all = groups.flatMap((g) => g.items);
    return { code, name, province, reports: groups, figures: all.filter((i) => i.kind === "figure").length, uncounted: all.filter((i) => i.kind === "uncounted").length };
  };
  const out: ReviewProvince[] = provinces
    .map((p) => ({ name: p.name, counties: p.counties.flatMap((c) => countyOf(c.code, c.name, p.name, c.reports) ?? []) }))
    .filter((p) => p.counties.length > 0);
  const u = countyOf(UNKNOWN_COUNTY, UNKNOWN_REGION, UNKNOWN_REGION, unknown);
  if (u) out.push({ name: UNKNOWN_REGION, counties: [u] });
  return out;
}

export function reviewItems(tree: readonly ReviewProvince[]): ReviewItem[] {
  return tree.flatMap((p) => p.counties.flatMap((c) => c.reports.flatMap((g) => g.items)));
}

/**
 * What an item costs a page, in units of about 450 bytes of HTML: the item with its sentence, and
 * each of its rows (a row is its text, its label and its copy button).
 */
export function itemWeight(i: Pick<ReviewItem, "rows">): number {
  return 2 + i.rows.length;
}

/** The weight of one review page at most: about 140 KB of items, so a page stays under 200 KB of HTML. */
export const REVIEW_PAGE_WEIGHT = 300;

/** A county's township-years cut into pages of at most `budget` weight (a township-year is split only when it alone is heavier). */
export function reviewPages(county: ReviewCounty, budget = REVIEW_PAGE_WEIGHT, weight: (i: ReviewItem) => number = itemWeight): ReviewReportGroup[][] {
  const pages: ReviewReportGroup[][] = [];
  let page: ReviewReportGroup[] = [];
  let used = 0;
  const flush = () => {
    if (page.length) pages.push(page);
    page = [];
    used = 0;
  };
  for (const g of county.reports) {
    // the township-year in parts that each fit a page
    const parts: ReviewItem[][] = [[]];
    let partWeight = 0;
    for (const item of g.items) {
      const w = weight(item);
      if (parts.at(-1)!.length > 0 && partWeight + w > budget) {
        parts.push([]);
        partWeight = 0;
      }
      parts.at(-1)!.push(item);
      partWeight += w;
    }
    for (const items of parts) {
      const w = items.reduce((n, i) => n + weight(i), 0);
      if (used > 0 && used + w > budget) flush();
      page.push({ report: g.report, items });
      used += w;
    }
  }
  flush();
  return pages;
}

/** The review's URL paths (relative to the base): the whole list, a county's pages, its CSV. */
export function reviewPath(county?: string, page = 1): string {
  return county ? `review/${county}/${page > 1 ? `${page}/` : ""}` : "review/";
}

export function reviewCsvPath(county?: string): string {
  return county ? `data/review/${county}.csv` : "data/review.csv";
}

/** One row of the review CSV: the corrections columns, then the sentence and what to check. */
export type ReviewCsvRow = CorrectionCells & { sentence: string; note: string };

/** What each column of the review CSV holds (the corrections columns as docs/review.md gives them). */
const REVIEW_COLUMN_TEXT: Record<keyof ReviewCsvRow & string, { type: Column<ReviewCsvRow>["type"]; description: string }> = {
  code: { type: "string", description: "乡镇（街道）的 9 位区划代码" },
  township: { type: "string", description: "乡镇（街道）名称" },
  year: { type: "integer", description: "报告年度" },
  indicator: { type: "string", description: "指标编号（见 spec/indicators.md）" },
  value: { type: "number", description: "数值：核实时为程序读取的数，校正时改为正确的数" },
  qualifier: { type: "string", description: "限定：exact、at_least、at_most、approx" },
  reason: { type: "string", description: "核实或校正的说明（由审核人填写）" },
  who: { type: "string", description: "审核人（由审核人填写）" },
  date: { type: "string", description: "审核日期 YYYY-MM-DD（由审核人填写）" },
  status: { type: "string", description: "已核实（数字无误）或留空（校正）" },
  sentence: { type: "string", description: "数字所在的原文句子（追加到 corrections.csv 时可保留，构建时不读）" },
  note: { type: "string", description: "需要核对什么（构建时不读）" },
};

export const REVIEW_CSV_COLUMNS: Column<ReviewCsvRow>[] = [...CORRECTION_COLUMNS, "sentence", "note"].map((key) => ({
  key: key as keyof ReviewCsvRow & string,
  header: key,
  ...REVIEW_COLUMN_TEXT[key as keyof ReviewCsvRow & string],
}));

/** The review list as CSV (UTF-8 with BOM, CRLF): one row per offered corrections row. */
export function reviewCsv(items: readonly ReviewItem[]): string {
  const rows: ReviewCsvRow[] = items.flatMap((i) =>
    i.rows.map((row) => ({ ...row.cells, sentence: i.sentence, note: `${REVIEW_KIND_ZH[i.kind]}：${i.shown}，${i.reason}${i.kind === "uncounted" ? `；若计入“${row.label}”` : ""}` })),
  );
  const csv = toCsv(rows, REVIEW_CSV_COLUMNS);
  return csv.startsWith(BOM) ? csv : BOM + csv;
}

export interface CountyReviewCounts {
  province: string;
  county: string;
  code: string;
  verified: number;
  corrected: number;
  /** figures with a low-confidence mention not yet settled */
  toCheck: number;
  /** uncounted numbers with plausible indicators not yet settled */
  uncounted: number;
}

/** Per county: figures verified, corrected and still to check (and uncounted numbers to look at); counties with none left out. */
export function reviewCounts(reports: readonly SiteReport[]): CountyReviewCounts[] {
  const { provinces, unknown } = groupByRegion(reports);
  const countsOf = (province: string, county: string, code: string, rs: readonly SiteReport[]): CountyReviewCounts => {
    const c = { province, county, code, verified: 0, corrected: 0, toCheck: 0, uncounted: 0 };
    for (const r of rs) {
      for (const t of Object.values(r.indicators)) {
        const s = figureStatus(t);
        if (s === "verified") c.verified++;
        else if (s === "corrected") c.corrected++;
        else if (s === "to_check") c.toCheck++;
      }
      c.uncounted += reviewItemsOf(r).filter((i) => i.kind === "uncounted").length;
    }
    return c;
  };
  const rows = provinces.flatMap((p) => p.counties.map((c) => countsOf(p.name, c.name, c.code, c.reports)));
  if (unknown.length) rows.push(countsOf(UNKNOWN_REGION, UNKNOWN_REGION, UNKNOWN_COUNTY, unknown));
  return rows.filter((c) => c.verified + c.corrected + c.toCheck + c.uncounted > 0);
}

/** Whether the whole review is one page: a detailed site (scale.ts) whose items fit one page. */
export function reviewOnOnePage(reports: number, items: readonly ReviewItem[], maxReports = limit("reviewReports")): boolean {
  return reports <= maxReports && items.reduce((n, i) => n + itemWeight(i), 0) <= REVIEW_PAGE_WEIGHT;
}
