// The site's scope: what its reports cover (one county, one city, one province, several provinces),
// and so what its pages compare — the level below the scope (docs/views.md). The same rule serves the
// page of each region: a province page compares its cities (or counties), a city page its counties, a
// county page its townships. Decided from the reports' 9-digit township codes; reports without a code
// (region not settled) take no part in the decision and are listed apart (/counties/unknown/).
import { townshipKeyOf, type AggReport } from "./aggregate.ts";
import { cityPath, countyPath, profilePath, provincePath } from "./paths.ts";

export type Level = "nation" | "province" | "city" | "county" | "township";
/** A level a site or region page can be scoped to (a township is compared, never a scope). */
export type ScopeLevel = Exclude<Level, "township">;
/** A level whose regions are compared (the nation is never one of several). */
export type UnitLevel = Exclude<Level, "nation">;

export interface LevelInfo {
  /** how many leading digits of the township code name a region of the level (township: all 9) */
  digits: number;
  /** what its regions are called: 县（市、区） */
  zh: string;
  /** counted: "个县（市、区）" */
  count: string;
  /** short, in sentences: 各县 */
  short: string;
}

/** The levels, top down; one row each. */
export const LEVELS: Record<Level, LevelInfo> = {
  nation: { digits: 0, zh: "全国", count: "", short: "全国" },
  province: { digits: 2, zh: "省（区、市）", count: "个省（区、市）", short: "省" },
  city: { digits: 4, zh: "市（州、盟）", count: "个市（州、盟）", short: "市" },
  county: { digits: 6, zh: "县（市、区）", count: "个县（市、区）", short: "县" },
  township: { digits: 9, zh: "乡镇（街道）", count: "个乡镇（街道）", short: "乡镇" },
};

const ORDER: Level[] = ["nation", "province", "city", "county", "township"];

/** The level just below: nation → province → city → county → township. */
export function levelBelow(level: ScopeLevel): UnitLevel {
  return ORDER[ORDER.indexOf(level) + 1] as UnitLevel;
}

/** A region's code at a level, from a report's township code (null when the report has none). */
export function codeAt(r: Pick<AggReport, "code">, level: UnitLevel): string | null {
  return r.code ? r.code.slice(0, LEVELS[level].digits) : null;
}

/** The name a report gives its region at a level. */
function nameAt(r: AggReport, level: UnitLevel): string | null {
  switch (level) {
    case "province":
      return r.province;
    // 省直辖县级行政区划 have no city: the province stands in
    case "city":
      return r.city ?? (r.province ? `${r.province}直辖` : null);
    case "county":
      return r.county;
    case "township":
      return r.township;
  }
}

export interface Unit<R> {
  level: UnitLevel;
  /** the region's code (2, 4, 6 digits), or the township's key (its code, else its name) */
  code: string;
  name: string;
  /** in the input's order */
  reports: R[];
  /** townships with a report */
  townships: number;
  /** ascending */
  years: number[];
  /** its page, relative to the site's base: the region's page, a township's latest profile */
  path: string;
}

function yearsOf(reports: readonly AggReport[]): number[] {
  return [...new Set(reports.flatMap((r) => (r.year === null ? [] : [r.year])))].sort((a, b) => a - b);
}

function pathOf(level: UnitLevel, code: string, reports: readonly AggReport[]): string {
  switch (level) {
    case "province":
      return provincePath(code);
    case "city":
      return cityPath(code);
    case "county":
      return countyPath(code);
    case "township": {
      const latest = reports.reduce((a, b) => ((b.year ?? -Infinity) >= (a.year ?? -Infinity) ? b : a));
      return profilePath(latest.id);
    }
  }
}

/**
 * Reports grouped into the regions of a level (townships: by township), ordered by code; at the
 * township level a report without a code is its own township (by name), at the others it is `unknown`.
 */
export function unitsOf<R extends AggReport>(reports: readonly R[], level: UnitLevel): { units: Unit<R>[]; unknown: R[] } {
  const unknown: R[] = [];
  const groups = new Map<string, R[]>();
  for (const r of reports) {
    const key = level === "township" ? townshipKeyOf(r) : codeAt(r, level);
    if (key === null) {
      unknown.push(r);
      continue;
    }
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  const units = [...groups].map(([code, rs]): Unit<R> => ({
    level,
    code,
    name: rs.map((r) => nameAt(r, level)).find((n) => n) ?? `${LEVELS[level].zh} ${code}`,
    reports: rs,
    townships: level === "township" ? 1 : new Set(rs.map(townshipKeyOf)).size,
    years: yearsOf(rs),
    path: pathOf(level, code, rs),
  }));
  units.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { units, unknown };
}

export interface Scope<R> {
  /** what the reports cover */
  level: ScopeLevel;
  /** the region's code (2, 4 or 6 digits); null for the nation */
  code: string | null;
  /** 襄垣县, 长治市, 山西省, 全国 */
  name: string;
  /** what the pages compare: the first level below the scope with more than one region (else townships) */
  unitLevel: UnitLevel;
  units: Unit<R>[];
  /** the reports whose region is not settled (no code): listed apart, in no unit but townships' */
  unknown: R[];
  /** townships with a report (the unknown ones counted by name) */
  townships: number;
  years: number[];
}

/**
 * The scope of these reports: the deepest region holding every report that has a code (one county,
 * one city, one province), else the nation; compared at the first level below it that has more than
 * one region (a province of one city compares its counties).
 */
export function scopeOf<R extends AggReport>(reports: readonly R[], within?: { level: ScopeLevel; code: string | null; name: string }): Scope<R> {
  const coded = reports.filter((r) => r.code);
  let level: ScopeLevel = within?.level ?? "nation";
  let code: string | null = within?.code ?? null;
  let name = within?.name ?? LEVELS.nation.zh;
  if (!within) {
    for (const l of ["province", "city", "county"] as const) {
      const codes = new Set(coded.map((r) => codeAt(r, l)));
      if (codes.size !== 1) break;
      level = l;
      code = [...codes][0] ?? null;
      name = coded.map((r) => nameAt(r, l)).find((n) => n) ?? `${LEVELS[l].zh} ${code}`;
    }
  }
  let unitLevel = levelBelow(level);
  let grouped = unitsOf(reports, unitLevel);
  while (unitLevel !== "township" && grouped.units.length <= 1) {
    unitLevel = levelBelow(unitLevel as ScopeLevel);
    grouped = unitsOf(reports, unitLevel);
  }
  return {
    level,
    code,
    name,
    unitLevel,
    units: grouped.units,
    unknown: unitLevel === "township" ? [] : grouped.unknown,
    townships: new Set(reports.map(townshipKeyOf)).size,
    years: yearsOf(reports),
  };
}

const scopes = new WeakMap<readonly AggReport[], Scope<AggReport>>();

/** scopeOf the site's reports, computed once per list (the pages of a build share it; do not change it). */
export function siteScope<R extends AggReport>(reports: readonly R[]): Scope<R> {
  let s = scopes.get(reports);
  if (!s) scopes.set(reports, (s = scopeOf(reports)));
  return s as unknown as Scope<R>;
}

/** "襄垣县各乡镇（街道）", "全国各省（区、市）": what a page of this scope compares. */
export function unitsPhrase(scope: Pick<Scope<AggReport>, "level" | "name" | "unitLevel">): string {
  return `${scope.level === "nation" ? "" : scope.name}各${LEVELS[scope.unitLevel].zh}`;
}
