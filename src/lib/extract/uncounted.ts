// Uncounted numbers: every number of a report with a counting unit (units.ts, plus the "other"
// units that count things, uncountedReasons.ts) that no figure counts, with why it was left out.
// A separate pass over the text, after the mentions are found: it reads what findMentions decided
// (the found mentions and the report's sections) and never classifies figures itself. A number
// inside a found mention's evidence span belongs to that figure and is not listed.
import { INDICATOR_IDS, unitFits } from "./indicators.js";
import { CONTEXT_REACH, digitsIn, NOT_BEFORE_FIGURE, PERIODIC } from "./mentions.js";
import { NEAR_WORDS } from "./nearWords.js";
import { findNumerals, type NumeralToken } from "./numbers.js";
import { combine, isRequirement, readQualifier, readTrailingQualifier } from "./qualifiers.js";
import type { Section } from "./sections.js";
import { Boundaries } from "./segments.js";
import type { FoundMention, Qualifier, UncountedNumber } from "./types.js";
import {
  DURATION_AFTER,
  EXTRA_COUNTING_UNITS,
  OTHER_COUNTING_UNITS,
  PLANNED_BEFORE,
  SUBORDINATE_AFTER,
  SUBORDINATE_BEFORE,
  UNCOUNTED_KIND_ZH,
  YEAR_LIKE,
  type UncountedKind,
} from "./uncountedReasons.js";
import { readUnit, type UnitClass } from "./units.js";

/** A numeral followed by a counting unit. */
export interface CountingNumeral {
  token: NumeralToken;
  qualifier: Qualifier;
  unit: string;
  unitClass: UnitClass;
  /** start of the qualifier before the number (or the number) */
  start: number;
  /** end of the unit and any qualifier after it */
  end: number;
}

const OTHER_COUNTING = new Set(OTHER_COUNTING_UNITS);

function readCountingUnit(text: string, at: number): { unit: string; unitClass: UnitClass } | null {
  const u = readUnit(text, at);
  if (u) return u.unitClass !== "percent" && (u.unitClass !== "other" || OTHER_COUNTING.has(u.unit)) ? u : null;
  const extra = EXTRA_COUNTING_UNITS.find((w) => text.startsWith(w, at));
  return extra ? { unit: extra, unitClass: "other" } : null;
}

/** Every numeral of the text followed by a counting unit (the same numerals mentions.ts reads). */
export function countingNumerals(text: string): CountingNumeral[] {
  const out: CountingNumeral[] = [];
  for (const token of findNumerals(text, { chineseWithUnitOnly: true })) {
    // 万/千 alone are words (千方百计), as in mentions.ts
    if (token.kind === "chinese" && token.end - token.start === 1 && !/[十百]/.test(text[token.start]!) && !/[余多]/.test(text[token.end] ?? "")) continue;
    const q = readQualifier(text, token.start, token.end);
    const unit = readCountingUnit(text, token.end + q.innerLength);
    if (!unit) continue;
    let end = token.end + q.innerLength + unit.unit.length;
    let qualifier = q.qualifier;
    const trailing = readTrailingQualifier(text, end);
    if (trailing.qualifier) {
      qualifier = combine(qualifier === "exact" ? null : qualifier, trailing.qualifier);
      end += trailing.length;
    }
    out.push({ token, qualifier, unit: unit.unit, unitClass: unit.unitClass, start: q.start, end });
  }
  return out;
}

/** What a reason rule sees of one number. */
interface NumberContext {
  text: string;
  n: CountingNumeral;
  /** the clause before the number */
  before: string;
  /** the text right after the unit */
  after: string;
  section: Section | undefined;
  /** the indicators the number may count, by its unit and the words of its clause (else sentence) */
  plausible: string[];
  /** the same, by the words of its own clause only */
  plausibleInClause: string[];
  clause: string;
  /** the counted figures of the report with this number's value */
  sameValue: readonly FoundMention[];
}

/** The reasons, tried in order; the first that holds is the number's (each row is tested). */
const RULES: { kind: UncountedKind; holds: (c: NumberContext) => boolean; detail?: (c: NumberContext) => string }[] = [
  {
    kind: "identifier",
    holds: ({ text, n }) => {
      const prev = n.token.start > 0 ? text.charCodeAt(n.token.start - 1) : -1;
      return (
        (n.token.kind === "arabic" && n.token.end - n.token.start > 9 && digitsIn(text, n.token.start, n.token.end) > 9) ||
        NOT_BEFORE_FIGURE.has(prev) ||
        (prev >= 0x41 && prev <= 0x5a) ||
        (prev >= 0x61 && prev <= 0x7a) ||
        (n.token.kind === "arabic" && prev >= 0x30 && prev <= 0x39)
      );
    },
    detail: ({ text, n }) => (text[n.token.start - 1] === "第" ? "序数（第…）" : UNCOUNTED_KIND_ZH.identifier),
  },
  {
    kind: "date",
    holds: ({ n, after }) => DURATION_AFTER.test(after) || (n.token.kind === "arabic" && Number.isInteger(n.token.value) && n.token.value >= YEAR_LIKE.min && n.token.value <= YEAR_LIKE.max && n.token.end - n.token.start === 4),
  },
  {
    kind: "section",
    holds: ({ section }) => section !== undefined,
    detail: ({ section }) => `在“${section!.heading.title.replace(/^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+\s*[、.．])\s*/, "")}”部分（问题或计划，不是成果）`,
  },
  { kind: "requirement", holds: ({ text, n }) => isRequirement(text, n.start) },
  { kind: "periodic", holds: ({ before }) => PERIODIC.test(before) },
  { kind: "planned", holds: ({ before }) => PLANNED_BEFORE.test(before) },
  { kind: "subordinate", holds: ({ before, after }) => SUBORDINATE_BEFORE.test(before) || SUBORDINATE_AFTER.test(after) },
  {
    kind: "repeat",
    holds: (c) => repeated(c) !== undefined,
    detail: (c) => `${UNCOUNTED_KIND_ZH.repeat}（${c.text.slice(repeated(c)!.start, repeated(c)!.end)}）`,
  },
  { kind: "unit", holds: ({ n }) => n.unitClass === "other", detail: ({ n }) => `单位“${n.unit}”不是任何指标的计数单位` },
  { kind: "no_indicator", holds: () => true },
];

