// Regions: resolve a township name to its county, city, province and 9-digit national code
// (spec/indicators.md, section 1): among the places of the division list that bear the name, the
// one whose county, city or province the report's text names.

import { gazetteer, matchKey, publicEntry, describeEntry, type Entry, type TownshipEntry, type Unit } from "./gazetteer.js";
import { NameIndex, type NameMatch } from "./nameIndex.js";
import { codesToString, LITTLE_ENDIAN } from "./normalize.js";
import { CHANGED_TOWNSHIP_SUFFIXES, GENERIC_FULL_NAMES, ORDINARY_PHRASES, standsApart, standsAsName, townshipShortForms, usableBareShort, type Level } from "./placeNames.js";
import type { RegionFields } from "./types.js";

export interface RegionResolution {
  region: RegionFields;
  candidates: TownshipEntry[];
  warning: string | null;
}

const MASK = 0x25a1; // □, never part of a place name

/**
 * A copy of a text whose spans are overwritten with □ step by step (the evidence masks), read
 * back as a string between steps. No string is built per span.
 */
class MaskedText {
  private readonly codes: Uint16Array;
  constructor(text: string) {
    // a native copy of the code units (Buffer's pool keeps allocations 8-byte aligned)
    const bytes = LITTLE_ENDIAN ? Buffer.from(text, "utf16le") : null;
    if (bytes && bytes.byteOffset % 2 === 0) {
      this.codes = new Uint16Array(bytes.buffer, bytes.byteOffset, text.length);
    } else {
      this.codes = new Uint16Array(text.length);
      for (let k = 0; k < text.length; k++) this.codes[k] = text.charCodeAt(k);
    }
  }
  mask(start: number, end: number): void {
    this.codes.fill(MASK, start, end);
  }
  maskSpans(spans: readonly { start: number; end: number }[]): void {
    for (const { start, end } of spans) this.codes.fill(MASK, start, end);
  }
  /** Masks every occurrence of `word` in `current` (this text as it stands), left to right. */
  maskWord(current: string, word: string): void {
    if (!word) return;
    for (let at = current.indexOf(word); at >= 0; at = current.indexOf(word, at + word.length)) this.codes.fill(MASK, at, at + word.length);
  }
  toString(): string {
    return codesToString(this.codes);
  }
}


/** Offsets of `word` in `text`, non-overlapping, left to right (as text.split(word) cuts it). */
function occurrences(text: string, word: string): number[] {
  const out: number[] = [];
  if (!word) return out;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) out.push(at);
  return out;
}

const LEVELS: Level[] = ["county", "city", "province"];

function unitAt(entry: Entry, level: Level): Unit | null {
  return level === "county" ? entry.countyUnit : level === "city" ? entry.cityUnit : entry.provinceUnit;
}

/** The text prepared for evidence search. */
interface EvidenceText {
  /** the report text with the township's own name masked */
  full: string;
  /** also masked: its short name, every full unit name, every township name, ordinary phrases */
  short: string;
}

let ordinaryIndex: NameIndex | null = null;
/** All ordinary phrases in one trie, built once (a scan takes the longest phrase at each place). */
function ordinaryPhrases(): NameIndex {
  if (!ordinaryIndex) {
    ordinaryIndex = new NameIndex();
    for (const phrase of ORDINARY_PHRASES) ordinaryIndex.add(phrase);
  }
  return ordinaryIndex;
}

/**
 * `townshipNames`, when given, is findTownshipNames(text) (metadata has scanned the text
 * already). When the scan matched every occurrence of the township's own name exactly, the scan
 * of the text with that name masked is the same scan without those matches, and is not run again.
 */
function prepareEvidence(text: string, township: string, townshipNames?: readonly NameMatch[]): EvidenceText {
  const g = gazetteer();
  const own = occurrences(text, township);
  const buf = new MaskedText(text);
  for (const at of own) buf.mask(at, at + township.length);
  const full = buf.toString();
  let names: readonly NameMatch[] | null = null;
  if (townshipNames) {
    const matched = new Set<number>();
    for (const m of townshipNames) if (m.end - m.start === township.length) matched.add(m.start);
    if (own.every((at) => matched.has(at))) names = townshipNames;
  }
  buf.maskSpans(names ?? g.townshipIndex.scan(full));
  // the report's own short name (新田 for 新田镇, 精彩长寿) names no county
  const ownShort = township.replace(/(街道办事处|街道|办事处|苏木|镇|乡)$/, "");
  if (ownShort.length >= 2 && ownShort !== township) buf.maskWord(buf.toString(), ownShort);
  buf.maskSpans(g.unitIndex.scan(buf.toString()));
  buf.maskSpans(ordinaryPhrases().scan(buf.toString()));
  return { full, short: buf.toString() };
}

