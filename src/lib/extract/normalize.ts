// Text normalisation with an exact offset map back to the input.
//
// One pass over the input builds the normalised text and, for every output
// code unit, the index of the input code unit it came from. Line-level rules
// (trailing-space trim, blank-line collapse, joining lines broken inside a
// sentence) are decided with one line of look-ahead held in a small buffer,
// so nothing is ever searched for again after the fact.

import * as OpenCC from "opencc-js";

export interface Normalized {
  /** the text the site shows and every evidence span points into */
  text: string;
  /** same length as text: simplified-Chinese view for matching (traditional characters mapped 1:1 to simplified); identical offsets */
  match: string;
  /** sourceIndex[i] = index in the input string of text[i]; length text.length + 1 (last = input length) */
  sourceIndex: Int32Array;
}

/** A line this long (without surrounding spaces) may be a soft-wrapped piece of a paragraph. */
const MIN_JOIN_LINE = 30;
/** Runs of at least this many blank lines are collapsed to one blank line. */
const COLLAPSE_BLANK_RUN = 3;
/** Longest `[bookmark: …]` artefact recognised (longer brackets are kept as text). */
const MAX_BOOKMARK = 200;

const LF = 0x0a;
const SPACE = 0x20;

/** Characters after which a line break is a real paragraph/sentence end. */
const CLOSING = new Set(
  Array.from("。．.！!？?；;：:”’」』）)】〕…", (ch) => ch.charCodeAt(0)),
);

/**
 * Starts of heading / list-item lines: 一、 二、 （一） (一) (2) 1. 1、 1) 一是 第一、 ①
 * and bullets. Tested on the start of the next line, after full-width folding
 * (so （一） arrives as (一)).
 */
const HEADING =
  /^(?:[一二三四五六七八九十百零〇]+[、.．，,]|[(（][一二三四五六七八九十百零〇\d]{1,3}[)）]|\d{1,3}(?:[、．)）]|\.(?!\d))|[一二三四五六七八九十]+是|第[一二三四五六七八九十百零〇\d]+[、，,：:是章节条部项点个]|[①-⑳⑴-⒇⒈-⒛㈠-㈩]|[•·●○◆◇■□▪▶►\-*])/;

// --- simplified-Chinese view ------------------------------------------------

let converter: ((s: string) => string) | null = null;
/** cache: code unit → simplified code unit; 0 = not looked up yet */
const simplified = new Uint16Array(0x10000);

function toSimplified(c: number): number {
  // opencc changes nothing below the CJK blocks; surrogates are kept as they
  // are (a pair is two code units and must stay two).
  if (c < 0x2e80 || (c >= 0xd800 && c <= 0xdfff)) return c;
  const cached = simplified[c]!;
  if (cached !== 0) return cached;
  converter ??= OpenCC.Converter({ from: "hk", to: "cn" });
  const out = converter(String.fromCharCode(c));
  // Keep the original when the conversion is not one BMP code unit
  // (a few rare characters map to supplementary-plane ones).
  const r = out.length === 1 ? out.charCodeAt(0) : c;
  simplified[c] = r;
  return r;
}

/**
 * Looks up, in one call of the converter, every character of `text` not looked up yet. Each
 * character stands on a line of its own, so the converter reads it alone, as toSimplified does
 * (no phrase spans two lines); one call for thousands of characters is many times quicker than
 * one call each. For the first use of a large set of strings, such as the division list's names.
 */
export function warmSimplified(text: string): void {
  const seen = new Set<number>();
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x2e80 && (c < 0xd800 || c > 0xdfff) && simplified[c] === 0) seen.add(c);
  }
  if (seen.size === 0) return;
  const codes = [...seen];
  converter ??= OpenCC.Converter({ from: "hk", to: "cn" });
  const out = converter(codes.map((c) => String.fromCharCode(c)).join("\n")).split("\n");
  if (out.length !== codes.length) return; // not one line a character: leave them to toSimplified
  codes.forEach((c, k) => {
    const o = out[k]!;
    simplified[c] = o.length === 1 ? o.charCodeAt(0) : c;
  });
}

