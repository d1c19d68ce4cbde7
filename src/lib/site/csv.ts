// The site's downloads: every figure as CSV (one row per report × reported indicator), each
// indicator's chart data as CSV, and everything as JSON. Pure functions over the generated reports,
// shared by the endpoints in src/pages/data/ and the tests; no Astro imports.
import Papa from "papaparse";
import { countedMentions } from "../extract/totals.ts";
import { INDICATORS, indicatorSpec, type IndicatorSpec } from "../extract/indicators.ts";
import { correctionNote } from "./quality.ts";
import { siteUrl } from "./paths.ts";
import type { SiteReport } from "./schema.ts";
import type { Correction, Mention, Qualifier } from "../extract/types.ts";

/** A qualifier as the CSV shows it (spec §2). */
export const QUALIFIER_ZH: Record<Qualifier, string> = { exact: "确数", at_least: "不少于", at_most: "不多于", approx: "约" };
/** 限定 of a township-year that does not mention the indicator: listed, never shown as 0. */
export const NOT_REPORTED = "未报告";
/** Joins several quotes in one cell. */
export const QUOTE_SEPARATOR = " / ";

export type Cell = string | number | null;

/** A column's type as the data package declares it (Frictionless Table Schema field types). */
export type ColumnType = "string" | "integer" | "number";

/** One column of a CSV: the stable key in code, the Chinese header in the file, its type and meaning. */
export interface Column<T> {
  key: keyof T & string;
  header: string;
  type: ColumnType;
  /** what the column holds, in Chinese: the data package and README.txt say it */
  description: string;
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
  /** the report's title as read from it (citations name it) */
  title: string | null;
  issuer: string | null;
  reportDate: string | null;
  /** the profile's URL: absolute when the site's address is known (FZZL_SITE), else its path */
  page: string;
  /** a hand correction (data/corrections.csv): reason, who, date and what the program read */
  correction: string;
}

/** The region and year columns both CSVs begin with, described once. */
const REGION_COLUMN = {
  province: { key: "province", header: "省", type: "string", description: "报告所属的省（自治区、直辖市）；无法确定时留空" },
  city: { key: "city", header: "市", type: "string", description: "报告所属的地级市（州、盟）；无法确定时留空" },
  county: { key: "county", header: "县（区）", type: "string", description: "报告所属的县（市、区）；无法确定时留空" },
  township: { key: "township", header: "乡镇（街道）", type: "string", description: "报告所属的乡镇（街道）；无法确定时留空" },
  code: { key: "code", header: "区划代码", type: "string", description: "乡镇（街道）的 9 位统计用区划代码（文字，保留开头的 0）；无法确定时留空" },
  year: { key: "year", header: "年度", type: "integer", description: "报告所总结的年度" },
} as const;

