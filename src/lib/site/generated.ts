// The generated data the site reads: an index of every report (metadata, figures, evidence
// quotes) in one JSON file, and each report's normalised text in a file of its own, named by a
// content key. Pages that aggregate read only the index; a profile reads its one text.
import { createHash } from "node:crypto";
import type { ExtractedReport } from "../extract/extract.ts";
import { sentenceEnd, sentenceStart } from "../extract/segments.ts";
import type { SiteReport } from "./schema.ts";

export const DEFAULT_INDEX = "src/generated/reports.json";

/** Where the texts of an index live: reports.json → reports-texts/. */
export function textDirOf(indexPath: string): string {
  return indexPath.replace(/\.json$/i, "") + "-texts";
}

export function textKeyOf(text: string): string {
  return createHash("sha1").update(text).digest("hex").slice(0, 20);
}

/** Characters of a sentence kept on each side of a number (a run-on "sentence" may be a page long). */
export const SENTENCE_REACH = 80;

/** The sentence around text[start, end), cut to SENTENCE_REACH characters on each side (… marks a cut). */
export function sentenceAround(text: string, start: number, end: number): string {
  const s = sentenceStart(text, start);
  const e = sentenceEnd(text, end);
  const from = Math.max(s, start - SENTENCE_REACH);
  const to = Math.min(e, end + SENTENCE_REACH);
  return `${from > s ? "…" : ""}${text.slice(from, to).trim()}${to < e ? "…" : ""}`;
}

/** The index record of an extracted report: the text replaced by quotes, section lines and a key. */
export function toIndexRecord(r: ExtractedReport, id: string): SiteReport {
  const { text, sections, indicators, uncounted, ...rest } = r;
  const withQuotes = Object.fromEntries(
    Object.entries(indicators).map(([k, t]) => [k, { ...t, mentions: t.mentions.map((m) => ({ ...m, quote: text.slice(m.start, m.end) })) }]),
  );
  return {
    id,
    ...rest,
    indicators: withQuotes,
    // the sentence only where the review needs it without the text (a number with plausible
    // indicators): the profile cuts the others from its text (an index of 40,000 reports stays small)
    uncounted: (uncounted ?? []).map((u) => (u.plausible.length > 0 ? { ...u, sentence: sentenceAround(text, u.start, u.end) } : u)),
    textLength: text.length,
    textKey: text.trim() ? textKeyOf(text) : null,
    sections: sections.map((s) => ({
      ...s,
      items: text.slice(s.start, s.end).split("\n").map((l) => l.trim()).filter((l) => l && l !== s.title),
    })),
  } as SiteReport;
}
