// The 25 indicators of spec/indicators.json, with the unit classes each can be counted in.
import spec from "../../../spec/indicators.json" with { type: "json" };
import type { UnitClass } from "./units.js";

export interface IndicatorSpec {
  id: string;
  category: string;
  label_zh: string;
  label_en: string;
  unit: string;
  kind: "count" | "rate";
  /** 统计口径 in Chinese, written from spec/indicators.md §4: what counts … */
  counts_zh: string;
  /** … and what does not ("" where the spec names nothing) */
  not_zh: string;
}

export interface CategorySpec {
  id: string;
  label_zh: string;
  label_en: string;
}

export const INDICATORS: IndicatorSpec[] = spec.indicators as IndicatorSpec[];
export const CATEGORIES: CategorySpec[] = spec.categories;
export const INDICATOR_IDS = INDICATORS.map((i) => i.id);
const BY_ID = new Map(INDICATORS.map((i) => [i.id, i]));

export function indicatorSpec(id: string): IndicatorSpec | undefined {
  return BY_ID.get(id);
}

export function isRate(id: string): boolean {
  return BY_ID.get(id)?.kind === "rate";
}

/** Unit classes a figure of each indicator may carry (spec §4 units, with the variants reports use). */
const UNIT_CLASSES: Record<string, UnitClass[]> = {
  leadership_study_sessions: ["sessions"],
  training_sessions: ["sessions"],
  training_participants: ["person_times", "persons"],
  publicity_events: ["sessions"],
  publicity_materials: ["copies"],
  publicity_reach: ["person_times", "persons"],
  online_publicity_posts: ["items"],
  disputes_handled: ["cases"],
  disputes_resolved: ["cases"],
  dispute_resolution_rate: ["percent"],
  people_mediation_cases: ["cases"],
  petition_resolution_rate: ["percent"],
  enforcement_cases: ["cases"],
  enforcement_inspections: ["sessions", "cases", "visits"],
  enforcement_certified_rate: ["percent"],
  rule_of_law_meetings: ["sessions"],
  legality_reviews: ["cases", "sessions", "copies"],
  contracts_reviewed: ["copies", "cases", "sessions"],
  legal_opinions: ["cases", "sessions", "copies", "items"],
  legal_consultations: ["person_times", "sessions", "persons"],
  admin_reconsideration_cases: ["cases"],
  admin_litigation_cases: ["cases"],
  legal_literates: ["persons"],
  mediators: ["persons"],
  emergency_drills: ["sessions"],
};

export function unitFits(id: string, unitClass: UnitClass): boolean {
  return UNIT_CLASSES[id]?.includes(unitClass) ?? false;
}
