// Qualifiers around a number: 余/多/以上/超/逾 → at_least, 近/将近/不足 → at_most,
// 约/左右 and contradictory mixes (近3万余) → approx. See spec/indicators.md §2.
import type { Qualifier } from "./types.js";

/** Words before a number, longest first. */
const BEFORE: [string, Qualifier][] = [
  ["将近", "at_most"],
  ["接近", "at_most"],
  ["不足", "at_most"],
  ["不到", "at_most"],
  ["近", "at_most"],
  ["超过", "at_least"],
  ["多于", "at_least"],
  ["超", "at_least"],
  ["逾", "at_least"],
  ["大约", "approx"],
  ["大概", "approx"],
  ["约", "approx"],
];

/** Words right after a number (before its unit, or after it: 10次以上), longest first. */
const AFTER: [string, Qualifier][] = [
  ["以上", "at_least"],
  ["余", "at_least"],
  ["多", "at_least"],
  ["左右", "approx"],
  ["上下", "approx"],
];

/** Requirements and floors are not results: 每年不少于60学时, 至少2次. */
export const REQUIREMENT_BEFORE = ["不少于", "不低于", "至少", "不超过", "不高于", "原则上"];

export interface QualifierRead {
  qualifier: Qualifier;
  /** offset where the qualifier before the number starts (== number start when none) */
  start: number;
  /** length of the qualifier that sits between the number and its unit (余, 多) */
  innerLength: number;
}

export function combine(a: Qualifier | null, b: Qualifier | null): Qualifier {
  if (!a) return b ?? "exact";
  if (!b || a === b) return a;
  return "approx"; // 近3万余: contradictory
}

/** Last code units of the words of BEFORE and first ones of AFTER: a quick test that none is there. */
const BEFORE_LAST = new Set(BEFORE.map(([w]) => w.charCodeAt(w.length - 1)));
const AFTER_FIRST = new Set(AFTER.map(([w]) => w.charCodeAt(0)));

const YU = "余".charCodeAt(0);
const DUO = "多".charCodeAt(0);

/** Does one of the qualifier words that go before a number (近, 约, 超过 …) end at `at`? */
export function qualifierWordBefore(text: string, at: number): boolean {
  return at > 0 && BEFORE_LAST.has(text.charCodeAt(at - 1)) && BEFORE.some(([word]) => text.startsWith(word, at - word.length));
}

/** Reads the qualifier before the number at [start, end) and the one right after it. */
export function readQualifier(text: string, start: number, end: number): QualifierRead {
  let before: Qualifier | null = null;
  let qStart = start;
  const beforeWords = start > 0 && BEFORE_LAST.has(text.charCodeAt(start - 1)) ? BEFORE : [];
  for (const [word, q] of beforeWords) {
    if (text.startsWith(word, start - word.length)) {
      before = q;
      qStart = start - word.length;
      break;
    }
  }
  let after: Qualifier | null = null;
  let innerLength = 0;
  // 余/多 inside the numeral, before its 万/亿 (十余万, 500余万): as much at_least as one after it
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === YU || c === DUO) after = "at_least";
  }
  for (const [word, q] of AFTER_FIRST.has(text.charCodeAt(end)) ? AFTER : []) {
    if (text.startsWith(word, end)) {
      after = after === null || after === q ? q : "approx";
      innerLength = word.length;
      break;
    }
  }
  return { qualifier: combine(before, after), start: qStart, innerLength };
}

/** A qualifier after the unit (10次以上, 50人左右). */
export function readTrailingQualifier(text: string, at: number): { qualifier: Qualifier | null; length: number } {
  for (const [word, q] of AFTER) {
    if (word === "余" || word === "多") continue; // only 以上/左右/上下 follow a unit
    if (text.startsWith(word, at)) return { qualifier: q, length: word.length };
  }
  return { qualifier: null, length: 0 };
}

export function isRequirement(text: string, qualifierStart: number): boolean {
  return REQUIREMENT_BEFORE.some((w) => text.startsWith(w, qualifierStart - w.length));
}

/** Most uncertain first: the total's qualifier when no summed mention is at_least. */
const UNCERTAINTY: Qualifier[] = ["approx", "at_most", "at_least", "exact"];

export function totalQualifier(qs: Qualifier[]): Qualifier {
  if (qs.includes("at_least")) return "at_least";
  for (const q of UNCERTAINTY) if (qs.includes(q)) return q;
  return "exact";
}
