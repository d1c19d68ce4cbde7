// The downloads as Excel workbooks (exceljs): every figure on one sheet (the columns of figures.csv),
// one sheet per indicator with townships down and years across (a value column and a 限定 column per
// year), and a sheet 说明 (indicators, units, qualifiers, columns, source, how to cite). Chinese
// headers, numbers as numbers, frozen header rows. The same bytes for the same data: the workbook's
// dates are the data's date and the zip's times are set to it (zip.ts). Written with exceljs's
// streaming writer (rows committed as they are written, inline strings): at 2,000 reports three
// times faster than the in-memory workbook, and its memory does not grow with the rows.
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { townshipKeyOf } from "./aggregate.ts";
import { CITE, SITE_NAME } from "./citation.ts";
import { FIGURE_COLUMNS, INDICATOR_COLUMNS, NOT_REPORTED, QUALIFIER_ZH, SOURCE_NOTE, figureRows, indicatorRows, sortReports, type Column, type DownloadOptions } from "./csv.ts";
import { dataDate, type DataVersion } from "./dataVersion.ts";
import { restampZip } from "./zip.ts";
import { CATEGORIES, INDICATORS, indicatorSpec, type IndicatorSpec } from "../extract/indicators.ts";
import type { Qualifier } from "../extract/types.ts";
import type { SiteReport } from "./schema.ts";

export interface WorkbookOptions extends DownloadOptions {
  version: DataVersion;
  /** what the workbook holds, e.g. "全部数字" or "襄垣县": the 说明 sheet's heading */
  scope: string;
  /** the indicators it covers (default all 25, in spec order) */
  indicators?: readonly string[];
}

/** The sheet names: what a maintainer renames in one place. */
export const SHEET = { figures: "全部数字", byYear: "各指标按年度", notes: "说明" } as const;

/** Characters Excel refuses in a sheet name, and its length limit. */
const SHEET_NAME_BAD = /[[\]:*?/\\]/g;
const SHEET_NAME_MAX = 31;

/** An indicator's sheet: its Chinese label, made a valid and unique sheet name. */
export function sheetNameOf(label: string, taken: ReadonlySet<string>): string {
  const clean = label.replace(SHEET_NAME_BAD, "_").slice(0, SHEET_NAME_MAX) || "指标";
  let name = clean;
  for (let i = 2; taken.has(name); i++) name = `${clean.slice(0, SHEET_NAME_MAX - String(i).length - 1)}_${i}`;
  return name;
}

/** One township's row of an indicator's sheet: its region, and per year the value (null: 未报告) and 限定. */
export interface GridRow {
  province: string | null;
  city: string | null;
  county: string | null;
  township: string | null;
  code: string | null;
  cells: Map<number, { value: number | null; qualifier: Qualifier | null }>;
}

export interface YearGrid {
  years: number[];
  rows: GridRow[];
}

/**
 * Townships × years of one indicator: one row per township (region code, else name) in the site's
 * order, one column pair per year any report has. A township-year without a report is empty; one
 * whose report does not give the indicator is 未报告 (value null). Reports without a year are left out
 * (they are in 全部数字).
 */
export function yearGrid(reports: readonly SiteReport[], indicatorId: string): YearGrid {
  const years = [...new Set(reports.flatMap((r) => (r.year === null ? [] : [r.year])))].sort((a, b) => a - b);
  const rows = new Map<string, GridRow>();
  for (const r of sortReports(reports)) {
    if (r.year === null) continue;
    const key = townshipKeyOf(r);
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { province: r.province, city: r.city, county: r.county, township: r.township, code: r.code, cells: new Map() }));
    if (row.cells.has(r.year)) continue; // two reports of one township-year: the first in the site's order
    const t = r.indicators[indicatorId];
    row.cells.set(r.year, t ? { value: t.value, qualifier: t.qualifier } : { value: null, qualifier: null });
  }
  return { years, rows: [...rows.values()] };
}

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF4" } };
const FONT = "等线";

type Writer = ExcelJS.stream.xlsx.WorkbookWriter;

