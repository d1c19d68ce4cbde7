// Sentence and clause boundaries in normalised report text. Offsets only: callers slice.
import { CodeTable } from "./codeTable.js";

const SENTENCE_END = new Set(["。", "！", "？", "!", "?", "\n"]);
const CLAUSE_END = new Set([...SENTENCE_END, "，", ",", "；", ";", "：", ":"]);

/** Start of the sentence containing offset i (just after the previous sentence end). */
export function sentenceStart(text: string, i: number): number {
  let j = i - 1;
  while (j >= 0 && !SENTENCE_END.has(text[j]!)) j--;
  return j + 1;
}

/** End of the sentence containing offset i (exclusive, the terminator not included). */
export function sentenceEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && !SENTENCE_END.has(text[j]!)) j++;
  return j;
}

/** Clauses that open with these words continue the previous clause's verb (…精神,以及…109次). */
const CONTINUATION = /^(以及|及|和|与|并且)/;

/** Start of the clause containing offset i; a clause that opens with 以及/及/和 joins the previous one. */
export function clauseStart(text: string, i: number): number {
  let j = i - 1;
  for (;;) {
    while (j >= 0 && !CLAUSE_END.has(text[j]!)) j--;
    const start = j + 1;
    if (j >= 0 && !SENTENCE_END.has(text[j]!) && CONTINUATION.test(text.slice(start, start + 2))) {
      j -= 1;
      continue;
    }
    return start;
  }
}

export function clauseEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && !CLAUSE_END.has(text[j]!)) j++;
  return j;
}

/** Start of the line containing offset i. */
export function lineStart(text: string, i: number): number {
  return text.lastIndexOf("\n", i - 1) + 1;
}

/**
 * Sentence and clause boundaries of one text, indexed once (one pass) so that asking for the
 * sentence or clause of every figure is a binary search instead of a walk. Gives the same
 * answers as sentenceStart, sentenceEnd, clauseStart and clauseEnd above.
 */
export class Boundaries {
  /** offsets of the sentence ends, ascending */
  private readonly sentenceEnds: number[] = [];
  /** offsets of the clause ends (sentence ends included), ascending */
  private readonly clauseEnds: number[] = [];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const kind = boundaryKind(text.charCodeAt(i));
      if (kind === 0) continue;
      this.clauseEnds.push(i);
      if (kind === 2) this.sentenceEnds.push(i);
    }
  }

  sentenceStart(i: number): number {
    return startBefore(this.sentenceEnds, i);
  }

  sentenceEnd(i: number): number {
    return endFrom(this.sentenceEnds, i, this.text.length);
  }

  /** As clauseStart(): a clause that opens with 以及/及/和 joins the previous one. */
  clauseStart(i: number): number {
    let start = startBefore(this.clauseEnds, i);
    while (start > 0 && boundaryKind(this.text.charCodeAt(start - 1)) !== 2 && CONTINUATION.test(this.text.slice(start, start + 2))) {
      start = startBefore(this.clauseEnds, start - 1);
    }
    return start;
  }

  clauseEnd(i: number): number {
    return endFrom(this.clauseEnds, i, this.text.length);
  }
}

/** Index of the first of `ends` (ascending) at or after i; ends.length when none. */
export function firstFrom(ends: readonly number[], i: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ends[mid]! < i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** 1 + the last of `ends` below i, or 0. */
function startBefore(ends: readonly number[], i: number): number {
  const k = firstFrom(ends, i);
  return k === 0 ? 0 : ends[k - 1]! + 1;
}

/** The first of `ends` at or after i, or `length` (i beyond it). */
function endFrom(ends: readonly number[], i: number, length: number): number {
  const k = firstFrom(ends, i);
  return k < ends.length ? ends[k]! : Math.max(i, length);
}

/** 2 for a sentence end, 1 for a clause end (SENTENCE_END and CLAUSE_END above). */
const BOUNDARY = new CodeTable(new Map(Array.from(CLAUSE_END, (ch) => [ch.charCodeAt(0), SENTENCE_END.has(ch) ? 2 : 1])));

/** 2 for a sentence end, 1 for a clause end, 0 otherwise. */
function boundaryKind(c: number): number {
  // every mark is ASCII, 。 (U+3002) or a full-width form (U+FF01–): Han characters are none
  return c >= 0x3003 && c < 0xff01 ? 0 : BOUNDARY.get(c);
}

/**
 * Where the matches of one pattern lie in a text, found in one pass, so that asking whether one
 * lies within a span (其中 since the last total, a bracket left open, 每年 in a figure's clause) is
 * a binary search instead of a scan of the span: a sentence with many figures stays linear.
 */
export class Marks {
  /** starts and ends of the matches, ascending (matches do not overlap) */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(text: string, pattern: RegExp) {
    const re = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : pattern.flags + "g");
    for (const m of text.matchAll(re)) {
      if (m[0].length === 0) continue;
      this.starts.push(m.index!);
      this.ends.push(m.index! + m[0].length);
    }
  }

  /** Does a match lie wholly within [from, to)? (As pattern.test(text.slice(from, to)) for patterns that cannot match across a clause end.) */
  within(from: number, to: number): boolean {
    // the last match that ends by `to` starts latest of those that do
    const k = firstFrom(this.ends, to + 1) - 1;
    return k >= 0 && this.starts[k]! >= from;
  }
}