/** Below this a figure of the same value elsewhere is as likely chance as a repeat (1次, 2场). */
export const REPEAT_MIN_VALUE = 3;

/** A counted figure of the same value whose evidence has the very word of its indicator this number's clause has. */
function repeated(c: NumberContext): FoundMention | undefined {
  if (c.n.token.value < REPEAT_MIN_VALUE) return undefined;
  return c.sameValue.find((m) => {
    if (!c.plausibleInClause.includes(m.indicator)) return false;
    const word = NEAR_WORDS[m.indicator]!.exec(c.clause)?.[0];
    return word !== undefined && c.text.slice(m.start, m.end).includes(word);
  });
}

/** A clause with at most this many Han characters besides its unit is bare (全年共20次): its sentence names what it counts. */
export const BARE_CLAUSE_HAN = 3;

function hanCount(s: string): number {
  let n = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 0x4e00 && c <= 0x9fff) n++;
  }
  return n;
}

/** Indicators whose unit fits `unitClass` and whose words (nearWords.ts) are in `words`. */
export function indicatorsNamedIn(unitClass: UnitClass, words: string): string[] {
  return INDICATOR_IDS.filter((id) => unitFits(id, unitClass) && NEAR_WORDS[id]?.test(words));
}

/**
 * The report's uncounted numbers, in text order. `text` is the text the mentions were found in,
 * `sections` its findSections, `mentions` findMentions' result.
 */
export function findUncounted(text: string, sections: readonly Section[], mentions: readonly FoundMention[]): UncountedNumber[] {
  const spans = [...mentions].sort((a, b) => a.start - b.start);
  const byValue = new Map<number, FoundMention[]>();
  for (const m of mentions) byValue.set(m.value, [...(byValue.get(m.value) ?? []), m]);
  const excluded = sections.filter((s) => s.kind === "problems" || s.kind === "plans");
  const b = new Boundaries(text);
  const out: UncountedNumber[] = [];
  // every span read around a number reaches at most CONTEXT_REACH characters from it, as in
  // mentions.ts, so that a sentence of many figures is read in time proportional to its length
  let next = 0; // first counted span (by start) that may still overlap a later number
  let maxEnd = -1; // the furthest end of the spans before `next`
  for (const n of countingNumerals(text)) {
    // inside a counted figure's evidence (the figure itself, or a number naming its object)
    while (next < spans.length && spans[next]!.start < n.end) {
      maxEnd = Math.max(maxEnd, spans[next]!.end);
      next++;
    }
    if (maxEnd > n.start) continue;
    const clauseStart = Math.max(b.clauseStart(n.start), n.start - CONTEXT_REACH);
    const before = text.slice(clauseStart, n.start);
    // the clause's list item the number stands in (2名人民调解员、1名法律顾问: 法律顾问 only)
    const clauseEnd = Math.min(b.clauseEnd(n.end), n.end + CONTEXT_REACH);
    const itemStart = before.lastIndexOf("、") + clauseStart;
    const itemEnd = text.slice(n.end, clauseEnd).indexOf("、");
    const clause = text.slice(Math.max(clauseStart, itemStart + 1), itemEnd >= 0 ? n.end + itemEnd : clauseEnd);
    const sentence = text.slice(Math.max(b.sentenceStart(n.start), n.start - CONTEXT_REACH), Math.min(b.sentenceEnd(n.end), n.end + CONTEXT_REACH));
    const plausibleInClause = indicatorsNamedIn(n.unitClass, clause);
    const bare = hanCount(clause) - hanCount(text.slice(n.start, n.end)) <= BARE_CLAUSE_HAN;
    const plausible = plausibleInClause.length > 0 || !bare ? plausibleInClause : indicatorsNamedIn(n.unitClass, sentence);
    const ctx: NumberContext = {
      text,
      n,
      before,
      after: text.slice(n.end, n.end + 4),
      section: excluded.find((s) => n.token.start >= s.start && n.token.start < s.end),
      plausible,
      plausibleInClause,
      clause,
      sameValue: n.token.value >= REPEAT_MIN_VALUE ? (byValue.get(n.token.value) ?? []) : [],
    };
    const rule = RULES.find((r) => r.holds(ctx))!;
    out.push({
      value: n.token.value,
      qualifier: n.qualifier,
      unit: n.unit,
      start: n.start,
      end: n.end,
      kind: rule.kind,
      reason: rule.detail ? rule.detail(ctx) : UNCOUNTED_KIND_ZH[rule.kind],
      plausible: rule.kind === "no_indicator" || rule.kind === "repeat" ? plausible : [],
    });
  }
  return out;
}
