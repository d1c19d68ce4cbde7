// Figures of the synthetic reports: the range each indicator's values are drawn from, and how a
// value is written with its qualifier (3000余份, 近20次, 约500人次, 98%以上, 1.2万, 两万余, 百余).
import type { Qualifier } from "../../../src/lib/extract/types.js";
import type { Rng } from "./prng.js";

/** Short names the templates use for the 25 indicators of spec/indicators.md. */
export const ALIASES: Record<string, string> = {
  L: "leadership_study_sessions",
  TS: "training_sessions",
  TP: "training_participants",
  PE: "publicity_events",
  PM: "publicity_materials",
  PR: "publicity_reach",
  OP: "online_publicity_posts",
  DH: "disputes_handled",
  DR: "disputes_resolved",
  DRR: "dispute_resolution_rate",
  PMC: "people_mediation_cases",
  PRR: "petition_resolution_rate",
  EC: "enforcement_cases",
  EI: "enforcement_inspections",
  ECR: "enforcement_certified_rate",
  RM: "rule_of_law_meetings",
  LR: "legality_reviews",
  CR: "contracts_reviewed",
  LO: "legal_opinions",
  LC: "legal_consultations",
  ARC: "admin_reconsideration_cases",
  ALC: "admin_litigation_cases",
  LL: "legal_literates",
  MED: "mediators",
  ED: "emergency_drills",
};

/** [lowest, highest] value of a count, drawn log-uniformly; rates are drawn separately. */
export const COUNT_RANGES: Record<string, [number, number]> = {
  leadership_study_sessions: [2, 24],
  training_sessions: [1, 30],
  training_participants: [20, 2400],
  publicity_events: [3, 160],
  publicity_materials: [200, 30000],
  publicity_reach: [300, 50000],
  online_publicity_posts: [10, 600],
  disputes_handled: [12, 650],
  disputes_resolved: [10, 600],
  people_mediation_cases: [5, 300],
  enforcement_cases: [1, 320],
  enforcement_inspections: [10, 900],
  rule_of_law_meetings: [1, 12],
  legality_reviews: [1, 60],
  contracts_reviewed: [3, 150],
  legal_opinions: [1, 40],
  legal_consultations: [10, 3200],
  admin_reconsideration_cases: [1, 4],
  admin_litigation_cases: [1, 9],
  legal_literates: [10, 320],
  mediators: [2, 60],
  emergency_drills: [1, 20],
};

export const RATE_IDS = new Set(["dispute_resolution_rate", "petition_resolution_rate", "enforcement_certified_rate"]);

/** A rate as reports give it: mostly 100% for petitions and certificates, 9x% with one decimal at times. */
export function drawRate(id: string, rng: Rng): number {
  const full = id === "dispute_resolution_rate" ? 0.35 : 0.7;
  if (rng.chance(full)) return 100;
  const v = rng.int(900, 999) / 10;
  return rng.chance(0.55) ? Math.round(v) : v;
}

function floorTo(v: number, step: number): number {
  return Math.max(step, Math.floor(v / step) * step);
}

/** A round number near v, as reports write figures with 余/近/约 (3000余, 近200, 约50). */
export function roundish(v: number, rng: Rng, dir: "down" | "up" | "near"): number {
  const step = v < 100 ? 10 : v < 1000 ? rng.pick([10, 50, 100]) : v < 10000 ? rng.pick([100, 500, 1000]) : rng.pick([1000, 10000]);
  if (dir === "down") return floorTo(v, step);
  if (dir === "up") return Math.ceil(v / step) * step;
  return Math.max(step, Math.round(v / step) * step);
}

const CN_DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 10 → 十, 30 → 三十, 100 → 百, 300 → 三百, 20000 → 两万; null for other values. */
export function chineseRound(v: number): string | null {
  if (v === 10) return "十";
  if (v === 100) return "百";
  if (v < 100 && v % 10 === 0 && v > 10) return `${CN_DIGITS[v / 10]}十`;
  if (v < 1000 && v % 100 === 0) return `${CN_DIGITS[v / 100]}百`;
  if (v < 100000 && v % 10000 === 0) return `${v === 20000 ? "两" : CN_DIGITS[v / 10000]}万`;
  return null;
}

/** Arabic digits, with 万 for large round values (1.2万, 3万) now and then. */
function arabic(v: number, rng: Rng): string {
  if (v >= 10000 && v % 1000 === 0 && rng.chance(0.35)) return `${v / 10000}万`;
  return String(v);
}

export interface WrittenFigure {
  text: string;
  value: number;
  qualifier: Qualifier;
}

export type FigureMode = "count" | "part" | "exact" | "rate";

/** Writes a count with its unit and a qualifier chosen at random (exact most of the time). */
export function writeFigure(v: number, unit: string, rng: Rng, mode: FigureMode): WrittenFigure {
  if (mode === "rate") {
    const pct = rng.chance(0.15) ? "％" : "%";
    if (v < 100 && rng.chance(0.12)) return { text: `${v}${pct}以上`, value: v, qualifier: "at_least" };
    return { text: `${v}${pct}`, value: v, qualifier: "exact" };
  }
  if (mode === "exact" || v < 10) return { text: `${arabic(v, rng)}${unit}`, value: v, qualifier: "exact" };
  const q: Qualifier =
    mode === "part"
      ? rng.weighted<Qualifier>([["exact", 0.8], ["at_least", 0.2]])
      : rng.weighted<Qualifier>([["exact", 0.66], ["at_least", 0.26], ["at_most", 0.04], ["approx", 0.04]]);
  if (q === "exact") return { text: `${arabic(v, rng)}${unit}`, value: v, qualifier: "exact" };
  if (q === "at_least") {
    const r = roundish(v, rng, "down");
    const cn = chineseRound(r);
    if (cn && rng.chance(0.08)) return { text: `${cn}余${unit}`, value: r, qualifier: "at_least" };
    const n = arabic(r, rng);
    const style = rng.weighted([["余", 0.55], ["多", 0.12], ["以上", 0.18], ["超过", 0.1], ["逾", 0.05]] as const);
    const text =
      style === "余" || style === "多" ? `${n}${style}${unit}` : style === "以上" ? `${n}${unit}以上` : `${style}${n}${unit}`;
    return { text, value: r, qualifier: "at_least" };
  }
  if (q === "at_most") {
    const r = roundish(v, rng, "up");
    return { text: `${rng.chance(0.7) ? "近" : "将近"}${arabic(r, rng)}${unit}`, value: r, qualifier: "at_most" };
  }
  const r = roundish(v, rng, "near");
  return { text: rng.chance(0.6) ? `约${arabic(r, rng)}${unit}` : `${arabic(r, rng)}${unit}左右`, value: r, qualifier: "approx" };
}