// --- character classes -----------------------------------------------------

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isAsciiAlnum(c: number): boolean {
  return isAsciiDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Line terminators other than CR (handled separately for CRLF). */
function isLineBreak(c: number): boolean {
  return c === LF || c === 0x0b || c === 0x0c || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/** Dropped: zero-width characters, BOM, soft hyphen, word joiner. */
function isDropped(c: number): boolean {
  return (c >= 0x200b && c <= 0x200d) || c === 0xfeff || c === 0xad || c === 0x2060;
}

/** Mapped to an ordinary space: tab, NBSP, ideographic space, other Unicode spaces. */
function isSpaceLike(c: number): boolean {
  return (
    c === 0x09 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f
  );
}

/** `[bookmark:` (case-insensitive) at i? Returns the index after the closing `]`, or -1. */
function bookmarkEnd(input: string, i: number): number {
  const tag = "[bookmark:";
  if (i + tag.length > input.length) return -1;
  for (let k = 1; k < tag.length; k++) {
    let c = input.charCodeAt(i + k);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c !== tag.charCodeAt(k)) return -1;
  }
  const limit = Math.min(input.length, i + MAX_BOOKMARK);
  for (let j = i + tag.length; j < limit; j++) {
    const c = input.charCodeAt(j);
    if (c === 0x5d) return j + 1;
    if (c === LF || c === 0x0d || c === 0x5b) return -1;
  }
  return -1;
}

// --- normalisation ---------------------------------------------------------

interface LineBuffer {
  chars: Uint16Array;
  src: Int32Array;
  len: number;
}

/**
 * Clean one physical line starting at input[i] into buf (character rules:
 * artefacts dropped, spaces unified, full-width forms folded) and return the
 * index of its line break, or input.length. Kept apart from normalize() so
 * that the hot loop runs on local variables only.
 */
function scanLine(input: string, i: number, buf: LineBuffer): number {
  const n = input.length;
  let chars = buf.chars;
  let srcs = buf.src;
  let len = 0;
  for (; i < n; i++) {
    let c = input.charCodeAt(i);
    if (c < 0x20 || c === 0x5b || (c >= 0x7f && (c < 0x3400 || c >= 0xa000))) {
      // Everything but printable ASCII and CJK ideographs: check the rules.
      if (c === 0x0d || isLineBreak(c)) break;
      if (c === 0x5b) {
        const end = bookmarkEnd(input, i);
        if (end > 0) {
          i = end - 1;
          continue;
        }
      } else if (isDropped(c)) {
        continue;
      } else if (isSpaceLike(c)) {
        c = SPACE;
      } else if (c >= 0xff01 && c <= 0xff5e) {
        c -= 0xfee0; // full-width ASCII form → ASCII
      }
    }
    if (len === chars.length) {
      const nc = new Uint16Array(len * 2);
      nc.set(chars);
      chars = buf.chars = nc;
      const ns = new Int32Array(len * 2);
      ns.set(srcs);
      srcs = buf.src = ns;
    }
    chars[len] = c;
    srcs[len] = i;
    len++;
  }
  buf.len = len;
  return i;
}


/**
 * Work buffers, kept between calls (normalize is synchronous, so calls never share them) and
 * grown as needed: a report of tens of thousands of characters then allocates only its results.
 */
const scratch = {
  out: new Uint16Array(0),
  src: new Int32Array(0),
  match: new Uint16Array(0),
  line: { chars: new Uint16Array(1024), src: new Int32Array(1024), len: 0 } as LineBuffer,
};

/** Work buffers larger than this (in elements) are not kept for the next call. */
const KEEP_SCRATCH = 1 << 20;

/** A buffer of at least `size` elements: `current` when it is large enough, else a new one with room to spare. */
function atLeast<T extends Uint16Array | Int32Array>(current: T, size: number, make: (size: number) => T): T {
  return current.length >= size ? current : make(Math.max(size, Math.floor(current.length * 1.5)));
}

/** Keeps `buffer` for the next call unless it is very large. */
function keep<T extends Uint16Array | Int32Array>(buffer: T, previous: T): T {
  return buffer.length <= KEEP_SCRATCH ? buffer : previous;
}

export function normalize(input: string): Normalized {
  const n = input.length;
  // Output never exceeds the input: every rule keeps, replaces 1:1 or drops
  // (a joining space replaces the line break it stands for).
  const out = atLeast(scratch.out, n, (k) => new Uint16Array(k));
  const src = atLeast(scratch.src, n + 1, (k) => new Int32Array(k));
  scratch.out = keep(out, scratch.out);
  scratch.src = keep(src, scratch.src);
  let o = 0;

  // The current physical line, cleaned, before it is committed to `out`.
  const line = scratch.line;
  line.len = 0;

  // State carried between committed lines.
  let hasPrev = false; // a non-blank line has been committed
  const prev: LineInfo = { length: 0, last: 0, prose: false };
  // Line breaks seen since the last committed non-blank line: how many, the
  // input indices of the first few and of the last one.
  let breakCount = 0;
  const firstBreaks = [0, 0, 0];
  let lastBreak = 0;

  const addBreak = (at: number): void => {
    if (breakCount < firstBreaks.length) firstBreaks[breakCount] = at;
    lastBreak = at;
    breakCount++;
  };

  /** Emit the pending line breaks, collapsing long runs of blank lines. */
  const flushBreaks = (): void => {
    const k = breakCount;
    if (k === 0) return;
    // Between two lines (and after the last one) k breaks make k-1 blank
    // lines; before the first line every break ends a blank line.
    const atStart = !hasPrev;
    const blank = atStart ? k : k - 1;
    if (blank >= COLLAPSE_BLANK_RUN) {
      // exactly one blank line, mapped to the first and last break of the run
      if (!atStart) {
        out[o] = LF;
        src[o++] = firstBreaks[0]!;
      }
      out[o] = LF;
      src[o++] = lastBreak;
    } else {
      // k <= COLLAPSE_BLANK_RUN <= firstBreaks.length
      for (let b = 0; b < k; b++) {
        out[o] = LF;
        src[o++] = firstBreaks[b]!;
      }
    }
    breakCount = 0;
  };

  /** The current line is complete: trim, decide how it attaches, commit it. */
  const endLine = (): void => {
    const lineChars = line.chars;
    // Trim trailing spaces.
    let len = line.len;
    while (len > 0 && lineChars[len - 1] === SPACE) len--;
    if (len === 0) return; // blank line: only its break (if any) is recorded

    let lead = 0;
    while (lead < len && lineChars[lead] === SPACE) lead++;

    if (hasPrev && breakCount === 1 && shouldJoin(prev, lineChars, len)) {
      // Remove the line break; Latin words on both sides keep a space.
      if (isAsciiAlnum(prev.last) && isAsciiAlnum(lineChars[0]!)) {
        out[o] = SPACE;
        src[o++] = lastBreak;
      }
      breakCount = 0;
    } else {
      flushBreaks();
    }

    out.set(lineChars.subarray(0, len), o);
    src.set(line.src.subarray(0, len), o);
    o += len;
    hasPrev = true;
    describeLine(lineChars, lead, len, prev);
  };

  let i = 0;
  for (;;) {
    i = scanLine(input, i, line);
    endLine();
    if (i >= n) break;
    addBreak(i); // CRLF, CR and other line breaks → LF, mapped to the (first) break char
    i += input.charCodeAt(i) === 0x0d && input.charCodeAt(i + 1) === LF ? 2 : 1;
  }
  flushBreaks();
  src[o] = n;

  const textCodes = out.subarray(0, o);
  const matchCodes = atLeast(scratch.match, o, (k) => new Uint16Array(k));
  scratch.match = keep(matchCodes, scratch.match);
  let changed = false;
  for (let k = 0; k < o; k++) {
    const c = textCodes[k]!;
    const m = c < 0x2e80 ? c : toSimplified(c);
    matchCodes[k] = m;
    if (m !== c) changed = true;
  }

  const text = codesToString(textCodes);
  return {
    text,
    // a text already in simplified characters is its own matching view
    match: changed ? codesToString(matchCodes.subarray(0, o)) : text,
    sourceIndex: src.slice(0, o + 1),
  };
}

/**
 * normalize(s).match, for short strings such as names: what the matching view of a text makes of
 * them. A string of visible ASCII and CJK ideographs that are already simplified is returned as
 * it is, without the work of normalize().
 */
export function matchView(s: string): string {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    const plain = (c > 0x20 && c < 0x7f && c !== 0x5b) || (c >= 0x3400 && c < 0xa000 && toSimplified(c) === c);
    if (!plain) return normalize(s).match;
  }
  return s;
}

