// The site's downloads: every figure as CSV (one row per report × reported indicator), each
// indicator's chart data as CSV, and everything as JSON. Pure functions over the generated reports,
// shared by the endpoints in src/pages/data/ and the tests; no Astro imports.
import Papa from "papaparse";
import { countedMentions } from "../extract/totals.ts";
import { INDICATORS, indicatorSpec, type IndicatorSpec } from "../extract/indicators.ts";
import { correctionNote } from "./quality.ts";
import type { SiteReport } from "./schema.ts";
import type { Correction, Mention, Qualifier } from "../extract/types.ts";

/** A qualifier as the CSV shows it (spec §2). */
export const QUALIFIER_ZH: Record<Qualifier, string> = { exact: "确数", at_least: "不少于", at_most: "不多于", approx: "约" };
/** 限定 of a township-year that does not mention the indicator: listed, never shown as 0. */
export const NOT_REPORTED = "未报告";
/** Joins several quotes in one cell. */
export const QUOTE_SEPARATOR = " / ";

export type Cell = string | number | null;

/** One column of a CSV: the stable key in code and the Chinese header in the file. */
export interface Column<T> {
  key: keyof T & string;
  header: string;
}

export interface FigureRow {
  province: string | null;
  city: string | null;
  county: string | null;
  township: string | null;
  code: string | null;
  year: number | null;
  indicator: string;
  indicatorLabel: string;
  value: number;
  qualifierZh: string;
  qualifier: Qualifier;
  unit: string;
  /** the quotes of the mentions the value is made of */
  evidence: string;
  /** the other mentions: breakdowns (其中), repeats, later statements of a rate */
  details: string;
  /** every mention of the indicator in the report: 原文出处 + 明细 */
  mentionCount: number;
  file: string;
  page: string;
  /** a hand correction (data/corrections.csv): reason, who, date and what the program read */
  correction: string;
}

export const FIGURE_COLUMNS: Column<FigureRow>[] = [
  { key: "province", header: "省" },
  { key: "city", header: "市" },
  { key: "county", header: "县（区）" },
  { key: "township", header: "乡镇（街道）" },
  { key: "code", header: "区划代码" },
  { key: "year", header: "年度" },
  { key: "indicator", header: "指标代码" },
  { key: "indicatorLabel", header: "指标" },
  { key: "value", header: "数值" },
  { key: "qualifierZh", header: "限定" },
  { key: "qualifier", header: "限定符" },
  { key: "unit", header: "单位" },
  { key: "evidence", header: "原文出处" },
  { key: "details", header: "明细" },
  { key: "mentionCount", header: "提及次数" },
  { key: "file", header: "来源文件" },
  { key: "page", header: "页面" },
  { key: "correction", header: "校正说明" },
];

export interface IndicatorRow {
  province: string | null;
  county: string | null;
  township: string | null;
  code: string | null;
  year: number | null;
  /** null when the report does not mention the indicator */
  value: number | null;
  /** 确数/不少于/不多于/约, or 未报告 */
  qualifierZh: string;
  unit: string;
  correction: string;
}

export const INDICATOR_COLUMNS: Column<IndicatorRow>[] = [
  { key: "province", header: "省" },
  { key: "county", header: "县（区）" },
  { key: "township", header: "乡镇（街道）" },
  { key: "code", header: "区划代码" },
  { key: "year", header: "年度" },
  { key: "value", header: "数值" },
  { key: "qualifierZh", header: "限定" },
  { key: "unit", header: "单位" },
  { key: "correction", header: "校正说明" },
];

export interface DownloadOptions {
  /** the site's base path (import.meta.env.BASE_URL), for the 页面 column; "/" by default */
  base?: string;
}

const ZH = new Intl.Collator("zh-CN");
const SPEC_ORDER = new Map(INDICATORS.map((s, i) => [s.id, i]));

