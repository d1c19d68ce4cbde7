// Mentions: every figure of the report that counts one indicator (spec §2), with its qualifier,
// whether it is a part (其中…) or a repeat, and its evidence span in the normalised text.
import { classify, lowerOf, type FigureContext } from "./classify.js";
import { unitFits } from "./indicators.js";
import { findNumerals, type NumeralToken } from "./numbers.js";
import { combine, isRequirement, readQualifier, readTrailingQualifier } from "./qualifiers.js";
import { CUE } from "./lexicon.js";
import { implausible } from "./plausibility.js";
import { excludedRanges, inRanges, type Section } from "./sections.js";
import { Boundaries, firstFrom, Marks } from "./segments.js";
import type { Confidence, FoundMention, Qualifier } from "./types.js";
import { impliedUnit, readUnit, type UnitClass } from "./units.js";
import { findZeroStatements } from "./zeros.js";

/** A numeral followed by a unit: something that could be a figure. */
interface Candidate {
  token: NumeralToken;
  value: number;
  qualifier: Qualifier;
  /** start of the qualifier before the number, or the number */
  qStart: number;
  /** end of the unit and any qualifier after it */
  unitEnd: number;
  unitClass: UnitClass;
}

export const PERIODIC = /每年|每月|每季度|每季|每半年|每周|每天|每日|每个月|每学期|年均|月均/;

/** A number right after one of these is an ordinal, a document number or part of a code (第3, 〔2024〕, 1.2.3, A-12). */
export const NOT_BEFORE_FIGURE = new Set(Array.from("第〔[·.-/", (ch) => ch.charCodeAt(0)));

export function digitsIn(text: string, start: number, end: number): number {
  let n = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x30 && c <= 0x39) n++;
  }
  return n;
}

function candidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  // (Chinese numerals without 十/百/千/万/亿 are words: 一次性, 一件事, 三项制度)
  for (const token of findNumerals(text, { chineseWithUnitOnly: true })) {
    if (token.kind === "chinese") {
      const raw = text.slice(token.start, token.end);
      // 万/千 alone are words too (千方百计)
      // (万/千 right before a unit are figures: 惠及师生近千人)
      if (raw.length === 1 && raw !== "十" && raw !== "百" && !/[余多]/.test(text[token.end] ?? "") && !readUnit(text, token.end)) continue;
    }
    // more than 9 digits is an identifier (索引号, 统一社会信用代码, phone numbers), never a figure
    if (token.kind === "arabic" && token.end - token.start > 9 && digitsIn(text, token.start, token.end) > 9) continue;
    const prev = token.start > 0 ? text.charCodeAt(token.start - 1) : -1;
    if (NOT_BEFORE_FIGURE.has(prev) || (prev >= 0x41 && prev <= 0x5a) || (prev >= 0x61 && prev <= 0x7a)) continue;
    if (token.kind === "arabic" && prev >= 0x30 && prev <= 0x39) continue;
    const q = readQualifier(text, token.start, token.end);
    // a space may stand between a figure and its unit in PDF copies (办理行政处罚案件 42 起)
    let at = token.end + q.innerLength;
    if (text[at] === " " && text[at + 1] !== " ") at++;
    const unit = readUnit(text, at) ?? (token.kind === "arabic" ? impliedUnit(text, q.start, token.end + q.innerLength) : null);
    if (!unit) continue;
    let unitEnd = at + unit.length;
    let qualifier = q.qualifier;
    const trailing = readTrailingQualifier(text, unitEnd);
    if (trailing.qualifier) {
      qualifier = combine(qualifier === "exact" ? null : qualifier, trailing.qualifier);
      unitEnd += trailing.length;
    }
    out.push({ token, value: token.value, qualifier, qStart: q.start, unitEnd, unitClass: unit.unitClass });
  }
  return out;
}

const ITEM_MARK = /^\s*(?:[一二三四五六七八九十]+是|[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．]|第[一二三四五六七八九十]+)/;

/** Up to two sentences before `at` in the same paragraph, stopping at an item start (一是, (一), 1.). */
function earlierSentences(b: Boundaries, at: number): string {
  const text = b.text;
  let out = "";
  let end = at;
  for (let k = 0; k < 2; k++) {
    if (end <= 0 || text[end - 1] === "\n") break;
    const s = b.sentenceStart(end - 1);
    const sentence = text.slice(s, end);
    out = sentence + out;
    if (ITEM_MARK.test(sentence)) break;
    end = s;
  }
  return out;
}

/**
 * The heading line that governs the paragraph at `at` ("(三)严格合法性审查" above "全年审查45件。"):
 * the nearest non-empty line before the paragraph when it is short and is no sentence of its own.
 */
