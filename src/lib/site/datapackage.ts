// datapackage.json (a Frictionless Tabular Data Package, v1: https://specs.frictionlessdata.io/)
// and README.txt, which describe the download set (downloadSet.ts): every CSV's columns with their
// type and Chinese title, the sources, the licence, the data's date and commit.
import { CITE, SITE_NAME } from "./citation.ts";
import { BOM, NOT_REPORTED, QUALIFIER_ZH, SOURCE_NOTE, type Column } from "./csv.ts";
import type { DataVersion } from "./dataVersion.ts";
import { sha256, type DownloadFile } from "./downloadSet.ts";
import { siteUrl } from "./paths.ts";
import { QUALIFIER_MEANING } from "./xlsx.ts";
import { dataDate } from "./dataVersion.ts";
import { reproducibleZip } from "./zip.ts";
import { INDICATORS } from "../extract/indicators.ts";

/** The package's licence. The reports are public government information; the compilation is offered under CC BY 4.0. */
export const LICENSE = { name: "CC-BY-4.0", path: "https://creativecommons.org/licenses/by/4.0/", title: "Creative Commons Attribution 4.0" } as const;

export const PACKAGE_NAME = "fazhi-zhenlan";
/** The zip of the whole set: its file name under /data/ and its top folder. */
export const ZIP_NAME = "fazhi-zhenlan-data.zip";
export const ZIP_FOLDER = "fazhi-zhenlan-data";

/** Constraints of a column, by its key (Table Schema constraints). */
const CONSTRAINTS: Record<string, Record<string, unknown>> = {
  code: { pattern: "^\\d{9}$" },
  year: { minimum: 1990, maximum: 2100 },
  value: { minimum: 0 },
  qualifier: { required: true, enum: Object.keys(QUALIFIER_ZH) },
  qualifierZh: { required: true },
  indicator: { required: true, enum: INDICATORS.map((i) => i.id) },
  mentionCount: { minimum: 0 },
};

export interface TableField {
  name: string;
  title: string;
  type: Column<object>["type"];
  description: string;
  constraints?: Record<string, unknown>;
}

/** A CSV's Table Schema: one field per column, named by the header the file has. */
export function tableSchema(columns: readonly Column<object>[]): { fields: TableField[]; missingValues: string[] } {
  return {
    fields: columns.map((c) => ({
      name: c.header,
      title: c.header,
      type: c.type,
      description: c.description,
      ...(CONSTRAINTS[c.key] ? { constraints: CONSTRAINTS[c.key] } : {}),
    })),
    missingValues: [""],
  };
}

export interface PackageOptions {
  version: DataVersion;
  /** the site's base path and origin: the package's homepage */
  base?: string;
  origin?: string | null;
}

export function dataPackage(files: readonly DownloadFile[], o: PackageOptions): Record<string, unknown> {
  const home = siteUrl(`${o.base ?? "/"}data/`, o.origin);
  return {
    profile: "tabular-data-package",
    name: PACKAGE_NAME,
    title: `${SITE_NAME}：乡镇（街道）法治政府建设指标`,
    description: SOURCE_NOTE,
    homepage: home,
    version: o.version.commit ? `${o.version.day}+${o.version.commit.slice(0, 12)}` : o.version.day,
    created: o.version.date,
    keywords: ["法治政府建设", "乡镇", "街道", "年度报告", "指标"],
    licenses: [LICENSE],
    sources: [{ title: "各乡镇（街道）人民政府主动公开的年度法治政府建设情况报告（每行的“报告标题”“来源文件”列注明出自哪份报告）" }],
    "fzzl:dataCommit": o.version.commit,
    "fzzl:dataDateSource": o.version.source,
    resources: files.map((f) => ({
      name: f.name,
      path: f.path,
      title: f.title,
      format: f.format,
      mediatype: f.mediatype,
      encoding: f.format === "xlsx" ? undefined : "utf-8",
      bytes: f.data.length,
      hash: `sha256:${sha256(f.data)}`,
      ...(f.columns
        ? { profile: "tabular-data-resource", dialect: { delimiter: ",", lineTerminator: "\r\n", quoteChar: '"', doubleQuote: true, header: true }, schema: tableSchema(f.columns) }
        : {}),
    })),
  };
}

