// The generated data the site reads: an index of every report (metadata, figures, evidence
// quotes) in one JSON file, and each report's normalised text in a file of its own, named by a
// content key. Pages that aggregate read only the index; a profile reads its one text.
import { createHash } from "node:crypto";
import type { ExtractedReport } from "../extract/extract.ts";
import type { SiteReport } from "./schema.ts";

export const DEFAULT_INDEX = "src/generated/reports.json";

/** Where the texts of an index live: reports.json → reports-texts/. */
export function textDirOf(indexPath: string): string {
  return indexPath.replace(/\.json$/i, "") + "-texts";
}

export function textKeyOf(text: string): string {
  return createHash("sha1").update(text).digest("hex").slice(0, 20);
}

/** The index record of an extracted report: the text replaced by quotes, section lines and a key. */
export function toIndexRecord(r: ExtractedReport, id: string): SiteReport {
  const { text, sections, indicators, ...rest } = r;
  const withQuotes = Object.fromEntries(
    Object.entries(indicators).map(([k, t]) => [k, { ...t, mentions: t.mentions.map((m) => ({ ...m, quote: text.slice(m.start, m.end) })) }]),
  );
  return {
    id,
    ...rest,
    indicators: withQuotes,
    textLength: text.length,
    textKey: text.trim() ? textKeyOf(text) : null,
    sections: sections.map((s) => ({
      ...s,
      items: text.slice(s.start, s.end).split("\n").map((l) => l.trim()).filter((l) => l && l !== s.title),
    })),
  } as SiteReport;
}
