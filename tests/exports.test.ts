// The downloads that leave the site (issue #14): figures.xlsx and the per-indicator and per-county
// workbooks, the data package and its zip, citations, the data's date and the per-township JSON,
// over the seed reports run through the real extractor.
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { CITE, chartCitation, profileCitation, profileTitle, reportSource } from "../src/lib/site/citation.ts";
import { countyDownloads } from "../src/lib/site/countyDownloads.ts";
import { BOM, FIGURE_COLUMNS, INDICATOR_COLUMNS, NOT_REPORTED, figuresCsv, indicatorCsv } from "../src/lib/site/csv.ts";
import { dataPackage, packageZip, readmeText, tableSchema, ZIP_FOLDER, type TableField } from "../src/lib/site/datapackage.ts";
import { FALLBACK_DATE, dataVersion, dataVersionOf, parseGitLog, type DataVersion } from "../src/lib/site/dataVersion.ts";
import { downloadFiles, sha256, type DownloadFile } from "../src/lib/site/downloadSet.ts";
import { townshipJson } from "../src/lib/site/townshipJson.ts";
import { SHEET, countyXlsx, figuresXlsx, indicatorXlsx, sheetNameOf, yearGrid } from "../src/lib/site/xlsx.ts";
import { dosTime, reproducibleZip, restampZip } from "../src/lib/site/zip.ts";
import { zipSync } from "fflate";
import { CATEGORIES, INDICATORS } from "../src/lib/extract/indicators.ts";
import { seedRecords } from "./seeds.ts";

const { reports } = seedRecords();
const version: DataVersion = { date: "2026-11-21T11:02:23+00:00", day: "2026-11-21", commit: "4a3ce4e2d625cfcdea854b5569bad74efef07889", source: "git" };
const wang = reports.find((r) => r.township === "王村镇")!;

/** UTF-8 as the file has it (TextDecoder drops a BOM unless told not to). */
const decode = (data: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(data);

function csvRows(csv: string): string[][] {
  expect(csv.startsWith(BOM)).toBe(true);
  const out = Papa.parse<string[]>(csv.slice(BOM.length), { skipEmptyLines: true });
  expect(out.errors).toEqual([]);
  return out.data;
}

async function openXlsx(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  return wb;
}

/** A sheet's rows as plain values (null for empty cells), header first. */
function sheetRows(ws: ExcelJS.Worksheet): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const out: (string | number | null)[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = row.getCell(c).value;
      out.push(v === undefined || v === null ? null : (v as string | number));
    }
    rows.push(out);
  });
  return rows;
}