function hasFullName(evidence: EvidenceText, unit: Unit, aboveForms: readonly string[]): boolean {
  if (GENERIC_FULL_NAMES.has(unit.name)) return false;
  const name = unit.key;
  if (name.length > 2) return evidence.full.includes(name);
  for (let at = evidence.full.indexOf(name); at >= 0; at = evidence.full.indexOf(name, at + 1)) {
    if (standsAsName(evidence.full, at, aboveForms)) return true;
  }
  return false;
}

function hasEvidence(evidence: EvidenceText, entry: Entry, level: Level): boolean {
  const unit = unitAt(entry, level);
  if (!unit) return false;
  const above = [entry.cityUnit, entry.provinceUnit].flatMap((u) => (u ? [u.key, ...u.shorts] : []));
  if (hasFullName(evidence, unit, above)) return true;
  return unit.shorts.some((form) => usableBareShort(form, level) && standsApart(evidence.short, form));
}

type Unsettled = "no-evidence" | "shared-name" | "conflict";

/**
 * Pick the candidate the text names, strongest level first (county, then
 * city, then province). Candidates named only through the same unit name (two
 * 江北区, two 山西省) are told apart at the next level; candidates named
 * through different names at the deciding level contradict each other.
 */
function pick(candidates: Entry[], evidence: EvidenceText): Entry | Unsettled {
  let pool = candidates;
  let shared = false;
  for (const level of LEVELS) {
    const hits = pool.filter((entry) => hasEvidence(evidence, entry, level));
    if (hits.length === 1) return hits[0]!;
    if (hits.length > 1) {
      const names = new Set(hits.map((entry) => unitAt(entry, level)!.name));
      if (names.size > 1) return "conflict";
      pool = hits;
      shared = true;
    }
  }
  return shared ? "shared-name" : "no-evidence";
}

const UNSETTLED_REASON: Record<Unsettled, string> = {
  "no-evidence": "the text names none of their counties, cities or provinces",
  "shared-name": "the places the text names are shared by several of them",
  conflict: "the text names places of more than one of them",
};

/**
 * For a name the list lacks: the places the list has under another suffix (乡 → 镇 …), which may be
 * the same township before a change. Said, never taken: the change may have made another unit.
 */
function changedSuffixNote(key: string): string {
  const others: string[] = [];
  for (const [suffix, other] of CHANGED_TOWNSHIP_SUFFIXES) {
    if (!key.endsWith(suffix) || key.length - suffix.length < 2) continue;
    const name = key.slice(0, -suffix.length) + other;
    for (const entry of gazetteer().byKey.get(name) ?? []) others.push(describeEntry(entry));
  }
  if (others.length === 0) return " (created or renamed after it?); region left empty";
  return ` (created or renamed after it?); region left empty. The list has under another suffix: ${others.slice(0, 5).join("; ")}${others.length > 5 ? ` and ${others.length - 5} more` : ""}`;
}

/**
 * Resolve `township` using the place names the report `text` (its match view) mentions. The
 * candidates are the places whose name reads as `township` in the match view; the region's
 * township is their name as the list writes it (干西乡 → 乾西乡).
 */
export function resolveRegion(township: string, text: string, townshipNames?: readonly NameMatch[]): RegionResolution {
  const name = township.trim();
  const key = matchKey(name);
  const entries = name ? (gazetteer().byKey.get(key) ?? []) : [];
  const listed = new Set(entries.map((entry) => entry.township));
  const region: RegionFields = { township: listed.size === 1 ? [...listed][0]! : township, county: null, city: null, province: null, code: null };
  const candidates = entries.map(publicEntry);

  if (entries.length === 0) {
    return {
      region,
      candidates,
      warning: `township ${township || "(empty)"} not found in the national division list${changedSuffixNote(key)}`,
    };
  }

  const chosen = entries.length === 1 ? entries[0]! : pick(entries, prepareEvidence(text, key, townshipNames));
  if (typeof chosen !== "string") {
    const { county, city, province, code } = chosen;
    // read from a short form (龙归街 for 龙归街道): said, as the name is not written in full
    const short = text.includes(key) ? undefined : townshipShortForms(key).find((form) => text.includes(form));
    const warning = short ? `township ${chosen.township} is written ${short} in the text (a short form of its name)` : null;
    return { region: { township: chosen.township, county, city, province, code }, candidates, warning };
  }

  return {
    region,
    candidates,
    warning:
      `township ${name} is ambiguous: ${entries.length} places in the national division list ` +
      `have this name and ${UNSETTLED_REASON[chosen]}; county, city, province and code left empty. ` +
      `Candidates: ${candidates.map(describeEntry).join("; ")}`,
  };
}
