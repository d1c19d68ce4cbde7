// Numbers written in report prose: Arabic (with separators, decimals, 万/千/百 multipliers),
// Chinese numerals (两万余, 百余, 一千二百, 一万零十二, 一千三, 壹佰伍拾, 廿三), numerals that mix
// both (3万4000, 2万6千, 1千零20), 余/多 inside a numeral (十余万, 500余万), numerals broken by
// spaces in PDF text (一百 五 十 二, 1000 万) and years written digit by digit (二〇二四).
// This module only finds and reads numerals; whether a numeral is a figure worth counting
// (and not a date, a document number or an ordinal) is decided by its unit and context in
// mentions.ts. The rules are in docs/extraction.md ("Numerals").

import { CodeTable } from "./codeTable.js";
import { qualifierWordBefore } from "./qualifiers.js";

export interface NumeralToken {
  /** the value as a plain number (1.2万 → 12000) */
  value: number;
  /** offsets of the numeral itself in the scanned text (qualifiers before it and unit excluded; a 余/多 inside it, 十余万, included) */
  start: number;
  end: number;
  /** "arabic" when the numeral starts with an Arabic digit (3万4000 too) */
  kind: "arabic" | "chinese";
}

// --- the characters ---------------------------------------------------------------------------

/** What a numeral character is: a digit, a tens word (廿 = 二十), a small unit (十百千) or a big unit (万亿). */
const DIGIT = 1;
const TENS = 2;
const SMALL = 3;
const BIG = 4;
/** Not a character: an Arabic number (its value in the element's value). */
const ARABIC_NUMBER = 5;
/** 余/多 between a numeral and its big unit (十余万): read as at_least by qualifiers.ts. */
const INNER_APPROX = 6;

/** Every numeral character with its kind and value. Financial forms (大写) sit beside the plain ones. */
const NUMERAL_CHARS: [chars: string, kind: number, value: number][] = [
  ["零〇", DIGIT, 0],
  ["一壹", DIGIT, 1],
  ["二两贰", DIGIT, 2],
  ["三叁", DIGIT, 3],
  ["四肆", DIGIT, 4],
  ["五伍", DIGIT, 5],
  ["六陆", DIGIT, 6],
  ["七柒", DIGIT, 7],
  ["八捌", DIGIT, 8],
  ["九玖", DIGIT, 9],
  ["廿", TENS, 20],
  ["卅", TENS, 30],
  ["十拾", SMALL, 10],
  ["百佰", SMALL, 100],
  ["千仟", SMALL, 1000],
  ["万", BIG, 10_000],
  ["亿", BIG, 100_000_000],
];

/** Financial forms: never a numeral alone, and at the start of a numeral not when they are part of a word (below). */
const FINANCIAL = new Set(Array.from("壹贰叁肆伍陆柒捌玖拾佰仟", (ch) => ch.charCodeAt(0)));

/**
 * Words in which a financial numeral character is no numeral (队伍十分 is not 50分, 登陆十次 not
 * 60次). One word a line's worth: add a word here when another turns up.
 */
export const WORDS_WITH_FINANCIAL_CHARS = [
  "队伍", "入伍", "退伍", "落伍", "行伍", "伍长",
  "大陆", "陆地", "登陆", "着陆", "陆续", "陆军", "内陆", "水陆", "海陆", "陆路", "陆上", "陆家",
  "放肆", "肆意", "大肆", "肆虐", "肆无忌惮",
  "收拾", "拾取", "拾起", "拾到", "拾金", "拾遗", "拾荒", "夕拾", "拾级",
];

const INFO_KIND: number[] = [0];
const INFO_VALUE: number[] = [0];
const CHAR_INFO = new CodeTable(
  new Map(
    NUMERAL_CHARS.flatMap(([chars, kind, value]) =>
      Array.from(chars, (ch) => {
        INFO_KIND.push(kind);
        INFO_VALUE.push(value);
        return [ch.charCodeAt(0), INFO_KIND.length - 1] as [number, number];
      }),
    ),
  ),
);

const ZERO_CHARS = new Set(Array.from("零〇", (ch) => ch.charCodeAt(0)));
const TWO_LIANG = "两".charCodeAt(0);
const YU = "余".charCodeAt(0);
const DUO = "多".charCodeAt(0);

export function isChineseNumeralChar(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && CHAR_INFO.get(ch.charCodeAt(0)) !== 0;
}

const isAsciiDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isSpace = (c: number) => c === 0x20 || c === 0x3000;
/** Spaces inside a numeral (PDF text: 一百 五 十 二) are bridged up to this many at a time. */
const MAX_SPACES = 3;
/** A numeral is never longer than this many parts; a longer run of numeral characters is cut (and read in pieces). */
const MAX_ELEMENTS = 48;

// --- the parts of one numeral -------------------------------------------------------------------

/** The parts of the run being read (scratch, reused: reading allocates nothing per numeral). */
const elKind = new Uint8Array(MAX_ELEMENTS);
const elValue = new Float64Array(MAX_ELEMENTS);
const elStart = new Int32Array(MAX_ELEMENTS);
const elEnd = new Int32Array(MAX_ELEMENTS);
/** whether the part is a financial character / an Arabic number with a decimal point / 两 */
const elFinancial = new Uint8Array(MAX_ELEMENTS);
const elDecimal = new Uint8Array(MAX_ELEMENTS);
const elLiang = new Uint8Array(MAX_ELEMENTS);
/** whether spaces stand before the part */
const elSpaced = new Uint8Array(MAX_ELEMENTS);

const ARABIC = /[0-9]+(?:[,，][0-9]{3})*(?:\.[0-9]+)?/y;

/** Kind of the numeral character at k (0 when none). */
function charKind(text: string, k: number): number {
  return INFO_KIND[CHAR_INFO.get(text.charCodeAt(k))]!;
}

/** Is text[k] 余/多 standing between a numeral and its big unit (十余万, 五百 余万)? */
function innerApproxAt(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  if (c !== YU && c !== DUO) return false;
  let j = k + 1;
  while (j < text.length && j - k <= MAX_SPACES && isSpace(text.charCodeAt(j))) j++;
  return charKind(text, j) === BIG;
}

/** Is the financial character at k part of a word (队伍, 收拾)? */
function inFinancialWord(text: string, k: number): boolean {
  const ch = text[k]!;
  for (const word of WORDS_WITH_FINANCIAL_CHARS) {
    for (let at = word.indexOf(ch); at >= 0; at = word.indexOf(ch, at + 1)) {
      if (text.startsWith(word, k - at)) return true;
    }
  }
  return false;
}

/**
 * Reads the parts of the run of numeral characters from `start` into the scratch arrays; returns
 * their number. A run that starts with an Arabic number takes Arabic numbers, units and 零 (3万4000,
 * 1千零20) but no Chinese digit (2万一次 is 2万 and 一次); one that starts with a Chinese character
 * takes Chinese characters only. Spaces are bridged where one side is Chinese (never 12 34).
 */
function readParts(text: string, start: number, arabic: boolean): number {
  const n = text.length;
  let count = 0;
  let pos = start;
  let spaced = 0;
  while (count < MAX_ELEMENTS && pos < n) {
    const c = text.charCodeAt(pos);
    const prevKind = count > 0 ? elKind[count - 1]! : 0;
    let kind = 0;
    let value = 0;
    let end = pos + 1;
    let decimal = 0;
    if (isAsciiDigit(c)) {
      if (!arabic || prevKind === ARABIC_NUMBER) break;
      ARABIC.lastIndex = pos;
      const raw = ARABIC.exec(text)![0];
      // "1,2" style lists are not thousands separators: the regex only accepts groups of 3
      value = Number(raw.length > 3 ? raw.replace(/[,，]/g, "") : raw);
      kind = ARABIC_NUMBER;
      end = pos + raw.length;
      decimal = raw.includes(".") ? 1 : 0;
    } else {
      const info = CHAR_INFO.get(c);
      if (info !== 0) {
        kind = INFO_KIND[info]!;
        value = INFO_VALUE[info]!;
        if (arabic && (kind === DIGIT || kind === TENS) && !ZERO_CHARS.has(c)) break;
        if (arabic && FINANCIAL.has(c)) break;
      } else if (count > 0 && (prevKind === DIGIT || prevKind === SMALL || prevKind === TENS || prevKind === ARABIC_NUMBER) && innerApproxAt(text, pos)) {
        kind = INNER_APPROX;
      } else break;
    }
    if (kind !== ARABIC_NUMBER && FINANCIAL.has(c) && inFinancialWord(text, pos)) break;
    elKind[count] = kind;
    elValue[count] = value;
    elStart[count] = pos;
    elEnd[count] = end;
    elFinancial[count] = FINANCIAL.has(c) ? 1 : 0;
    elDecimal[count] = decimal;
    elLiang[count] = c === TWO_LIANG ? 1 : 0;
    elSpaced[count] = spaced;
    count++;
    pos = end;
    // spaces inside the numeral: bridged when what follows continues it
    let j = pos;
    while (j < n && j - pos < MAX_SPACES && isSpace(text.charCodeAt(j))) j++;
    spaced = 0;
    if (j > pos && j < n) {
      const next = text.charCodeAt(j);
      const nextKind = charKind(text, j);
      const continues = isAsciiDigit(next)
        ? arabic && kind !== ARABIC_NUMBER
        : nextKind !== 0
          ? !arabic || nextKind === SMALL || nextKind === BIG || ZERO_CHARS.has(next)
          : innerApproxAt(text, j);
      if (!continues || (arabic && nextKind !== 0 && FINANCIAL.has(next))) break;
      spaced = 1;
      pos = j;
    }
  }
  return count;
}