export const FIGURE_COLUMNS: Column<FigureRow>[] = [
  REGION_COLUMN.province,
  REGION_COLUMN.city,
  REGION_COLUMN.county,
  REGION_COLUMN.township,
  REGION_COLUMN.code,
  REGION_COLUMN.year,
  { key: "indicator", header: "指标代码", type: "string", description: "指标的英文代码，稳定不变，便于程序使用" },
  { key: "indicatorLabel", header: "指标", type: "string", description: "指标的中文名称" },
  { key: "value", header: "数值", type: "number", description: "该报告中这项指标的合计数，按方法说明中的合计规则得出；比率为百分数（98 表示 98%）" },
  { key: "qualifierZh", header: "限定", type: "string", description: "确数、不少于（报告写“余、多、以上”）、不多于（“近、不到”）或约（“约、左右”）" },
  { key: "qualifier", header: "限定符", type: "string", description: "同“限定”，英文代码：exact、at_least、at_most、approx" },
  { key: "unit", header: "单位", type: "string", description: "次、场、件、人次、份、% 等" },
  { key: "evidence", header: "原文出处", type: "string", description: `合计所依据的原文语句，多处之间以“${QUOTE_SEPARATOR.trim()}”分隔` },
  { key: "details", header: "明细", type: "string", description: "同一指标的其他提及（“其中”后的分项、重复叙述等），只作参考，不计入合计" },
  { key: "mentionCount", header: "提及次数", type: "integer", description: "报告中提到这项指标数字的次数（原文出处与明细之和）" },
  { key: "file", header: "来源文件", type: "string", description: "报告的文本文件名" },
  { key: "title", header: "报告标题", type: "string", description: "报告的标题（引用时写明）；未能读取时留空" },
  { key: "issuer", header: "发布单位", type: "string", description: "报告的落款单位；未能读取时留空" },
  { key: "reportDate", header: "报告日期", type: "string", description: "报告的落款或发布日期；未能读取时留空" },
  { key: "page", header: "页面", type: "string", description: "本站该乡镇年度页面的地址，可在那里查看报告全文和高亮的出处" },
  { key: "correction", header: "校正说明", type: "string", description: "人工校正（data/corrections.csv）的理由、校正人、日期和程序原先读取的数字；没有校正时留空" },
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
  REGION_COLUMN.province,
  REGION_COLUMN.county,
  REGION_COLUMN.township,
  REGION_COLUMN.code,
  REGION_COLUMN.year,
  { key: "value", header: "数值", type: "number", description: "这项指标的合计数；报告未提到时留空（不等于 0）" },
  { key: "qualifierZh", header: "限定", type: "string", description: "确数、不少于、不多于、约，或“未报告”" },
  { key: "unit", header: "单位", type: "string", description: "这项指标的单位" },
  { key: "correction", header: "校正说明", type: "string", description: "人工校正的理由、校正人、日期和程序原先读取的数字；没有校正时留空" },
];

export interface DownloadOptions {
  /** the site's base path (import.meta.env.BASE_URL), for the 页面 column; "/" by default */
  base?: string;
  /** the site's origin (FZZL_SITE, siteOrigin in paths.ts): 页面 is then an absolute URL */
  origin?: string | null;
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
        title: r.title,
        issuer: r.issuer,
        reportDate: r.reportDate,
        page: siteUrl(pagePath(r.id, opts.base), opts.origin),
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
export function toCsv<T extends object>(rows: readonly T[], columns: readonly Pick<Column<T>, "key" | "header">[]): string {
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

/** One report in the JSON downloads (figures.json, /data/townships/{id}.json): its figures and their evidence. */
export interface ReportJson {
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
      mentions: { value: number; qualifier: Qualifier; part: boolean; repeat: boolean; quote: string; start: number; end: number; confidence: Mention["confidence"]; reason: string }[];
      /** a hand correction: value/qualifier above are the corrected ones */
      corrected?: Correction;
    }
  >;
}

export interface FiguresJson {
  source: string;
  qualifiers: Record<Qualifier, string>;
  indicators: IndicatorSpec[];
  reports: ReportJson[];
}

export const SOURCE_NOTE =
  "法治镇览：数字由程序从各乡镇（街道）公开发布的年度法治政府建设情况报告中逐句读取，每个数字附原文出处（quote；start/end 为在规范化报告全文中的位置）。报告未提到的指标不列出，不等于 0。";

/** The indicators' definitions as the JSON downloads carry them. */
export function indicatorsJson(): IndicatorSpec[] {
  return INDICATORS.map(({ id, category, label_zh, label_en, unit, kind, counts_zh, not_zh }) => ({ id, category, label_zh, label_en, unit, kind, counts_zh, not_zh }));
}

/** One report's figures with their mentions and quotes, in spec order. */
export function reportJson(r: SiteReport): ReportJson {
  return {
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
              confidence: m.confidence,
              reason: m.reason,
            })),
            ...(t.corrected ? { corrected: t.corrected } : {}),
          },
        ];
      }),
    ),
  };
}

/** Everything the site shows as one JSON object, without the full report texts. */
export function figuresJson(reports: readonly SiteReport[]): FiguresJson {
  return {
    source: SOURCE_NOTE,
    qualifiers: { ...QUALIFIER_ZH },
    indicators: indicatorsJson(),
    reports: sortReports(reports).map(reportJson),
  };
}