/** A sheet with a bold, frozen, filterable header row and widths that fit Chinese headers. */
function tableSheet(wb: Writer, name: string, headers: readonly string[], widths: readonly number[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  ws.columns = headers.map((header, i) => ({ header, width: widths[i] ?? 12 }));
  const head = ws.getRow(1);
  head.font = { name: FONT, bold: true };
  head.fill = HEADER_FILL;
  head.alignment = { vertical: "middle", wrapText: true };
  head.commit();
  return ws;
}

/** Widths (in characters) by column type and key: long texts wide, numbers narrow. */
const WIDE = new Set(["evidence", "details", "correction", "title", "page"]);
function widthOf<T>(c: Column<T>): number {
  if (WIDE.has(c.key)) return 48;
  if (c.type !== "string") return 10;
  return Math.max(10, c.header.length * 2 + 4);
}

function cellValue(v: unknown): ExcelJS.CellValue {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  return String(v);
}

function addRows<T extends object>(ws: ExcelJS.Worksheet, rows: readonly T[], columns: readonly Column<T>[]): void {
  for (const row of rows) ws.addRow(columns.map((c) => cellValue(row[c.key]))).commit();
  ws.commit();
}

/**
 * Townships × years: for one indicator, a row per township and its unit in the year headers; for
 * several (a county's workbook), a row per township × indicator with the indicator's columns.
 */
function addGridSheet(wb: Writer, reports: readonly SiteReport[], specs: readonly IndicatorSpec[], name: string): void {
  const grids = specs.map((s) => yearGrid(reports, s.id));
  const years = grids[0]?.years ?? [];
  const one = specs.length === 1 ? specs[0]! : null;
  const region = ["省", "市", "县（区）", "乡镇（街道）", "区划代码"];
  const what = one ? [] : ["指标代码", "指标", "单位"];
  const headers = [...region, ...what, ...years.flatMap((y) => [one ? `${y}年（${one.unit}）` : `${y}年`, `${y}年限定`])];
  const widths = [...[...region, ...what].map((h) => Math.max(10, h.length * 2 + 4)), ...years.flatMap(() => [12, 10])];
  const ws = tableSheet(wb, name, headers, widths);
  const townships = grids[0]?.rows.length ?? 0;
  for (let t = 0; t < townships; t++) {
    specs.forEach((spec, k) => {
      const row = grids[k]!.rows[t]!;
      const cells = years.flatMap((y) => {
        const c = row.cells.get(y);
        if (!c) return [null, null];
        return [c.value, c.qualifier ? QUALIFIER_ZH[c.qualifier] : NOT_REPORTED];
      });
      const head = [row.province, row.city, row.county, row.township, row.code, ...(one ? [] : [spec.id, spec.label_zh, spec.unit])];
      ws.addRow([...head, ...cells].map(cellValue)).commit();
    });
  }
  ws.commit();
}

/** The lines of the 说明 sheet: [label, text] pairs, then the tables of indicators, qualifiers and columns. */
function addNotesSheet(wb: Writer, o: WorkbookOptions, specs: readonly IndicatorSpec[], columns: readonly Column<object>[]): void {
  const ws = wb.addWorksheet(SHEET.notes);
  ws.columns = [{ width: 18 }, { width: 28 }, { width: 16 }, { width: 10 }, { width: 60 }];
  ws.getColumn(2).alignment = { wrapText: true, vertical: "top" };
  const bold = (r: ExcelJS.Row) => {
    r.font = { name: FONT, bold: true };
  };
  bold(ws.addRow([`${SITE_NAME}：${o.scope}`]));
  ws.addRow(["来源", SOURCE_NOTE]);
  ws.addRow(["数据日期", o.version.day]);
  if (o.version.commit) ws.addRow(["数据版本", o.version.commit]);
  ws.addRow(["引用方式", `${reportCiteHint}${CITE.chart(o.scope, "（下载页面的网址）", o.version.day)}`]);
  ws.addRow(["注意", "“未报告”不等于 0：报告没有提到某项指标时数值留空；只有报告明确写到“未发生”“零”的，数值才是 0。"]);
  ws.addRow([]);
  bold(ws.addRow(["指标代码", "指标", "类别", "单位", "英文名称"]));
  const category = new Map(CATEGORIES.map((c) => [c.id, c.label_zh]));
  for (const s of specs) ws.addRow([s.id, s.label_zh, category.get(s.category) ?? s.category, s.unit, s.label_en]);
  ws.addRow([]);
  bold(ws.addRow(["限定符", "限定", "含义"]));
  for (const [q, zh] of Object.entries(QUALIFIER_ZH)) ws.addRow([q, zh, QUALIFIER_MEANING[q as Qualifier]]);
  ws.addRow(["", NOT_REPORTED, "报告没有提到这项指标（数值留空，不等于 0）"]);
  ws.addRow([]);
  bold(ws.addRow([`“${SHEET.figures}”的列`, "内容"]));
  for (const c of columns) ws.addRow([c.header, c.description]);
  ws.commit();
}

const reportCiteHint = "引用单个数字时写明报告标题、发布单位和日期（“报告标题”等列），并注明：";

export const QUALIFIER_MEANING: Record<Qualifier, string> = {
  exact: "报告写出的确切数字",
  at_least: "报告写“余、多、以上”：实际不少于此数",
  at_most: "报告写“近、不到”：实际不多于此数",
  approx: "报告写“约、左右”：约数",
};

interface Sink {
  wb: Writer;
  done: () => Promise<Uint8Array>;
}

/** A streaming workbook writing into memory; `done` commits it and re-packs it with fixed times. */
function newWorkbook(version: DataVersion): Sink {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on("data", (c: Buffer) => chunks.push(c));
  const date = dataDate(version);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
    // deflated by Node's zlib; restampZip then fixes the times in place
    zip: { zlib: { level: 6 } },
  });
  wb.creator = SITE_NAME;
  wb.lastModifiedBy = SITE_NAME;
  wb.created = date;
  wb.modified = date;
  return {
    wb,
    done: async () => {
      await wb.commit();
      return restampZip(new Uint8Array(Buffer.concat(chunks)), date, "xlsx");
    },
  };
}

