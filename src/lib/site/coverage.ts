// The townships a site covers, for the reporting-deadline view of the county pages (缺报: a township of
// the list with no report for a year). Read from data/townships.csv (FZZL_TOWNSHIPS overrides the
// path) when it exists; else every 镇, 乡, 街道 and 苏木 of the counties that have reports, from the
// national division list (src/lib/extract/regions.ts). Pure apart from loadCoverage's file read.
//
// Columns (English or Chinese header names, in any order; UTF-8, with or without BOM):
//   code      区划代码  the township's 9-digit national code   } one of the two per row; a name alone
//   township  乡镇      its name (镇/乡/街道)                  } must be unique in the division list,
//   county    县        its county (optional)                  } or unique within the county given
import { existsSync, readFileSync } from "node:fs";
import Papa from "papaparse";
import { groupByRegion, type AggReport, type CountyGroup, type ProvinceGroup } from "./aggregate.ts";
import { townshipsNamed, townshipsOfCounty, type TownshipEntry } from "../extract/gazetteer.ts";

export const COVERAGE_FILE = "data/townships.csv";

export interface CoverageTownship {
  /** 9-digit national code */
  code: string;
  township: string;
  county: string | null;
}

export interface ParsedCoverage {
  townships: CoverageTownship[];
  /** "FILE:LINE: what is wrong" */
  errors: string[];
}

type Field = "code" | "township" | "county";

export const COVERAGE_HEADERS: Record<Field, string[]> = {
  code: ["code", "区划代码", "代码"],
  township: ["township", "乡镇", "乡镇（街道）", "乡镇(街道)", "名称"],
  county: ["county", "县", "县（市、区）", "县(市、区)", "县区", "所属县"],
};

function fieldOf(header: string): Field | null {
  const h = header.trim().toLowerCase();
  for (const [f, names] of Object.entries(COVERAGE_HEADERS) as [Field, string[]][]) {
    if (names.some((n) => n.toLowerCase() === h)) return f;
  }
  return null;
}

/** Looks a township name up in the division list (regions.ts by default; tests may pass their own). */
export type TownshipLookup = (name: string) => Pick<TownshipEntry, "code" | "township" | "county">[];

/** A county name as written ("沁县", "沁") matches the list's ("沁县"). */
function sameCounty(written: string, listed: string): boolean {
  const short = (s: string) => s.replace(/(自治县|自治旗|县|区|市|旗)$/, "");
  return written === listed || short(written) === short(listed);
}

/** Parses the file's text. Rows with an error are left out and listed in `errors`. */
export function parseCoverage(input: string, source = COVERAGE_FILE, lookup: TownshipLookup = townshipsNamed): ParsedCoverage {
  const text = input.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const errors: string[] = [];
  const raw: { line: number; cells: string[] }[] = [];
  let prev = 0;
  let counted = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter: ",",
    skipEmptyLines: false,
    step: (r) => {
      // the row starts where the previous one ended: its line is 1 + the newlines before that
      const start = prev;
      prev = r.meta.cursor;
      for (; counted < start; counted++) if (text.charCodeAt(counted) === 10) line++;
      const cells = r.data.map((c) => (c ?? "").trim());
      if (cells.every((c) => c === "")) return;
      raw.push({ line, cells });
      for (const e of r.errors) errors.push(`${source}:${line}: ${e.message}`);
    },
  });
  const [header, ...body] = raw;
  if (!header) return { townships: [], errors };
  const columns = header.cells.map(fieldOf);
  header.cells.forEach((h, i) => {
    if (columns[i] === null) errors.push(`${source}:${header.line}: unknown column "${h}" (expected: code, township, county)`);
  });
  if (!columns.includes("code") && !columns.includes("township")) {
    errors.push(`${source}:${header.line}: missing column: code or township`);
    return { townships: [], errors };
  }
  const townships: CoverageTownship[] = [];
  const seen = new Map<string, number>();
  for (const { line: at, cells } of body) {
    const get = (f: Field) => {
      const i = columns.indexOf(f);
      return i >= 0 ? (cells[i] ?? "") : "";
    };
    const code = get("code");
    const township = get("township");
    const county = get("county") || null;
    let row: CoverageTownship | null = null;
    if (code) {
      if (!/^\d{9}$/.test(code)) errors.push(`${source}:${at}: code "${code}" is not a 9-digit township code`);
      else row = { code, township: township || lookupByCode(code)?.township || code, county };
    } else if (!township) {
      errors.push(`${source}:${at}: no township: give its code or name`);
    } else {
      const candidates = lookup(township).filter((c) => !county || sameCounty(county, c.county));
      if (candidates.length === 1) row = { code: candidates[0]!.code, township, county: county ?? candidates[0]!.county };
      else if (candidates.length === 0) errors.push(`${source}:${at}: township ${township}${county ? ` (${county})` : ""} is not in the national division list: give its code`);
      else errors.push(`${source}:${at}: township ${township} is ambiguous (${candidates.length} places${county ? ` in ${county}` : ""}): give its code or county`);
    }
    if (!row) continue;
    const first = seen.get(row.code);
    if (first !== undefined) {
      errors.push(`${source}:${at}: township ${row.code} is listed twice (also on line ${first})`);
      continue;
    }
    seen.set(row.code, at);
    townships.push(row);
  }
  return { townships, errors };
}