/** Reports in the site's order: province, county, township, year (zh-CN collation), then id. */
export function sortReports<R extends Pick<SiteReport, "province" | "county" | "township" | "year" | "id">>(reports: readonly R[]): R[] {
  return [...reports].sort(
    (a, b) =>
      ZH.compare(a.province ?? "", b.province ?? "") ||
      ZH.compare(a.county ?? "", b.county ?? "") ||
      ZH.compare(a.township ?? "", b.township ?? "") ||
      (a.year ?? 0) - (b.year ?? 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** Indicator ids of a report in spec order; ids the spec does not know (none today) come last. */
function indicatorIdsOf(r: SiteReport): string[] {
  const rank = (id: string) => SPEC_ORDER.get(id) ?? Number.MAX_SAFE_INTEGER;
  return Object.keys(r.indicators).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

export { countedMentions };

function quoteOf(m: Mention & { quote?: string }): string {
  return m.quote ?? "";
}

function detailOf(r: SiteReport, m: Mention): string {
  const tag = m.part ? "其中" : m.repeat ? "重复提及" : "未计入";
  return `（${tag}）${quoteOf(m)}`;
}

export function pagePath(id: string, base = "/"): string {
  return `${base.endsWith("/") ? base : `${base}/`}townships/${id}/`;
}

/** One row per report × indicator the report gives a figure for. */
export function figureRows(reports: readonly SiteReport[], opts: DownloadOptions = {}): FigureRow[] {
  const rows: FigureRow[] = [];
  for (const r of sortReports(reports)) {
    for (const id of indicatorIdsOf(r)) {
      const t = r.indicators[id]!;
      const spec = indicatorSpec(id);
      const used = countedMentions(id, t.mentions);
      const rest = t.mentions.filter((m) => !used.includes(m));
      rows.push({
        province: r.province,
        city: r.city,
        county: r.county,
        township: r.township,
        code: r.code,
        year: r.year,
        indicator: id,
        indicatorLabel: spec?.label_zh ?? id,
        value: t.value,
        qualifierZh: QUALIFIER_ZH[t.qualifier],
        qualifier: t.qualifier,
        unit: spec?.unit ?? "",
        evidence: used.map((m) => quoteOf(m)).join(QUOTE_SEPARATOR),
        details: rest.map((m) => detailOf(r, m)).join(QUOTE_SEPARATOR),
        mentionCount: t.mentions.length,
        file: r.file,
        page: pagePath(r.id, opts.base),
        correction: t.corrected ? correctionNote(t.corrected, spec?.unit ?? "") : "",
      });
    }
  }
  return rows;
}

/** The chart data of one indicator: every report, with 未报告 and an empty value where it is not given. */
export function indicatorRows(reports: readonly SiteReport[], indicatorId: string): IndicatorRow[] {
  const spec = indicatorSpec(indicatorId);
  if (!spec) throw new Error(`unknown indicator: ${indicatorId}`);
  return sortReports(reports).map((r) => {
    const t = r.indicators[indicatorId];
    return {
      province: r.province,
      county: r.county,
      township: r.township,
      code: r.code,
      year: r.year,
      value: t ? t.value : null,
      qualifierZh: t ? QUALIFIER_ZH[t.qualifier] : NOT_REPORTED,
      unit: spec.unit,
      correction: t?.corrected ? correctionNote(t.corrected, spec.unit) : "",
    };
  });
}

/**
 * A cell Excel or LibreOffice could run as a formula (= + - @, tab, CR at the start) gets a leading
 * apostrophe. Numbers are written as numbers and never touched; neither are strings that are
 * plain numbers (-1, +2.5).
 */
const FORMULA_START = /^(?![-+]?\d+(?:\.\d+)?$)[=+\-@\t\r]/;

/** UTF-8 byte order mark: lets Excel open the Chinese text as UTF-8. */
export const BOM = "\uFEFF";

/** Rows as CSV: Chinese headers, CRLF line ends, a BOM first, formula-looking cells neutralised. */
export function toCsv<T extends object>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const data: Cell[][] = rows.map((row) => columns.map((c) => cellOf(row[c.key])));
  const body = Papa.unparse(
    { fields: columns.map((c) => c.header), data },
    { newline: "\r\n", quotes: false, escapeFormulae: FORMULA_START, header: true },
  );
  // papaparse ends a header-only table with a newline and a table with rows without one
  return `${BOM}${body.replace(/\r\n$/, "")}\r\n`;
}

function cellOf(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  return String(v);
}

export function figuresCsv(reports: readonly SiteReport[], opts: DownloadOptions = {}): string {
  return toCsv(figureRows(reports, opts), FIGURE_COLUMNS);
}

export function indicatorCsv(reports: readonly SiteReport[], indicatorId: string): string {
  return toCsv(indicatorRows(reports, indicatorId), INDICATOR_COLUMNS);
}

export interface FiguresJson {
  source: string;
  qualifiers: Record<Qualifier, string>;
  indicators: IndicatorSpec[];
  reports: {
    id: string;
    township: string | null;
    county: string | null;
    city: string | null;
    province: string | null;
    code: string | null;
    year: number | null;
    file: string;
    title: string | null;
    indicators: Record<
      string,
      {
        value: number;
        qualifier: Qualifier;
        unit: string;
        mentions: { value: number; qualifier: Qualifier; part: boolean; repeat: boolean; quote: string; start: number; end: number }[];
        /** a hand correction: value/qualifier above are the corrected ones */
        corrected?: Correction;
      }
    >;
  }[];
}

export const SOURCE_NOTE =
  "法治镇览：数字由程序从各乡镇（街道）公开发布的年度法治政府建设情况报告中逐句读取，每个数字附原文出处（quote；start/end 为在规范化报告全文中的位置）。报告未提到的指标不列出，不等于 0。";

/** Everything the site shows as one JSON object, without the full report texts. */
export function figuresJson(reports: readonly SiteReport[]): FiguresJson {
  return {
    source: SOURCE_NOTE,
    qualifiers: { ...QUALIFIER_ZH },
    indicators: INDICATORS.map(({ id, category, label_zh, label_en, unit, kind, counts_zh, not_zh }) => ({ id, category, label_zh, label_en, unit, kind, counts_zh, not_zh })),
    reports: sortReports(reports).map((r) => ({
      id: r.id,
      township: r.township,
      county: r.county,
      city: r.city,
      province: r.province,
      code: r.code,
      year: r.year,
      file: r.file,
      title: r.title,
      indicators: Object.fromEntries(
        indicatorIdsOf(r).map((id) => {
          const t = r.indicators[id]!;
          return [
            id,
            {
              value: t.value,
              qualifier: t.qualifier,
              unit: indicatorSpec(id)?.unit ?? "",
              mentions: t.mentions.map((m) => ({
                value: m.value,
                qualifier: m.qualifier,
                part: m.part,
                repeat: m.repeat ?? false,
                quote: quoteOf(m),
                start: m.start,
                end: m.end,
              })),
              ...(t.corrected ? { corrected: t.corrected } : {}),
            },
          ];
        }),
      ),
    })),
  };
}
