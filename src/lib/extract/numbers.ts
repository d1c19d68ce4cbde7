// Numbers written in report prose: Arabic (with separators, decimals, 万/千/百 multipliers),
// Chinese numerals (两万余, 百余, 一千二百, 一万零一十二) and percentages.
// This module only finds and reads numerals; whether a numeral is a figure worth counting
// (and not a date, a document number or an ordinal) is decided by its unit and context in
// mentions.ts.

import { CodeTable } from "./codeTable.js";

export interface NumeralToken {
  /** the value as a plain number (1.2万 → 12000) */
  value: number;
  /** offsets of the numeral itself in the scanned text (qualifiers and unit excluded) */
  start: number;
  end: number;
  kind: "arabic" | "chinese";
}

// Kinds of Chinese numeral characters in NUMERALS: a digit d is d + 1 (1–10), then the small
// units 十/百/千 and the big units 万/亿.
const TEN = 11;
const HUNDRED = 12;
const THOUSAND = 13;
const TEN_THOUSAND = 14;
const HUNDRED_MILLION = 15;
const SMALL_UNIT_VALUE = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10, 100, 1000];
const CHINESE_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿";
const NUMERALS = new CodeTable(
  new Map(
    Array.from(CHINESE_NUMERAL_CHARS, (ch, k) => [
      ch.charCodeAt(0),
      [1, 1, 2, 3, 3, 4, 5, 6, 7, 8, 9, 10, TEN, HUNDRED, THOUSAND, TEN_THOUSAND, HUNDRED_MILLION][k]!,
    ]),
  ),
);

export function isChineseNumeralChar(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && NUMERALS.get(ch.charCodeAt(0)) !== 0;
}

/**
 * Reads a run of Chinese numeral characters (一千二百, 两万, 一万零一十二, 十五, 百).
 * Returns NaN when the run is not a well-formed number (e.g. 一一).
 */
export function parseChineseNumeral(s: string): number {
  return chineseNumeralAt(s, 0, s.length);
}

/** parseChineseNumeral of text[start, end), without cutting it out. */
function chineseNumeralAt(text: string, start: number, end: number): number {
  if (end <= start) return NaN;
  let total = 0; // completed 万/亿 groups
  let section = 0; // value below the current big unit
  let digit = -1; // -1: none since the last unit
  let lastSmall = Infinity;
  for (let k = start; k < end; k++) {
    const kind = NUMERALS.get(text.charCodeAt(k));
    if (kind === 0) return NaN;
    if (kind < TEN) {
      const d = kind - 1;
      if (digit > 0 && d !== 0) return NaN; // 一一
      digit = d;
    } else if (kind < TEN_THOUSAND) {
      const unit = SMALL_UNIT_VALUE[kind]!;
      if (unit >= lastSmall) return NaN; // 百百, 十百
      section += (digit < 0 ? 1 : digit) * unit; // 十五 = 1×10 + 5, 百余 = 1×100
      digit = -1;
      lastSmall = unit;
    } else {
      const unit = kind === TEN_THOUSAND ? 10_000 : 100_000_000;
      section += digit < 0 ? 0 : digit;
      if (section === 0) section = 1; // 万 alone
      total = (total + section) * unit;
      section = 0;
      digit = -1;
      lastSmall = Infinity;
    }
  }
  return total + section + (digit < 0 ? 0 : digit);
}

const ARABIC = /[0-9]+(?:[,，][0-9]{3})*(?:\.[0-9]+)?/y;

/**
 * All numerals of `text` in order. Arabic numbers swallow a following 万/千/百/亿 multiplier
 * (1.2万 → 12000, 3万 → 30000) unless what follows is a Chinese number of its own.
 */
export function findNumerals(text: string, options: { chineseWithUnitOnly?: boolean } = {}): NumeralToken[] {
  // chineseWithUnitOnly: leave out Chinese numerals without 十/百/千/万/亿 (一, 三: mostly words)
  const minUnit = options.chineseWithUnitOnly ? TEN : 0;
  const out: NumeralToken[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      ARABIC.lastIndex = i;
      const m = ARABIC.exec(text);
      const raw = m![0];
      // "1,2" style lists are not thousands separators: the regex only accepts groups of 3
      let value = Number(raw.length > 3 ? raw.replace(/[,，]/g, "") : raw);
      let end = i + raw.length;
      const next = text.charCodeAt(end);
      const multiplier = next === 0x4e07 ? 10_000 : next === 0x4ebf ? 100_000_000 : next === 0x5343 ? 1000 : next === 0x767e ? 100 : 0; // 万 亿 千 百
      if (multiplier !== 0) {
        // 3万, 1.2万; but 5千米? still 5000 metres — unit decides later
        value *= multiplier;
        end += 1;
      }
      out.push({ value, start: i, end, kind: "arabic" });
      i = end;
      continue;
    }
    let kind = c >= 0x3007 ? NUMERALS.get(c) : 0;
    if (kind !== 0) {
      let top = kind;
      let j = i + 1;
      for (; j < n && (kind = NUMERALS.get(text.charCodeAt(j))) !== 0; j++) if (kind > top) top = kind;
      if (top < minUnit) {
        i = j;
        continue;
      }
      const value = chineseNumeralAt(text, i, j);
      if (!Number.isNaN(value)) out.push({ value, start: i, end: j, kind: "chinese" });
      i = j;
      continue;
    }
    i++;
  }
  return out;
}
