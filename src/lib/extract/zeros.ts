// Statements that nothing happened: 无行政复议及行政诉讼案件发生 → admin_reconsideration_cases 0
// and admin_litigation_cases 0 (spec §2). Only indicators for which "none" is a real figure.
import type { FoundMention } from "./types.js";

const NEGATION = /无|未发生|未出现|没有|零|未有|未产生|未收到/g;

/** "None" said after its object: 行政复议、行政诉讼案件零发生, …案件数均为零. */
const TRAILING_NONE = /零发生|均为零|为零|均为0件?|为0件?|均未发生/g;

/** Clause ends (。！？!?；;，, and line breaks), by code unit. */
const CLAUSE_END_CODES = new Set(Array.from("。！？!?；;，,\n", (ch) => ch.charCodeAt(0)));

/** Every statement names 复议, 诉讼 or 行政应诉 within its clause of at most 40 characters. */
const TOPIC = /复议|诉讼|行政应诉/g;

/**
 * An outcome of cases rather than their number: 无行政复议纠错及行政诉讼败诉情况 says none was
 * lost, not that there were none.
 */
const OUTCOME = /纠错|败诉|被撤销|撤销|确认违法|被改变|被纠正/;

function zero(indicator: string, start: number, end: number, reason: string): FoundMention {
  return { indicator, value: 0, qualifier: "exact", part: false, start, end, confidence: "high", reason: `zero statement: ${reason}` };
}

export function findZeroStatements(text: string): FoundMention[] {
  const out: FoundMention[] = [];
  // where the topics occur: a statement far from all of them names none
  const topics = [...text.matchAll(TOPIC)].map((m) => m.index!);
  if (topics.length === 0) return out;
  for (const m of text.matchAll(TRAILING_NONE)) {
    const end = m.index! + m[0].length;
    let start = m.index!;
    while (start > 0 && end - start < 40 && !CLAUSE_END_CODES.has(text.charCodeAt(start - 1))) start--;
    const clause = text.slice(start, end);
    if (!/案件|案/.test(clause)) continue;
    if (OUTCOME.test(clause)) continue;
    if (/复议/.test(clause)) out.push(zero("admin_reconsideration_cases", start, end, `“${m[0]}” after 复议 案件`));
    if (/行政诉讼|行政应诉|(?:复议|行政)[或及和、与]?[^，,。]{0,3}诉讼/.test(clause) && !/民事诉讼|刑事诉讼/.test(clause))
      out.push(zero("admin_litigation_cases", start, end, `“${m[0]}” after 行政诉讼 案件`));
  }
  // A negation's clause runs at most 40 characters from it, so only negations up to 40 before a
  // topic word are read. (No negation word starts inside another, so a scan that starts
  // anywhere finds the same negations after that place as a scan of the whole text.)
  for (const [from, to] of windows(topics, 40, text.length)) {
    NEGATION.lastIndex = from;
    for (let m = NEGATION.exec(text); m && m.index < to; m = NEGATION.exec(text)) {
      negation(text, m.index, m[0].length, out);
    }
  }
  return out;
}

/** Ranges [at - before, at] around sorted offsets, merged, within [0, length]. */
function windows(offsets: readonly number[], before: number, length: number): [number, number][] {
  const out: [number, number][] = [];
  for (const at of offsets) {
    const from = Math.max(0, at - before);
    const to = Math.min(length, at + 1);
    const last = out.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/** The zero statements of the negation word text[start, start + length), if any, added to out. */
function negation(text: string, start: number, length: number, out: FoundMention[]): void {
  // the negated object: up to the end of the clause, at most 40 characters
  let end = start + length;
  while (end < text.length && end - start < 40 && !CLAUSE_END_CODES.has(text.charCodeAt(end))) end++;
  const clause = text.slice(start, end);
  if (!/案件|案|发生|情况/.test(clause)) return;
  if (OUTCOME.test(clause)) return;
  const word = text.slice(start, start + length);
  if (/复议/.test(clause) && !/复议[^，,。]{0,4}(?:率|机构|人员)/.test(clause)) {
    out.push(zero("admin_reconsideration_cases", start, end, `negation ${word} + 复议`));
  }
  if (/行政诉讼|行政应诉|(?:复议|行政)[或及和、与]?[^，,。]{0,3}诉讼/.test(clause) && !/民事诉讼|刑事诉讼/.test(clause)) {
    out.push(zero("admin_litigation_cases", start, end, `negation ${word} + 行政诉讼`));
  }
}