function headingBefore(text: string, lineBreaks: readonly number[], at: number): string {
  // the line break that ends the line before the paragraph (binary search: a long paragraph is not walked)
  let k = firstFrom(lineBreaks, at) - 1;
  while (k > 0 && lineBreaks[k - 1] === lineBreaks[k]! - 1) k--; // blank lines
  if (k < 0) return "";
  const end = lineBreaks[k]!;
  const start = k > 0 ? lineBreaks[k - 1]! + 1 : 0;
  if (end - start > 80) return "";
  const line = text.slice(start, end).trim();
  return line.length > 0 && line.length <= 40 && !/[。；;，,]$/.test(line) && !/\d/.test(line.replace(ITEM_MARK, "")) ? line : "";
}

const OPENS_BREAKDOWN = /^\s*其中/;

/** Terms that name who or what an activity was for; the same term and figure told twice is one activity. */
const TARGET_TERM = /法律明白人|网格员|人民调解员|调解员|执法人员|村干部|干部职工|青少年|学生|企业|商户|律师|法律顾问|“[^”]{2,12}”/g;

function targetTerms(s: string): Set<string> {
  return new Set([...s.matchAll(TARGET_TERM)].map((m) => m[0]));
}

/**
 * How far a figure's sentence context (before, after, earlier) reaches from it, in characters:
 * the corpora's longest sentence is 300 characters. Bounded so that a sentence with many figures
 * (tables flattened into one line) is read in time proportional to its length.
 */
export const CONTEXT_REACH = 400;