function lookupByCode(code: string): TownshipEntry | undefined {
  return townshipsOfCounty(code.slice(0, 6)).find((t) => t.code === code);
}

/** Townships of the kinds that publish a 法治政府建设 report (not farms, development zones, prisons). */
export function isReportingKind(name: string): boolean {
  return /(镇|乡|街道|苏木|办事处)$/.test(name);
}

/**
 * The site's township list: data/townships.csv (or FZZL_TOWNSHIPS) when it exists, else null.
 * A bad row throws, with every problem as "FILE:LINE: what is wrong" (the build stops).
 */
export function loadCoverage(path = process.env.FZZL_TOWNSHIPS ?? COVERAGE_FILE): CoverageTownship[] | null {
  if (!existsSync(path)) return null;
  const { townships, errors } = parseCoverage(readFileSync(path, "utf8"), path);
  if (errors.length > 0) throw new Error(`${path} has ${errors.length} problem(s):\n${errors.join("\n")}`);
  return townships;
}

/**
 * The townships of one county (6-digit code) a site covers: those of the list whose code starts with
 * it, or, without a list, every 镇/乡/街道/苏木 of the county in the division list.
 */
export function countyTownships(countyCode: string, coverage: readonly CoverageTownship[] | null): CoverageTownship[] {
  if (coverage) return coverage.filter((t) => t.code.startsWith(countyCode)).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return townshipsOfCounty(countyCode)
    .filter((t) => isReportingKind(t.township))
    .map((t) => ({ code: t.code, township: t.township, county: t.county }));
}

let cache: { path: string; value: CoverageTownship[] | null } | null = null;

/** loadCoverage, read once per build. */
export function siteCoverage(path = process.env.FZZL_TOWNSHIPS ?? COVERAGE_FILE): CoverageTownship[] | null {
  if (cache?.path !== path) cache = { path, value: loadCoverage(path) };
  return cache.value;
}

export interface RosterCounty<R> extends CountyGroup<R> {
  /** the townships the site covers in this county (data/townships.csv, else the division list) */
  roster: CoverageTownship[];
}
export interface RosterProvince<R> extends Omit<ProvinceGroup<R>, "counties"> {
  counties: RosterCounty<R>[];
}

/**
 * The site's provinces and counties: those with reports (groupByRegion), each county with its roster
 * of townships; with a township list, also the counties of the list that have no report yet (every
 * township 缺报). Ordered by code.
 */
export function rosterRegions<R extends AggReport>(reports: readonly R[], coverage: readonly CoverageTownship[] | null): { provinces: RosterProvince<R>[]; unknown: R[] } {
  const { provinces, unknown } = groupByRegion(reports);
  const byCode = new Map(provinces.map((p) => [p.code, { ...p, counties: p.counties.map((c) => ({ ...c, roster: countyTownships(c.code, coverage) })) }]));
  if (coverage) {
    const have = new Set(provinces.flatMap((p) => p.counties.map((c) => c.code)));
    const missing = [...new Set(coverage.map((t) => t.code.slice(0, 6)))].filter((c) => !have.has(c)).sort();
    for (const code of missing) {
      const roster = countyTownships(code, coverage);
      const known = townshipsOfCounty(code)[0];
      const provinceCode = code.slice(0, 2);
      const province = byCode.get(provinceCode);
      const county: RosterCounty<R> = {
        code,
        name: roster.find((t) => t.county)?.county ?? known?.county ?? `县级区划 ${code}`,
        city: known?.city ?? null,
        provinceCode,
        province: province?.name ?? known?.province ?? `省级区划 ${provinceCode}`,
        reports: [],
        townships: 0,
        years: [],
        roster,
      };
      if (province) province.counties.push(county);
      else byCode.set(provinceCode, { code: provinceCode, name: county.province, reports: [], townships: 0, years: [], counties: [county] });
    }
  }
  const sorted = [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (const p of sorted) p.counties.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { provinces: sorted, unknown };
}
