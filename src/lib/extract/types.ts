// Shared record types of the extraction pipeline (see spec/indicators.md).
import type { UncountedKind } from "./uncountedReasons.js";

export type Qualifier = "exact" | "at_least" | "at_most" | "approx";

/**
 * How sure the extractor is that a mention counts its indicator (docs/extraction.md):
 * high: the deciding cues stand in the figure's own clause; medium: one was taken from an earlier
 * clause of the sentence or from the figure before (a part, a reach after a publicity figure);
 * low: the deciding cue stood only in an earlier sentence, two indicators competed (leaders and
 * staff both named), no subject was named at all, or the value is implausible for the indicator.
 * Low-confidence mentions are shown as 待核实.
 */
export type Confidence = "high" | "medium" | "low";

/** One number in the text that counts one indicator. */
export interface Mention {
  value: number;
  qualifier: Qualifier;
  /** a breakdown of a total of the same indicator given in the same sentence */
  part: boolean;
  /** the same activity told again elsewhere in the report: shown, not summed */
  repeat?: boolean;
  /** offsets into the normalised text: the evidence span */
  start: number;
  end: number;
  confidence: Confidence;
  /** which cues decided and how far they stood, e.g. "dispute 纠纷 + disputeHandled 排查 + unit 件/起" */
  reason: string;
}

/** A mention as the extractor finds it, before it is grouped by indicator. */
export interface FoundMention extends Mention {
  indicator: string;
}

export interface IndicatorTotal {
  value: number;
  qualifier: Qualifier;
  mentions: Mention[];
  /** set by a hand correction (data/corrections.csv, build step only): then value/qualifier are the corrected ones */
  corrected?: Correction;
}

/** A figure corrected by hand, with what the extractor had read (null: it read nothing). */
export interface Correction {
  value: number;
  qualifier: Qualifier;
  reason: string;
  who: string;
  /** YYYY-MM-DD */
  date: string;
  extractedValue: number | null;
  extractedQualifier: Qualifier | null;
  /** where the correction is written: data/corrections.csv:LINE */
  source: string;
  /** corrected (value replaced; the default) or verified (checked and confirmed as read) */
  status?: "corrected" | "verified";
}

export interface RegionFields {
  township: string | null;
  county: string | null;
  city: string | null;
  province: string | null;
  /** 9-digit national township code */
  code: string | null;
}

export interface ReportRecord extends RegionFields {
  file: string;
  year: number | null;
  indicators: Record<string, IndicatorTotal>;
  warnings: string[];
  errors: string[];
  /** numbers with a counting unit that no figure counts (uncounted.ts); not in the contract's output */
  uncounted?: UncountedNumber[];
}

/** A number with a counting unit that was not counted as a figure, and why (uncounted.ts). */
export interface UncountedNumber {
  value: number;
  qualifier: Qualifier;
  /** the unit as written: 次, 件, 人次, 个 … */
  unit: string;
  /** offsets into the normalised text: the number with its qualifier and unit */
  start: number;
  end: number;
  /** why it was left out (uncountedReasons.ts), and the same as a short Chinese phrase */
  kind: UncountedKind;
  reason: string;
  /** for kind no_indicator (and repeat): indicators whose unit fits and whose words are near */
  plausible: string[];
}