/** figures.xlsx (or a county's): 全部数字, one sheet per indicator (townships × years), 说明. */
export async function figuresXlsx(reports: readonly SiteReport[], o: WorkbookOptions): Promise<Uint8Array> {
  const ids = new Set(o.indicators ?? INDICATORS.map((i) => i.id));
  const specs = INDICATORS.filter((i) => ids.has(i.id));
  const { wb, done } = newWorkbook(o.version);
  const figures = tableSheet(wb, SHEET.figures, FIGURE_COLUMNS.map((c) => c.header), FIGURE_COLUMNS.map(widthOf));
  addRows(figures, figureRows(reports, o).filter((r) => ids.has(r.indicator)), FIGURE_COLUMNS);
  const taken = new Set<string>(Object.values(SHEET));
  for (const s of specs) {
    const name = sheetNameOf(s.label_zh, taken);
    taken.add(name);
    addGridSheet(wb, reports, [s], name);
  }
  addNotesSheet(wb, o, specs, FIGURE_COLUMNS as Column<object>[]);
  return done();
}

/**
 * A county's workbook: 全部数字 (its reports), one sheet 各指标按年度 (township × indicator rows, years
 * across) and 说明. Three sheets rather than 27: a county has few townships, and national sites
 * write thousands of these (each sheet costs exceljs ~15 ms).
 */
export async function countyXlsx(reports: readonly SiteReport[], o: Omit<WorkbookOptions, "indicators">): Promise<Uint8Array> {
  const { wb, done } = newWorkbook(o.version);
  addRows(tableSheet(wb, SHEET.figures, FIGURE_COLUMNS.map((c) => c.header), FIGURE_COLUMNS.map(widthOf)), figureRows(reports, o), FIGURE_COLUMNS);
  addGridSheet(wb, reports, INDICATORS, SHEET.byYear);
  addNotesSheet(wb, o, INDICATORS, FIGURE_COLUMNS as Column<object>[]);
  return done();
}

/** One indicator's workbook: its rows as in {id}.csv (every report, 未报告 where absent), townships × years, 说明. */
export async function indicatorXlsx(reports: readonly SiteReport[], indicatorId: string, o: Omit<WorkbookOptions, "indicators" | "scope">): Promise<Uint8Array> {
  const spec = indicatorSpec(indicatorId);
  if (!spec) throw new Error(`unknown indicator: ${indicatorId}`);
  const { wb, done } = newWorkbook(o.version);
  const ws = tableSheet(wb, SHEET.figures, INDICATOR_COLUMNS.map((c) => c.header), INDICATOR_COLUMNS.map(widthOf));
  addRows(ws, indicatorRows(reports, indicatorId), INDICATOR_COLUMNS);
  addGridSheet(wb, reports, [spec], sheetNameOf(`${spec.label_zh}（按年度）`, new Set(Object.values(SHEET))));
  addNotesSheet(wb, { ...o, scope: spec.label_zh }, [spec], INDICATOR_COLUMNS as Column<object>[]);
  return done();
}