/**
 * The value of parts [from, to), or NaN when they are no well-formed numeral (一一, 百百, 一万一万,
 * 三四: two digits side by side are "three or four", not 34).
 */
function valueOf(from: number, to: number): number {
  let digits = 0;
  let units = 0;
  for (let k = from; k < to; k++) {
    const kind = elKind[k]!;
    if (kind === DIGIT || kind === ARABIC_NUMBER) digits++;
    else if (kind !== INNER_APPROX) units++;
  }
  if (units === 0) return digitsOnly(from, to, digits);

  let total = 0; // completed 万/亿 groups
  let lastBig = Infinity; // the smallest big unit of total
  let section = 0; // value below the current big unit
  let lastSmall = Infinity; // the last small unit of the section
  let lastUnit = 0; // the last unit read (small or big)
  let digit = -1; // the digit (or Arabic number) since the last unit; -1: none
  let digitAfterUnit = false; // that digit follows a unit directly (一千三: 三 is 三百)
  let zero = false; // a 零 since the last unit
  let decimal = false;
  for (let k = from; k < to; k++) {
    const kind = elKind[k]!;
    const v = elValue[k]!;
    if (kind === INNER_APPROX) continue;
    if (kind === DIGIT && v === 0) {
      // 零 holds an empty place: 一千零五, 一万零十二 (零十 = 一十)
      if (digit >= 0) return NaN;
      zero = true;
      continue;
    }
    if (kind === DIGIT || kind === ARABIC_NUMBER) {
      if (digit >= 0) return NaN;
      // an Arabic number after a unit fills the places below it (3万4000, 1千零20)
      if (kind === ARABIC_NUMBER && lastUnit > 0 && v >= lastUnit) return NaN;
      digit = v;
      digitAfterUnit = kind === DIGIT && lastUnit >= 100 && !zero && k > from && elKind[k - 1] !== INNER_APPROX && elKind[k - 1] !== DIGIT;
      if (elDecimal[k]) decimal = true;
      continue;
    }
    if (kind === TENS || kind === SMALL) {
      const unit = kind === TENS ? 10 : v;
      if (unit >= lastSmall) return NaN; // 百百, 十百
      if (kind === TENS) {
        if (digit >= 0) return NaN;
        section += v;
      } else section += (digit < 0 ? 1 : digit) * unit; // 十五 = 1×10 + 5, 百余 = 1×100, 零十 = 10
      lastSmall = unit;
    } else {
      // a big unit: 万 and 亿 multiply what stands before them, back to a bigger unit
      const sec = section + (digit < 0 ? 0 : digit);
      if (total > 0 && v >= lastBig) {
        if (v === lastBig && sec > 0) return NaN; // 一万一万
        if (v === lastBig) {
          total *= v; // 四万万 = 4亿
          lastBig *= v;
        } else {
          total = (total + sec) * v; // 一万五千亿
          lastBig = v;
        }
      } else {
        if (sec === 0 && total > 0) return NaN; // 一亿万
        total += (sec === 0 ? 1 : sec) * v; // 万 alone is 一万
        lastBig = v;
      }
      section = 0;
      lastSmall = Infinity;
    }
    lastUnit = kind === TENS ? 10 : v;
    digit = -1;
    zero = false;
    digitAfterUnit = false;
  }
  let tail = digit < 0 ? 0 : digit;
  // a digit right after 百/千/万/亿 is the next place down: 一千三 = 1300, 九万四 = 94000, 百三 = 130
  if (digitAfterUnit) tail *= lastUnit / 10;
  const value = total + section + tail;
  return decimal ? Number(value.toPrecision(15)) : value;
}

