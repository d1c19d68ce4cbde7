// Statements that nothing happened: 无行政复议及行政诉讼案件发生 → admin_reconsideration_cases 0
// and admin_litigation_cases 0 (spec §2). Only indicators for which "none" is a real figure.
import type { FoundMention } from "./mentions.js";

const NEGATION = /无|未发生|未出现|没有|零|未有|未产生|未收到/g;
const CLAUSE_END = /[。！？!?；;，,\n]/;

/** "None" said after its object: 行政复议、行政诉讼案件零发生, …案件数均为零. */
const TRAILING_NONE = /零发生|均为零|为零|均为0件?|为0件?|均未发生/g;

export function findZeroStatements(text: string): FoundMention[] {
  const out: FoundMention[] = [];
  for (const m of text.matchAll(TRAILING_NONE)) {
    const end = m.index! + m[0].length;
    let start = m.index!;
    while (start > 0 && end - start < 40 && !CLAUSE_END.test(text[start - 1]!)) start--;
    const clause = text.slice(start, end);
    if (!/案件|案/.test(clause)) continue;
    if (/复议/.test(clause)) out.push({ indicator: "admin_reconsideration_cases", value: 0, qualifier: "exact", part: false, start, end });
    if (/行政诉讼|行政应诉|(?:复议|行政)[或及和、与]?[^，,。]{0,3}诉讼/.test(clause) && !/民事诉讼|刑事诉讼/.test(clause))
      out.push({ indicator: "admin_litigation_cases", value: 0, qualifier: "exact", part: false, start, end });
  }
  for (const m of text.matchAll(NEGATION)) {
    const start = m.index!;
    // the negated object: up to the end of the clause, at most 40 characters
    let end = start + m[0].length;
    while (end < text.length && end - start < 40 && !CLAUSE_END.test(text[end]!)) end++;
    const clause = text.slice(start, end);
    if (!/案件|案|发生|情况/.test(clause)) continue;
    if (/复议/.test(clause) && !/复议[^，,。]{0,4}(?:率|机构|人员)/.test(clause)) {
      out.push({ indicator: "admin_reconsideration_cases", value: 0, qualifier: "exact", part: false, start, end });
    }
    if (/行政诉讼|行政应诉|(?:复议|行政)[或及和、与]?[^，,。]{0,3}诉讼/.test(clause) && !/民事诉讼|刑事诉讼/.test(clause)) {
      out.push({ indicator: "admin_litigation_cases", value: 0, qualifier: "exact", part: false, start, end });
    }
  }
  return out;
}
