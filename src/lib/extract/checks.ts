// Consistency checks over extracted figures. Pure functions, no I/O:
//  - contradictions inside one report (parts larger than their total, a rate above 100%,
//    more disputes resolved than handled) become warnings on the report;
//  - two reports of the same township and year (duplicates) become errors on both.
import { indicatorSpec, isRate } from "./indicators.js";
import type { IndicatorTotal, Mention, Qualifier } from "./types.js";

/** "（化解矛盾纠纷件数）" after a message, so that a reader without the ids understands it. */
function zh(...ids: string[]): string {
  const labels = ids.map((id) => indicatorSpec(id)?.label_zh).filter((l): l is string => !!l);
  return labels.length ? `（${labels.join(" / ")}）` : "";
}

function fmt(v: number): string {
  return String(Math.round(v * 10_000) / 10_000);
}

/**
 * True when a figure stated as `big` is surely larger than one stated as `small`: `big` may not be
 * an upper bound or a rounding (近/约), `small` may not be a lower bound or a rounding (余/约).
 * "150余件，化解152件" is no contradiction; "排查152件，化解160件" is.
 */
function surelyGreater(big: { value: number; qualifier: Qualifier }, small: { value: number; qualifier: Qualifier }): boolean {
  if (big.qualifier === "at_most" || big.qualifier === "approx") return false;
  if (small.qualifier === "at_least" || small.qualifier === "approx") return false;
  return big.value > small.value + 1e-9;
}

function sumOf(ms: readonly Mention[]): { value: number; qualifier: Qualifier } {
  const value = ms.reduce((s, m) => s + m.value, 0);
  // a sum is only as firm as its loosest term
  const order: Qualifier[] = ["approx", "at_least", "at_most", "exact"];
  const qualifier = order.find((q) => ms.some((m) => m.qualifier === q)) ?? "exact";
  return { value, qualifier };
}

/**
 * True when the first parts, in text order, already add up exactly to the total: the rest are a
 * breakdown of a breakdown ("调处289件，其中口头调解188件，书面调解101件，达成司法确认16件"),
 * not a contradiction.
 */
function prefixAddsUp(parts: readonly Mention[], total: number): boolean {
  let sum = 0;
  for (const m of [...parts].sort((a, b) => a.start - b.start)) {
    sum += m.value;
    if (Math.abs(sum - total) < 1e-9) return true;
    if (sum > total) return false;
  }
  return false;
}

/**
 * Figures of one report that cannot all be right, as warnings naming the file:
 * - the parts (其中…) of an indicator add up to more than its total (the sum of its other,
 *   non-repeated mentions), when the report gives both, unless the first parts already add up to
 *   the total exactly (the later ones then break a part down further);
 * - a rate (an indicator counted in %) above 100;
 * - disputes_resolved larger than disputes_handled.
 */
export function contradictions(file: string, indicators: Readonly<Record<string, IndicatorTotal>>): string[] {
  const out: string[] = [];
  for (const [id, t] of Object.entries(indicators).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (isRate(id)) {
      const over = t.mentions.filter((m) => m.value > 100);
      for (const m of over) out.push(`${file}: ${id} ${fmt(m.value)}% is above 100%${zh(id)}`);
      continue;
    }
    const parts = t.mentions.filter((m) => m.part && !m.repeat);
    const totals = t.mentions.filter((m) => !m.part && !m.repeat);
    if (parts.length === 0 || totals.length === 0) continue;
    const p = sumOf(parts);
    const w = sumOf(totals);
    if (surelyGreater(p, w) && !prefixAddsUp(parts, w.value)) out.push(`${file}: parts (其中) of ${id} add up to ${fmt(p.value)}, more than its total ${fmt(w.value)}${zh(id)}`);
  }
  const handled = indicators.disputes_handled;
  const resolved = indicators.disputes_resolved;
  if (handled && resolved && surelyGreater(resolved, handled)) {
    out.push(`${file}: disputes_resolved ${fmt(resolved.value)} exceeds disputes_handled ${fmt(handled.value)}${zh("disputes_resolved", "disputes_handled")}`);
  }
  return out;
}

export interface DuplicateSource {
  file: string;
  township: string | null;
  county: string | null;
  code: string | null;
  year: number | null;
}

/**
 * Reports that claim the same township and year: same national code, or, when a report's code is
 * unknown, the same township name (unless both counties are known and differ). Returns, for each
 * report (by index), the errors to add: one per group it belongs to, naming every file of it.
 */
export function duplicateErrors(records: readonly DuplicateSource[]): string[][] {
  const out: string[][] = records.map(() => []);
  const groups = new Map<string, number[]>();
  records.forEach((r, i) => {
    if (!r.township || r.year === null) return; // already an error of its own
    const key = r.code ? `code:${r.code}:${r.year}` : `name:${r.township}:${r.year}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    // same name without code: one township only when both name the same county (there are many
    // 城关镇; an unresolved name alone does not say two reports are about one place)
    const clusters: number[][] = [];
    const same = (i: number, j: number) =>
      records[i]!.code !== null || (records[i]!.county !== null && records[i]!.county === records[j]!.county);
    for (const i of members) {
      const c = clusters.find((cl) => cl.every((j) => same(i, j)));
      if (c) c.push(i);
      else clusters.push([i]);
    }
    for (const cl of clusters) {
      if (cl.length < 2) continue;
      const first = records[cl[0]!]!;
      const files = cl.map((i) => records[i]!.file);
      const list = files.length === 2 ? `${files[0]} and ${files[1]} both` : `${files.slice(0, -1).join(", ")} and ${files.at(-1)} all`;
      const msg = `${list} report ${first.township} ${first.year}${first.code ? ` (code ${first.code})` : ""}`;
      for (const i of cl) out[i]!.push(msg);
    }
  }
  return out;
}