/** README.txt of the zip, in Chinese: the files, their columns, the qualifiers, how to cite. BOM and CRLF for Notepad. */
export function readmeText(files: readonly DownloadFile[], o: PackageOptions): string {
  const lines: string[] = [
    `${SITE_NAME}：乡镇（街道）法治政府建设指标 数据包`,
    "",
    SOURCE_NOTE,
    `数据日期：${o.version.day}${o.version.commit ? `（数据版本 ${o.version.commit}）` : ""}`,
    `网址：${siteUrl(`${o.base ?? "/"}data/`, o.origin)}`,
    `许可：${LICENSE.title}（${LICENSE.name}，${LICENSE.path}）；报告原文为各乡镇（街道）人民政府主动公开的政府信息。`,
    "",
    "一、文件",
  ];
  for (const f of files) lines.push(`  ${f.path}  ${f.title}`);
  lines.push("  datapackage.json  各文件的说明（Frictionless Data Package 格式：各列的名称、类型、含义，供程序读取）", "");
  lines.push("二、表格各列");
  const seen = new Set<string>();
  for (const f of files) {
    if (!f.columns) continue;
    const key = f.columns.map((c) => c.header).join(",");
    if (seen.has(key)) continue;
    seen.add(key);
    const same = files.filter((g) => g.columns && g.columns.map((c) => c.header).join(",") === key);
    lines.push(`  ${same.length > 1 ? `${same[0]!.path} 等 ${same.length} 个文件` : f.path}：`);
    for (const c of f.columns) lines.push(`    ${c.header}（${TYPE_ZH[c.type]}）：${c.description}`);
  }
  lines.push("", "三、限定");
  for (const [q, zh] of Object.entries(QUALIFIER_ZH)) lines.push(`  ${zh}（${q}）：${QUALIFIER_MEANING[q as keyof typeof QUALIFIER_MEANING]}`);
  lines.push(`  ${NOT_REPORTED}：报告没有提到这项指标，数值留空。“${NOT_REPORTED}”不等于 0，统计时请不要把空值当作 0。`);
  lines.push(
    "",
    "四、编码",
    "  CSV 为 UTF-8 编码并带 BOM，CRLF 换行，用 Excel 双击即可正确显示中文。以 =、+、-、@ 开头的文字单元格前加了英文单引号（'），防止被当作公式。",
    "  figures.xlsx 可直接用 Excel、WPS 打开：“全部数字”工作表与 figures.csv 相同，每项指标一个工作表（乡镇为行、年度为列），“说明”工作表列出指标和单位。",
    "",
    "五、引用",
    `  引用单个数字时，写明报告标题、发布单位和日期（表中“报告标题”“发布单位”“报告日期”列），并注明：${CITE.chart("全部数字", siteUrl(`${o.base ?? "/"}data/`, o.origin), o.version.day)}`,
    "  数字由程序从报告文字中读取，可能有漏读或错读，请以“原文出处”和报告原文为准（“页面”列为本站该报告的页面）。",
    "",
  );
  return BOM + lines.join("\r\n");
}

const TYPE_ZH: Record<Column<object>["type"], string> = { string: "文字", integer: "整数", number: "数字" };

/** datapackage.json as written: two-space indents, a final newline. */
export function dataPackageJson(files: readonly DownloadFile[], o: PackageOptions): string {
  return `${JSON.stringify(dataPackage(files, o), null, 2)}\n`;
}

/** The zip of the whole set: README.txt, datapackage.json and every file, under one folder, with fixed times. */
export function packageZip(files: readonly DownloadFile[], o: PackageOptions): Uint8Array {
  return reproducibleZip(
    [
      { name: `${ZIP_FOLDER}/README.txt`, data: readmeText(files, o) },
      { name: `${ZIP_FOLDER}/datapackage.json`, data: dataPackageJson(files, o) },
      ...files.map((f) => ({ name: `${ZIP_FOLDER}/${f.path}`, data: f.data })),
    ],
    dataDate(o.version),
  );
}