interface LineInfo {
  /** length without leading/trailing spaces */
  length: number;
  /** last character */
  last: number;
  /** looks like running prose that a hard wrap may have cut (see describeLine) */
  prose: boolean;
}

/** Clause and sentence marks (after full-width folding). */
const CLAUSE = new Set(Array.from("，,、。；;！!？?", (ch) => ch.charCodeAt(0)));
const SENTENCE_END = new Set(Array.from("。；;！!？?", (ch) => ch.charCodeAt(0)));

/**
 * Fill `info` for the committed line chars[0, len) (lead = leading spaces).
 * A line counts as prose when it has a clause mark (a wrapped 30+ character
 * piece of Chinese prose practically always has one), has no run of two or
 * more spaces (signature blocks, tables, page chrome), and, when it starts
 * like a heading, goes on past the heading into a sentence (a pure heading
 * such as "(三)推进政务公开，保障……，进一步打造阳光政府" is never joined).
 */
function describeLine(chars: Uint16Array, lead: number, len: number, info: LineInfo): void {
  info.length = len - lead;
  info.last = chars[len - 1]!;
  if (info.length < MIN_JOIN_LINE || CLOSING.has(info.last)) {
    info.prose = false; // cannot be joined anyway
    return;
  }
  let clause = false;
  let sentenceEnd = false;
  let spaceRun = false;
  for (let k = lead; k < len; k++) {
    const c = chars[k]!;
    if (CLAUSE.has(c)) {
      clause = true;
      if (SENTENCE_END.has(c)) sentenceEnd = true;
    } else if (c === SPACE && chars[k + 1] === SPACE) {
      spaceRun = true;
      break;
    }
  }
  const heading = clause && !spaceRun && !sentenceEnd && HEADING.test(headOf(chars, lead, len));
  info.prose = clause && !spaceRun && !heading;
}