describe("figures.xlsx", async () => {
  const data = await figuresXlsx(reports, { version, scope: "全部数字" });
  const wb = await openXlsx(data);

  it("has 全部数字, one sheet per indicator and 说明", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEET.figures, ...INDICATORS.map((i) => i.label_zh), SHEET.notes]);
  });

  it("holds the figures of figures.csv: same header, same rows, numbers as numbers", () => {
    const csv = csvRows(figuresCsv(reports));
    const xlsx = sheetRows(wb.getWorksheet(SHEET.figures)!);
    expect(xlsx[0]).toEqual(csv[0]);
    expect(xlsx).toHaveLength(csv.length);
    const numeric = FIGURE_COLUMNS.map((c) => c.type !== "string");
    for (let i = 1; i < csv.length; i++) {
      const want = csv[i]!.map((cell, j) => (cell === "" ? null : numeric[j] ? Number(cell) : cell.replace(/^'(?=[=+\-@\t\r])/, "")));
      expect(xlsx[i], `row ${i}`).toEqual(want);
    }
    const value = FIGURE_COLUMNS.findIndex((c) => c.key === "value");
    for (const row of xlsx.slice(1)) expect(typeof row[value]).toBe("number");
  });

  it("freezes and filters the header row of every table sheet", () => {
    for (const ws of wb.worksheets.filter((w) => w.name !== SHEET.notes)) {
      expect(ws.views[0], ws.name).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(ws.getRow(1).font?.bold, ws.name).toBe(true);
      expect(ws.autoFilter, ws.name).toBeTruthy();
    }
  });

  it("puts townships down and years across on an indicator's sheet, the qualifier in its own column", () => {
    const ws = wb.getWorksheet("排查调处矛盾纠纷件数")!;
    const rows = sheetRows(ws);
    expect(rows[0]).toEqual(["省", "市", "县（区）", "乡镇（街道）", "区划代码", "2023年（件）", "2023年限定", "2024年（件）", "2024年限定"]);
    const w = rows.find((r) => r[3] === "王村镇")!;
    expect(w.slice(4)).toEqual(["140423106", null, null, 152, "确数"]);
    // one row per township
    expect(rows.length - 1).toBe(new Set(reports.map((r) => r.code)).size);
  });

  it("says 未报告 where a report does not give the indicator, never 0", () => {
    const id = INDICATORS.find((i) => !wang.indicators[i.id])!;
    const rows = sheetRows(wb.getWorksheet(id.label_zh)!);
    const w = rows.find((r) => r[3] === "王村镇")!;
    expect(w.slice(-2)).toEqual([null, NOT_REPORTED]);
  });

  it("explains the indicators, units, qualifiers, columns, source and date on 说明", () => {
    const text = sheetRows(wb.getWorksheet(SHEET.notes)!).flat().filter((v) => v !== null).map(String);
    for (const i of INDICATORS) expect(text).toContain(i.label_zh);
    for (const c of CATEGORIES) expect(text).toContain(c.label_zh);
    for (const c of FIGURE_COLUMNS) expect(text).toContain(c.description);
    expect(text).toEqual(expect.arrayContaining(["确数", "不少于", "不多于", "约", NOT_REPORTED, version.day, version.commit]));
  });

  it("is the same bytes for the same data, with the data's date inside", async () => {
    expect(sha256(await figuresXlsx([...reports].reverse(), { version, scope: "全部数字" }))).toBe(sha256(data));
    expect(wb.created.toISOString()).toBe("2026-11-21T11:02:23.000Z");
  });
});

describe("per-indicator and per-county workbooks", () => {
  it("an indicator's workbook holds the rows of its CSV", async () => {
    const wb = await openXlsx(await indicatorXlsx(reports, "training_sessions", { version }));
    const csv = csvRows(indicatorCsv(reports, "training_sessions"));
    const rows = sheetRows(wb.worksheets[0]!);
    expect(rows[0]).toEqual(INDICATOR_COLUMNS.map((c) => c.header));
    expect(rows.map((r) => r.map((v) => (v === null ? "" : String(v))))).toEqual(csv);
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEET.figures, "法治培训场次（按年度）", SHEET.notes]);
  });

  it("a county's workbook holds that county's figures only", async () => {
    const counties = countyDownloads(reports);
    expect(counties.map((c) => c.code).sort()).toEqual([...new Set(reports.map((r) => r.code!.slice(0, 6)))].sort());
    const c = counties.find((x) => x.code === "140423")!;
    expect(c.scope).toBe("山西省 襄垣县");
    const wb = await openXlsx(await countyXlsx(c.reports, { version, scope: c.scope }));
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEET.figures, SHEET.byYear, SHEET.notes]);
    const rows = sheetRows(wb.getWorksheet(SHEET.figures)!).slice(1);
    expect(rows.length).toBe(Object.keys(wang.indicators).length);
    expect(new Set(rows.map((r) => r[3]))).toEqual(new Set(["王村镇"]));
    // townships × indicators down, years across: every indicator once per township, 未报告 kept
    const grid = sheetRows(wb.getWorksheet(SHEET.byYear)!);
    expect(grid[0]).toEqual(["省", "市", "县（区）", "乡镇（街道）", "区划代码", "指标代码", "指标", "单位", "2024年", "2024年限定"]);
    expect(grid.slice(1).map((r) => r[5])).toEqual(INDICATORS.map((i) => i.id));
    expect(grid.find((r) => r[5] === "disputes_handled")!.slice(-2)).toEqual([152, "确数"]);
    expect(grid.find((r) => r[5] === INDICATORS.find((i) => !wang.indicators[i.id])!.id)!.slice(-2)).toEqual([null, NOT_REPORTED]);
  });
});

describe("sheet names", () => {
  // [label, names already taken, expected]
  const cases: [string, string[], string][] = [
    ["法治培训场次", [], "法治培训场次"],
    ["a/b:c*d?e[f]g\\h", [], "a_b_c_d_e_f_g_h"],
    ["这是一个非常非常非常非常非常非常非常非常非常非常长的指标名称", [], "这是一个非常非常非常非常非常非常非常非常非常非常长的指标名称".slice(0, 31)],
    ["说明", ["说明"], "说明_2"],
    ["说明", ["说明", "说明_2"], "说明_3"],
    ["", [], "指标"],
  ];
  it.each(cases)("%s (taken: %j) → %s", (label, taken, want) => {
    expect(sheetNameOf(label, new Set(taken))).toBe(want);
  });
});

