// Report totals (spec §3): one mention → its value; distinct activities → their sum (parts and
// repeats excluded); a rate → the first one. The qualifier is at_least if any summed mention is.
import { isRate } from "./indicators.js";
import { totalQualifier } from "./qualifiers.js";
import type { IndicatorTotal, Mention } from "./types.js";

/**
 * The mentions a total is made of: parts and repeats excluded, a rate's first statement only, and
 * the parts when an indicator is told only in parts (rare: their sum is still shown).
 */
export function countedMentions<M extends Mention>(indicator: string, mentions: readonly M[]): M[] {
  const counted = mentions.filter((m) => !m.part && !m.repeat);
  const used = isRate(indicator) ? counted.slice(0, 1) : counted;
  return used.length > 0 ? used : mentions.filter((m) => !m.repeat);
}

export function totalOf(indicator: string, mentions: Mention[]): IndicatorTotal {
  const basis = countedMentions(indicator, mentions);
  const value = basis.reduce((s, m) => s + m.value, 0);
  return { value: roundFigure(value), qualifier: totalQualifier(basis.map((m) => m.qualifier)), mentions };
}

/** Sums of decimals (87.5 + 0.1) keep at most 4 decimals. */
function roundFigure(v: number): number {
  return Math.round(v * 10_000) / 10_000;
}

export function totalsOf(found: (Mention & { indicator: string })[]): Record<string, IndicatorTotal> {
  const by = new Map<string, Mention[]>();
  for (const { indicator, ...m } of found) {
    const list = by.get(indicator) ?? [];
    list.push(m);
    by.set(indicator, list);
  }
  const out: Record<string, IndicatorTotal> = {};
  // ids are ASCII: code-unit order (the same as localeCompare for them, without the collator's cost)
  for (const [id, ms] of [...by].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) out[id] = totalOf(id, ms);
  return out;
}