/** `sections`, when given, is findSections(text, reportYear), already found. */
export function findMentions(text: string, reportYear: number | null, sections?: readonly Section[]): FoundMention[] {
  const excluded = excludedRanges(text, reportYear, sections);
  const cands = candidates(text);
  const b = new Boundaries(text);
  // spans asked about for every figure, indexed once (see Marks)
  const periodic = new Marks(text, PERIODIC);
  const qizhong = new Marks(text, /其中/);
  const opens = new Marks(text, /[(（]/);
  const closes = new Marks(text, /[)）]/);
  // the figures that count something (2025年度 is no boundary) before and after each candidate
  const prevCounting = new Int32Array(cands.length);
  const nextCounting = new Int32Array(cands.length);
  for (let k = 0, last = -1; k < cands.length; k++) {
    prevCounting[k] = last;
    if (cands[k]!.unitClass !== "other") last = k;
  }
  for (let k = cands.length - 1, next = cands.length; k >= 0; k--) {
    nextCounting[k] = next;
    if (cands[k]!.unitClass !== "other") next = k;
  }
  let earlier = "";
  const lineBreaks: number[] = [];
  for (let k = text.indexOf("\n"); k >= 0; k = text.indexOf("\n", k + 1)) lineBreaks.push(k);
  const out: (FoundMention & { sentence: number; context: string })[] = [];

  let sentenceOf = -1;
  let head: { indicator: string; end: number; confidence: Confidence; procedure: boolean } | null = null; // last mention read in this sentence
  let prevIndicator: string | null = null;

  for (let i = 0; i < cands.length; i++) {
    const c = cands[i]!;
    const sStart = b.sentenceStart(c.qStart);
    if (sStart !== sentenceOf) {
      sentenceOf = sStart;
      // a sentence that opens with 其中 breaks down the figure of the sentence before it
      if (!OPENS_BREAKDOWN.test(text.slice(sStart, sStart + 4))) head = null;
      prevIndicator = null;
      earlier = earlierSentences(b, sStart).slice(-2 * CONTEXT_REACH);
    }
    if (c.unitClass === "other") {
      // (classify reads no indicator from such a unit: the figure only ends the run of the previous one)
      if (!inRanges(excluded, c.token.start)) prevIndicator = null;
      continue;
    }
    // neighbours are the figures that count something (2025年度 is no boundary)
    const p = prevCounting[i]!;
    const prevC = p >= 0 ? cands[p] : undefined;
    const nextC = cands[nextCounting[i]!];
    const cStart = b.clauseStart(c.qStart);
    const cEnd = b.clauseEnd(c.unitEnd);
    // the words between two figures of one clause belong to the earlier figure up to the last
    // list separator (2名专职人民调解员、1名法律顾问; 21次中心组学习大会和8次全体干部培训)
    let leftStart = cStart;
    if (prevC && prevC.unitEnd <= c.qStart && prevC.unitEnd > cStart) {
      const between = text.slice(prevC.unitEnd, c.qStart);
      const sep = between.search(/[、和及与]/);
      leftStart = prevC.unitEnd + (sep >= 0 ? sep + 1 : 0);
    }
    let rightEnd = Math.min(cEnd, nextC ? nextC.qStart : text.length);
    for (let k = c.unitEnd; k < rightEnd; k++) if (text.charCodeAt(k) === 0x3001) rightEnd = k; // 、
    const sEnd = b.sentenceEnd(c.unitEnd);

    if (inRanges(excluded, c.token.start)) continue;
    // a requirement or a routine (每年不少于4次, 每半年听取1次) is not a result
    if (periodic.within(cStart, c.qStart) || isRequirement(text, c.qStart)) {
      prevIndicator = null;
      continue;
    }

    const ctx: FigureContext = {
      left: text.slice(leftStart, c.qStart),
      right: text.slice(c.unitEnd, Math.max(c.unitEnd, rightEnd)),
      before: text.slice(Math.max(sStart, leftStart - CONTEXT_REACH), leftStart),
      after: text.slice(Math.max(c.unitEnd, rightEnd), Math.min(sEnd, Math.max(c.unitEnd, rightEnd) + CONTEXT_REACH)),
      earlier,
      heading: headingBefore(text, lineBreaks, sStart),
      unitClass: c.unitClass,
      prevIndicator,
    };
    const verdict = classify(ctx);

    // breakdowns: after 其中 in the sentence, or in brackets right after a mention
    let inBreakdown = false;
    if (head) {
      inBreakdown = qizhong.within(Math.max(sStart, head.end - 2), c.qStart) || (opens.within(head.end, c.qStart) && !closes.within(head.end, c.qStart));
    }
    // a case total told by procedure after it (办理案件56件,简易程序38件,普通程序18件): parts
    const byProcedure = head !== null && head.indicator === "enforcement_cases" && !head.procedure && CUE.caseProcedure.test(ctx.left + ctx.right);

    let indicator: string | null = "indicator" in verdict ? verdict.indicator : null;
    let confidence: Confidence = "indicator" in verdict ? verdict.confidence : "medium";
    let reason = "indicator" in verdict ? verdict.reason : "";
    let part = false;
    if (indicator && !unitFits(indicator, c.unitClass)) indicator = null;
    if (byProcedure && indicator === "enforcement_cases") {
      part = true;
      reason = `${reason}; by procedure, part of the case total before it`;
    }
    if (inBreakdown && head) {
      if (indicator === head.indicator) part = true;
      else if (!indicator && "skip" in verdict && verdict.skip === "no indicator fits the clause" && unitFits(head.indicator, c.unitClass)) {
        indicator = head.indicator;
        part = true;
        confidence = lowerOf(head.confidence, "medium");
        reason = `part of the breakdown of the ${head.indicator} figure before it`;
      }
    }
    prevIndicator = indicator;
    if (!indicator) continue;
    const odd = implausible(indicator, c.value);
    if (odd) {
      confidence = "low";
      reason = `${reason}; ${odd}`;
    }
    if (!part) head = { indicator, end: c.unitEnd, confidence, procedure: CUE.caseProcedure.test(ctx.left + ctx.right) };

    // evidence: the clause words that name the figure, then the figure, then its object
    let start = leftStart;
    while (start < c.qStart && /[\s,，、;；:：)）]/.test(text[start]!)) start++;
    if (c.qStart - start > 40) {
      // a long clause: quote from a word boundary (a list separator or an opening bracket) near the figure
      start = c.qStart - 40;
      const cut = text.slice(start, c.qStart - 4).search(/[、《“（(]/);
      if (cut >= 0) start += cut + (text[start + cut] === "、" ? 1 : 0);
    }
    const end = Math.min(Math.max(c.unitEnd, rightEnd), c.unitEnd + 16);
    out.push({
      indicator,
      value: c.value,
      qualifier: c.qualifier,
      part,
      start,
      end,
      confidence,
      reason,
      sentence: sStart,
      context: ctx.left + ctx.right,
    });
  }

  for (const z of findZeroStatements(text)) {
    if (inRanges(excluded, z.start)) continue;
    out.push({ ...z, part: false, sentence: b.sentenceStart(z.start), context: "" });
  }
  out.sort((a, b) => a.start - b.start);

  // repeats: the same figure of the same indicator for the same target, told in another sentence
  // (earlier mentions that are no repeat, by indicator, value and target term: up to two of their sentences)
  const told = new Map<string, number[]>();
  for (const m of out) {
    const terms = m.context ? targetTerms(m.context) : null;
    if (!terms || terms.size === 0) continue;
    const keys = [...terms].map((t) => `${m.indicator}\u0000${m.value}\u0000${t}`);
    if (!m.part && keys.some((k) => told.get(k)?.some((s) => s !== m.sentence))) m.repeat = true;
    if (m.repeat) continue;
    for (const k of keys) {
      const sentences = told.get(k);
      if (!sentences) told.set(k, [m.sentence]);
      else if (sentences.length < 2 && sentences[0] !== m.sentence) sentences.push(m.sentence);
    }
  }
  return out.map(({ sentence: _s, context: _c, ...m }) => m);
}