describe("yearGrid", () => {
  it("keeps the first report of a township-year and skips reports without a year", () => {
    const dup = { ...wang, id: "dup", indicators: {} };
    const noYear = { ...wang, id: "noyear", year: null };
    const g = yearGrid([wang, dup, noYear], "disputes_handled");
    expect(g.years).toEqual([2024]);
    expect(g.rows).toHaveLength(1);
    expect(g.rows[0]!.cells.get(2024)).toEqual({ value: 152, qualifier: "exact" });
  });
});

/** Whether a CSV cell is a valid value of a Table Schema field (spec: types integer, number, string). */
function fieldErrors(f: TableField, cell: string): string[] {
  const errors: string[] = [];
  const c = f.constraints ?? {};
  if (cell === "") return c.required ? [`${f.name}: required`] : [];
  if (f.type === "integer" && !/^-?\d+$/.test(cell)) errors.push(`${f.name}: "${cell}" is not an integer`);
  if (f.type === "number" && !/^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(cell)) errors.push(`${f.name}: "${cell}" is not a number`);
  const n = Number(cell);
  if (typeof c.minimum === "number" && n < c.minimum) errors.push(`${f.name}: ${cell} < ${c.minimum}`);
  if (typeof c.maximum === "number" && n > c.maximum) errors.push(`${f.name}: ${cell} > ${c.maximum}`);
  if (Array.isArray(c.enum) && !c.enum.includes(cell)) errors.push(`${f.name}: "${cell}" not in enum`);
  if (typeof c.pattern === "string" && !new RegExp(`^(?:${c.pattern})$`).test(cell)) errors.push(`${f.name}: "${cell}" does not match ${c.pattern}`);
  return errors;
}

const NAME = /^[a-z0-9._-]+$/;
const TYPES = new Set(["string", "number", "integer", "boolean", "object", "array", "date", "time", "datetime", "year", "yearmonth", "duration", "geopoint", "geojson", "any"]);

describe("datapackage.json", async () => {
  const files = await downloadFiles(reports, { version });
  const pkg = dataPackage(files, { version }) as {
    profile: string;
    name: string;
    created: string;
    licenses: { name: string }[];
    sources: { title: string }[];
    resources: { name: string; path: string; bytes: number; hash: string; format: string; schema?: { fields: TableField[] } }[];
  };
  const byPath = new Map<string, DownloadFile>(files.map((f) => [f.path, f]));

  it("is a tabular data package with licence, sources and the data's date", () => {
    expect(pkg.profile).toBe("tabular-data-package");
    expect(pkg.name).toMatch(NAME);
    expect(pkg.created).toBe(version.date);
    expect(pkg.licenses.length).toBeGreaterThan(0);
    expect(pkg.sources.length).toBeGreaterThan(0);
    expect((pkg as unknown as Record<string, unknown>)["fzzl:dataCommit"]).toBe(version.commit);
  });

  it("lists every download once, with valid names, sizes and hashes", () => {
    expect(pkg.resources.map((r) => r.path)).toEqual(files.map((f) => f.path));
    expect(pkg.resources.map((r) => r.path)).toEqual(expect.arrayContaining(["figures.csv", "figures.xlsx", "figures.json", ...INDICATORS.map((i) => `indicators/${i.id}.csv`)]));
    expect(new Set(pkg.resources.map((r) => r.name)).size).toBe(pkg.resources.length);
    for (const r of pkg.resources) {
      expect(r.name).toMatch(NAME);
      const f = byPath.get(r.path)!;
      expect(r.bytes).toBe(f.data.length);
      expect(r.hash).toBe(`sha256:${sha256(f.data)}`);
    }
  });

  it("describes every CSV: each column present in order, with its type and Chinese title, and every cell parses", () => {
    const csvs = pkg.resources.filter((r) => r.format === "csv");
    expect(csvs).toHaveLength(1 + INDICATORS.length);
    for (const r of csvs) {
      const fields = r.schema!.fields;
      for (const f of fields) {
        expect(TYPES.has(f.type), `${r.path} ${f.name}`).toBe(true);
        expect(f.title).toMatch(/\p{Script=Han}/u);
      }
      const rows = csvRows(decode(byPath.get(r.path)!.data));
      expect(rows[0], r.path).toEqual(fields.map((f) => f.name));
      expect(rows.length, r.path).toBeGreaterThan(1);
      const errors = rows.slice(1).flatMap((row, i) => {
        if (row.length !== fields.length) return [`${r.path} row ${i + 1}: ${row.length} cells`];
        return row.flatMap((cell, j) => fieldErrors(fields[j]!, cell).map((e) => `${r.path} row ${i + 1}: ${e}`));
      });
      expect(errors).toEqual([]);
    }
  });

  it("the validator catches a schema that does not fit (a check of the check)", () => {
    const fields = tableSchema(FIGURE_COLUMNS as never).fields;
    const value = fields.find((f) => f.name === "数值")!;
    expect(fieldErrors(value, "约30")).toHaveLength(1);
    expect(fieldErrors(fields.find((f) => f.name === "限定符")!, "roughly")).toHaveLength(1);
    expect(fieldErrors(fields.find((f) => f.name === "区划代码")!, "14042310")).toHaveLength(1);
    expect(fieldErrors(fields.find((f) => f.name === "年度")!, "2024.5")).toHaveLength(1);
  });
});