function headOf(chars: Uint16Array, from: number, len: number): string {
  return String.fromCharCode(...chars.subarray(from, Math.min(len, from + 12)));
}

/** Should the break between the previous line and this one (chars[0, len)) be removed? */
function shouldJoin(prev: LineInfo, line: Uint16Array, len: number): boolean {
  if (prev.length < MIN_JOIN_LINE) return false; // titles, short headings, short lines
  if (CLOSING.has(prev.last)) return false; // the sentence ended
  if (!prev.prose) return false;
  const first = line[0]!;
  if (first === SPACE) return false; // an indented line starts a paragraph
  // Never fuse two numbers (e.g. a page header ending "11:36" and a line
  // starting "2025年"): a wrong figure is worse than a split one.
  if (isAsciiDigit(prev.last) && isAsciiDigit(first)) return false;
  return !HEADING.test(headOf(line, 0, len));
}

export const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** UTF-16 code units → string, as they are (lone surrogates kept). */
export function codesToString(codes: Uint16Array): string {
  // Buffer's UTF-16LE decoding copies code units as they are (lone surrogates
  // survive, unlike TextDecoder) and is by far the fastest way.
  if (LITTLE_ENDIAN) return Buffer.from(codes.buffer, codes.byteOffset, codes.length * 2).toString("utf16le");
  const CHUNK = 8192;
  const parts: string[] = [];
  for (let k = 0; k < codes.length; k += CHUNK) {
    parts.push(String.fromCharCode.apply(null, codes.subarray(k, k + CHUNK) as unknown as number[]));
  }
  return parts.join("");
}

/** Map a span [start, end) of n.text back to [start, end) offsets in the input. */
export function sourceSpan(n: Normalized, start: number, end: number): [number, number] {
  const len = n.text.length;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > len) {
    throw new RangeError(`span [${start}, ${end}) is outside the text (length ${len})`);
  }
  const s = n.sourceIndex[start]!;
  if (end === start) return [s, s];
  // The input span ends just after the input character of the last text character.
  const e = n.sourceIndex[end - 1]! + 1;
  return [s, e];
}
