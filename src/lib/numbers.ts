// Numbers written in report prose: Arabic (with separators, decimals, 万/千/百 multipliers),
// Chinese numerals (两万余, 百余, 一千二百, 一万零一十二) and percentages.
// This module only finds and reads numerals; whether a numeral is a figure worth counting
// (and not a date, a document number or an ordinal) is decided by its unit and context in
// mentions.ts.

export interface NumeralToken {
  /** the value as a plain number (1.2万 → 12000) */
  value: number;
  /** offsets of the numeral itself in the scanned text (qualifiers and unit excluded) */
  start: number;
  end: number;
  kind: "arabic" | "chinese";
}

const DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNIT: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };
const CHINESE_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿";

const NUMERAL_CODES = new Set([...CHINESE_NUMERAL_CHARS].map((c) => c.charCodeAt(0)));

export function isChineseNumeralChar(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && NUMERAL_CODES.has(ch.charCodeAt(0));
}

/**
 * Reads a run of Chinese numeral characters (一千二百, 两万, 一万零一十二, 十五, 百).
 * Returns NaN when the run is not a well-formed number (e.g. 一一).
 */
export function parseChineseNumeral(s: string): number {
  if (s.length === 0) return NaN;
  let total = 0; // completed 万/亿 groups
  let section = 0; // value below the current big unit
  let digit: number | null = null;
  let lastSmall = Infinity;
  for (const ch of s) {
    if (ch in DIGIT) {
      if (digit !== null && digit !== 0 && DIGIT[ch] !== 0) return NaN; // 一一
      digit = DIGIT[ch]!;
    } else if (ch in SMALL_UNIT) {
      const unit = SMALL_UNIT[ch]!;
      if (unit >= lastSmall) return NaN; // 百百, 十百
      section += (digit ?? 1) * unit; // 十五 = 1×10 + 5, 百余 = 1×100
      digit = null;
      lastSmall = unit;
    } else if (ch in BIG_UNIT) {
      const unit = BIG_UNIT[ch]!;
      section += digit ?? 0;
      if (section === 0) section = 1; // 万 alone
      total = (total + section) * unit;
      section = 0;
      digit = null;
      lastSmall = Infinity;
    } else {
      return NaN;
    }
  }
  return total + section + (digit ?? 0);
}

const ARABIC = /[0-9]+(?:[,，][0-9]{3})*(?:\.[0-9]+)?/y;

/**
 * All numerals of `text` in order. Arabic numbers swallow a following 万/千/百/亿 multiplier
 * (1.2万 → 12000, 3万 → 30000) unless what follows is a Chinese number of its own.
 */
export function findNumerals(text: string): NumeralToken[] {
  const out: NumeralToken[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch >= "0" && ch <= "9") {
      ARABIC.lastIndex = i;
      const m = ARABIC.exec(text);
      const raw = m![0];
      // "1,2" style lists are not thousands separators: the regex only accepts groups of 3
      let value = Number(raw.replace(/[,，]/g, ""));
      let end = i + raw.length;
      const next = text[end];
      if (next !== undefined && (next === "万" || next === "亿" || next === "千" || next === "百")) {
        // 3万, 1.2万; but 5千米? still 5000 metres — unit decides later
        value *= next === "万" ? 10_000 : next === "亿" ? 100_000_000 : next === "千" ? 1000 : 100;
        end += 1;
      }
      out.push({ value, start: i, end, kind: "arabic" });
      i = end;
      continue;
    }
    if (NUMERAL_CODES.has(text.charCodeAt(i))) {
      let j = i;
      while (j < text.length && NUMERAL_CODES.has(text.charCodeAt(j))) j++;
      const raw = text.slice(i, j);
      const value = parseChineseNumeral(raw);
      if (!Number.isNaN(value)) out.push({ value, start: i, end: j, kind: "chinese" });
      i = j;
      continue;
    }
    i++;
  }
  return out;
}
