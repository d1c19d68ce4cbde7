// The extraction pipeline for one report: bytes → text → normalised text → metadata, region,
// mentions and totals. Pure functions: the build script, the CLI and the tests all call these.
import { contradictions } from "./checks.js";
import { DecodeError, decodeBytes } from "./decode.js";
import { findMentions } from "./mentions.js";
import { extractMetadata } from "./metadata.js";
import { normalize } from "./normalize.js";
import { mapPageStarts } from "./pages.js";
import { findTownshipNames } from "./gazetteer.js";
import { resolveRegion } from "./regions.js";
import { findSections } from "./sections.js";
import { totalsOf } from "./totals.js";
import type { ReportRecord, UncountedNumber } from "./types.js";
import { findUncounted } from "./uncounted.js";

export interface SectionRef {
  kind: "problems" | "plans";
  title: string;
  start: number;
  end: number;
}

/** Everything the site needs about one report; the evaluation contract is its ReportRecord part. */
export interface ExtractedReport extends ReportRecord {
  title: string | null;
  reportDate: string | null;
  issuer: string | null;
  encoding: string | null;
  /** the normalised text that every evidence span points into */
  text: string;
  /** 存在问题 / 下一步 sections of the report, as ranges of `text` */
  sections: SectionRef[];
  /** for a paged document (PDF): the start offset of each page in `text` (see pages.ts pageOf) */
  pages?: number[];
  /** numbers with a counting unit that no figure counts, and why (uncounted.ts) */
  uncounted: UncountedNumber[];
}

function emptyRecord(file: string): ExtractedReport {
  return {
    file,
    township: null,
    county: null,
    city: null,
    province: null,
    code: null,
    year: null,
    indicators: {},
    warnings: [],
    errors: [],
    title: null,
    reportDate: null,
    issuer: null,
    encoding: null,
    text: "",
    sections: [],
    uncounted: [],
  };
}

/** A yearly report runs to tens of thousands of characters; far beyond this, a file is not one report. */
export const MAX_REPORT_CHARS = 5_000_000;

/**
 * Extracts one report from its text (already decoded). Never throws. `rawPages`, for a paged
 * document, are the start offsets of its pages in `input`; the record's `pages` are the same
 * starts in the normalised text.
 */
export function extractText(file: string, input: string, encoding: string | null = null, rawPages?: readonly number[]): ExtractedReport {
  const rec = emptyRecord(file);
  rec.encoding = encoding;
  try {
    if (input.length > MAX_REPORT_CHARS) {
      rec.errors.push(`${file}: too long for one report (${input.length} characters; the limit is ${MAX_REPORT_CHARS})`);
      return rec;
    }
    const n = normalize(input);
    rec.text = n.text;
    if (rawPages) rec.pages = mapPageStarts(rawPages, n.sourceIndex);
    if (n.text.trim().length === 0) {
      rec.errors.push(`${file}: the report is empty`);
      return rec;
    }
    // township names are scanned once, for the metadata and for the region's evidence
    const townshipNames = findTownshipNames(n.match);
    const meta = extractMetadata(n.match, townshipNames);
    rec.title = meta.title;
    rec.reportDate = meta.reportDate;
    rec.issuer = meta.issuer;
    rec.year = meta.year;
    rec.township = meta.township;

    if (!meta.township) rec.errors.push(`${file}: no township (镇/乡/街道) found in the report`);
    if (meta.year === null) rec.errors.push(`${file}: the year the report covers was not found`);
    else if (meta.yearSource === "publication") rec.warnings.push(`${file}: year ${meta.year} inferred from the publication date`);

    if (meta.township) {
      // (resolveRegion masks the township's own name: 龙华街道 is no evidence for 龙华区)
      const r = resolveRegion(meta.township, n.match, townshipNames);
      rec.township = r.region.township; // as the division list writes it
      rec.county = r.region.county;
      rec.city = r.region.city;
      rec.province = r.region.province;
      rec.code = r.region.code;
      if (r.warning) rec.warnings.push(`${file}: ${r.warning}`);
    }

    const sections = findSections(n.match, meta.year);
    const mentions = findMentions(n.match, meta.year, sections);
    rec.indicators = totalsOf(mentions);
    rec.uncounted = findUncounted(n.match, sections, mentions);
    rec.warnings.push(...contradictions(file, rec.indicators));
    rec.sections = sections
      .filter((s) => s.kind === "problems" || s.kind === "plans")
      .map((s) => ({ kind: s.kind as "problems" | "plans", title: n.text.slice(s.heading.start, s.heading.end).trim(), start: s.start, end: s.end }));
  } catch (e) {
    rec.errors.push(`${file}: extraction failed: ${(e as Error).message}`);
  }
  return rec;
}

/** Extracts one report from the bytes of a .txt file. Never throws: unreadable input becomes an error. */
export function extractBytes(file: string, bytes: Uint8Array): ExtractedReport {
  try {
    const d = decodeBytes(bytes);
    return extractText(file, d.text, d.encoding);
  } catch (e) {
    const rec = emptyRecord(file);
    rec.errors.push(`${file}: ${e instanceof DecodeError ? e.message : `cannot be read: ${(e as Error).message}`}`);
    return rec;
  }
}

/** The record as the evaluation contract prints it (../shared/eval/README.md). */
export function toContractRecord(r: ExtractedReport): ReportRecord {
  const { file, township, county, city, province, code, year, indicators, warnings, errors } = r;
  return { file, township, county, city, province, code, year, indicators, warnings, errors };
}