describe("the zip of the download set", async () => {
  const files = await downloadFiles(reports, { version });
  const zip = packageZip(files, { version });
  const entries = unzipSync(zip);

  it("holds README.txt, datapackage.json and every file, byte for byte", () => {
    expect(Object.keys(entries)).toEqual([`${ZIP_FOLDER}/README.txt`, `${ZIP_FOLDER}/datapackage.json`, ...files.map((f) => `${ZIP_FOLDER}/${f.path}`)]);
    for (const f of files) expect(sha256(entries[`${ZIP_FOLDER}/${f.path}`]!)).toBe(sha256(f.data));
    const pkg = JSON.parse(decode(entries[`${ZIP_FOLDER}/datapackage.json`]!));
    expect(pkg.resources.map((r: { path: string }) => r.path)).toEqual(files.map((f) => f.path));
  });

  it("says in README.txt, in Chinese, what each file and column holds and how to cite", () => {
    const readme = decode(entries[`${ZIP_FOLDER}/README.txt`]!);
    expect(readme).toBe(readmeText(files, { version }));
    expect(readme.startsWith(BOM)).toBe(true);
    for (const f of files) expect(readme).toContain(f.path);
    for (const c of FIGURE_COLUMNS) expect(readme).toContain(`${c.header}（`);
    expect(readme).toContain("不等于 0");
    expect(readme).toContain("引用");
    expect(readme).toContain(version.day);
  });

  it("is the same bytes for the same data, every entry dated with the data's date", () => {
    expect(sha256(packageZip(files, { version }))).toBe(sha256(zip));
    // the DOS date and time of the first local header (offset 10: time, 12: date)
    const view = new DataView(zip.buffer, zip.byteOffset);
    const time = view.getUint16(10, true);
    const date = view.getUint16(12, true);
    expect([(date >> 9) + 1980, (date >> 5) & 15, date & 31, time >> 11, (time >> 5) & 63]).toEqual([2026, 11, 21, 11, 2]);
  });

  it("re-stamps a zip in place: every entry's time, the data untouched; refuses what it cannot", () => {
    const z = zipSync({ "a.txt": new TextEncoder().encode("甲"), "b/c.txt": new TextEncoder().encode("乙") }, { mtime: new Date(2020, 5, 6, 7, 8, 10) });
    const out = restampZip(z, new Date("2026-11-21T11:02:23Z"));
    expect(out.length).toBe(z.length);
    const back = unzipSync(out);
    expect(new TextDecoder().decode(back["b/c.txt"])).toBe("乙");
    const v = new DataView(out.buffer, out.byteOffset);
    const stamps: number[][] = [];
    for (let i = 0; i + 4 <= out.length; i++) {
      const sig = v.getUint32(i, true);
      if (sig === 0x04034b50) stamps.push([v.getUint16(i + 10, true), v.getUint16(i + 12, true)]);
      if (sig === 0x02014b50) stamps.push([v.getUint16(i + 12, true), v.getUint16(i + 14, true)]);
    }
    expect(stamps).toHaveLength(4);
    for (const [time, date] of stamps) expect([(date! >> 9) + 1980, (date! >> 5) & 15, date! & 31, time! >> 11, (time! >> 5) & 63, (time! & 31) * 2]).toEqual([2026, 11, 21, 11, 2, 22]);
    expect(() => restampZip(new Uint8Array(100), new Date(), "x.xlsx")).toThrow(/x.xlsx: not a zip/);
    const withTime = zipSync({ a: [new Uint8Array([1]), { extra: { 0x5455: new Uint8Array([1, 0, 0, 0, 0]) } }] });
    expect(() => restampZip(withTime, new Date())).toThrow(/its own timestamp/);
  });

  it("refuses two entries of one name", () => {
    expect(() => reproducibleZip([{ name: "a", data: "1" }, { name: "a", data: "2" }], new Date(0))).toThrow(/two entries named a/);
    expect(dosTime(new Date(0)).getFullYear()).toBe(1980);
  });
});

