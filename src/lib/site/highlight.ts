// Evidence highlighting: the report text cut into plain runs and marked evidence spans, and a
// quote cut around the number it evidences. Pure string work, shared by pages and tests.
import { findNumerals } from "../extract/numbers.ts";

export interface Segment {
  text: string;
  /** anchor id of the evidence span this segment marks, if any */
  id?: string;
}

export function spanId(start: number, end: number): string {
  return `e${start}-${end}`;
}

/**
 * Cuts `text` into segments, marking each span. Overlapping spans are merged into one mark whose
 * id is that of the first span; `alias` maps every span's own id to the mark that shows it.
 */
export function segmentText(text: string, spans: { start: number; end: number }[]): { segments: Segment[]; alias: Map<string, string> } {
  const sorted = [...spans].filter((s) => s.end > s.start && s.start >= 0 && s.end <= text.length).sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number; id: string; members: string[] }[] = [];
  for (const s of sorted) {
    const last = merged.at(-1);
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      last.members.push(spanId(s.start, s.end));
    } else merged.push({ start: s.start, end: s.end, id: spanId(s.start, s.end), members: [spanId(s.start, s.end)] });
  }
  const segments: Segment[] = [];
  const alias = new Map<string, string>();
  let pos = 0;
  for (const m of merged) {
    if (m.start > pos) segments.push({ text: text.slice(pos, m.start) });
    segments.push({ text: text.slice(m.start, m.end), id: m.id });
    for (const id of m.members) alias.set(id, m.id);
    pos = m.end;
  }
  if (pos < text.length) segments.push({ text: text.slice(pos) });
  return { segments, alias };
}

/** The quote cut as [before, number, after] around the numeral whose value the mention reads. */
export function splitQuote(quote: string, value: number): [string, string, string] {
  const hit = findNumerals(quote).find((t) => Math.abs(t.value - value) < 1e-9);
  if (!hit) return [quote, "", ""];
  return [quote.slice(0, hit.start), quote.slice(hit.start, hit.end), quote.slice(hit.end)];
}