/** A run of digits without units: one digit or Arabic number, or a year written digit by digit (二〇二四). */
function digitsOnly(from: number, to: number, digits: number): number {
  if (digits === 1) return elValue[from]!;
  // 3 to 8 digits read place by place; two side by side (三四, 五六) are an approximation, not a number
  if (digits < 3 || digits > 8 || elKind[from] === ARABIC_NUMBER || elValue[from] === 0) return NaN;
  let value = 0;
  for (let k = from; k < to; k++) {
    if (elKind[k] !== DIGIT || elLiang[k] || elSpaced[k]) return NaN;
    value = value * 10 + elValue[k]!;
  }
  return value;
}

/**
 * Is parts [from, to) a numeral at all? A lone financial character is a word (队伍, 收拾), and
 * units without a digit are a numeral only as 十…/百…/廿/卅, before 余/多 or after a qualifier
 * (十万, 百余, 万余, 近千人, 超万人次): 万万, 千万 and 亿万 are words (万万不可, 千万不要, 亿万群众), and
 * after 数/几/上/成 they are an indefinite amount (数百人, 几十次, 上千份).
 */
function standsAsNumeral(text: string, from: number, to: number): boolean {
  if (to - from === 1 && elFinancial[from]) return false;
  for (let k = from; k < to; k++) if (elKind[k] === DIGIT || elKind[k] === ARABIC_NUMBER) return true;
  if (INDEFINITE_BEFORE.has(text.charCodeAt(elStart[from]! - 1))) return false;
  const first = elKind[from]!;
  if (first === TENS || (first === SMALL && elValue[from]! <= 100)) return true;
  const after = text.charCodeAt(elEnd[to - 1]!);
  return after === YU || after === DUO || qualifierWordBefore(text, elStart[from]!);
}

/** Before units without a digit, these make an indefinite amount, not a figure: 数百人, 几十次, 上千份, 成千上万. */
const INDEFINITE_BEFORE = new Set(Array.from("数几上成", (ch) => ch.charCodeAt(0)));

function hasUnit(from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (elKind[k] !== DIGIT && elKind[k] !== ARABIC_NUMBER && elKind[k] !== INNER_APPROX) return true;
  return false;
}

// --- API --------------------------------------------------------------------------------------

/**
 * Reads a whole string as one numeral (一千二百, 两万, 一万零十二, 3万4000, 二〇二四). Returns NaN
 * when the string is not exactly one well-formed numeral (一一, 百百).
 */
export function parseChineseNumeral(s: string): number {
  if (s.length === 0) return NaN;
  const count = readParts(s, 0, isAsciiDigit(s.charCodeAt(0)));
  if (count === 0 || elEnd[count - 1] !== s.length) return NaN;
  return valueOf(0, count);
}

/**
 * All numerals of `text` in order. Arabic numbers take the Chinese units that follow them
 * (1.2万 → 12000, 3万4000 → 34000) and Chinese numerals their 零, 余/多 (before 万/亿) and spaces;
 * a run that reads as no numeral across its spaces is read piece by piece.
 */
export function findNumerals(text: string, options: { chineseWithUnitOnly?: boolean } = {}): NumeralToken[] {
  // chineseWithUnitOnly: leave out Chinese numerals without 十/百/千/万/亿 (一, 三: mostly words)
  const unitOnly = options.chineseWithUnitOnly === true;
  const out: NumeralToken[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const arabic = isAsciiDigit(c);
    if (!arabic && (c < 0x3007 || CHAR_INFO.get(c) === 0)) {
      i++;
      continue;
    }
    const count = readParts(text, i, arabic);
    if (count === 0) {
      i++; // a financial character in a word
      continue;
    }
    // the whole run; else its first piece up to a space; else (Arabic) the number and the unit right after it
    const tryValue = (to: number) => (unitOnly && !arabic && !hasUnit(0, to) ? NaN : valueOf(0, to));
    let to = count;
    let value = tryValue(to);
    if (Number.isNaN(value)) {
      to = 1;
      while (to < count && !elSpaced[to]) to++;
      if (to < count) value = tryValue(to);
      if (Number.isNaN(value) && arabic) {
        // 3万40000: 3万 as a number of its own, as an Arabic number with one multiplier always was
        to = count > 1 && !elSpaced[1] && !elFinancial[1] && (elKind[1] === SMALL || elKind[1] === BIG) ? 2 : 1;
        value = tryValue(to);
      }
    }
    if (!Number.isNaN(value) && standsAsNumeral(text, 0, to)) {
      out.push({ value, start: elStart[0]!, end: elEnd[to - 1]!, kind: arabic ? "arabic" : "chinese" });
    }
    i = elEnd[to - 1]!;
  }
  return out;
}