describe("the data's date", () => {
  it("comes from git when git answers", () => {
    expect(parseGitLog("2026-11-21T11:02:23+00:00\n4a3ce4e2d625cfcdea854b5569bad74efef07889\n")).toEqual({ date: "2026-11-21T11:02:23+00:00", commit: "4a3ce4e2d625cfcdea854b5569bad74efef07889" });
    expect(dataVersionOf({ date: "2026-11-21T19:02:23+08:00", commit: "a".repeat(40) }, {})).toMatchObject({ day: "2026-11-21", source: "git" });
  });
  // [git's output, SOURCE_DATE_EPOCH, expected date, source]
  const cases: [string, string | undefined, string, DataVersion["source"]][] = [
    ["", "1764547200", "2025-12-01T00:00:00Z", "SOURCE_DATE_EPOCH"],
    ["fatal: not a git repository", "1764547200", "2025-12-01T00:00:00Z", "SOURCE_DATE_EPOCH"],
    ["", undefined, FALLBACK_DATE, "fallback"],
    ["", " ", FALLBACK_DATE, "fallback"],
  ];
  it.each(cases)("git %j, SOURCE_DATE_EPOCH %j → %s (%s)", (out, epoch, date, source) => {
    expect(dataVersionOf(parseGitLog(out), { SOURCE_DATE_EPOCH: epoch })).toMatchObject({ date, source });
  });
  it("rejects a SOURCE_DATE_EPOCH that is not whole seconds", () => {
    expect(() => dataVersionOf(null, { SOURCE_DATE_EPOCH: "2025-12-01" })).toThrow(/SOURCE_DATE_EPOCH must be whole seconds/);
  });
  it("is this project's last commit that changed data/", () => {
    const v = dataVersion();
    expect(v.source).toBe("git");
    expect(v.commit).toMatch(/^[0-9a-f]{40}$/);
  });
});

describe("citations", () => {
  it("cite a profile by the report's title, issuer and date, then the page and the data's date", () => {
    const r = reports.find((x) => x.township === "沙市镇")!;
    expect(profileCitation(r, profileTitle(r), "https://fz.example.gov.cn/townships/500235123-2024/", version)).toBe(
      "《沙市镇人民政府关于2024年法治政府建设情况的报告》，中共沙市镇委员会，2025-01-07。转引自：法治镇览“沙市镇 2024年法治政府建设指标”，https://fz.example.gov.cn/townships/500235123-2024/，数据日期 2026-11-21。",
    );
  });
  it("name a report without a title by its file", () => {
    expect(reportSource({ title: null, issuer: null, reportDate: "2025-01-07", file: "x.txt" })).toBe(`${CITE.untitled("x.txt")}，2025-01-07`);
  });
  it("cite a chart by its title, page and the data's date", () => {
    expect(chartCitation("法治培训场次", "/indicators/training_sessions/#chart-2024", version)).toBe("法治镇览“法治培训场次”，/indicators/training_sessions/#chart-2024，数据日期 2026-11-21。");
  });
});

describe("/data/townships/{id}.json", () => {
  const j = townshipJson(wang, { base: "/fz/", origin: "https://fz.example.gov.cn", version });
  it("holds the profile's figures with their evidence, and what it does not report", () => {
    expect(j.page).toBe("https://fz.example.gov.cn/fz/townships/140423106-2024/");
    expect(j.report.indicators.disputes_handled).toMatchObject({ value: 152, qualifier: "exact", unit: "件" });
    expect(j.report.indicators.disputes_handled!.mentions[0]!.quote).toContain("152");
    expect(Object.keys(j.report.indicators).length + j.notReported.length).toBe(INDICATORS.length);
    expect(j.citation).toContain("《襄垣县王村镇关于2024年法治政府建设情况的报告》");
    expect(j.citation).toContain(j.page);
    expect(j.dataDate).toBe(version.day);
  });
});
