// Values beyond what one township reports in one year for an indicator: a mention above its
// ceiling is read with low confidence (shown as 待核实), since the figure more likely counts
// something else (5,000 study sessions are participants or a county's figure). One line per
// indicator; rates are bounded by 100 in any case.

/** Largest plausible yearly value per indicator (absent: no ceiling). */
export const PLAUSIBLE_MAX: Record<string, number> = {
  leadership_study_sessions: 200,
  training_sessions: 300,
  training_participants: 50_000,
  publicity_events: 3_000,
  publicity_materials: 1_000_000,
  publicity_reach: 2_000_000,
  online_publicity_posts: 20_000,
  disputes_handled: 20_000,
  disputes_resolved: 20_000,
  people_mediation_cases: 20_000,
  enforcement_cases: 50_000,
  enforcement_inspections: 100_000,
  rule_of_law_meetings: 60,
  legality_reviews: 5_000,
  contracts_reviewed: 10_000,
  legal_opinions: 5_000,
  legal_consultations: 100_000,
  admin_reconsideration_cases: 500,
  admin_litigation_cases: 500,
  legal_literates: 20_000,
  mediators: 5_000,
  emergency_drills: 500,
  dispute_resolution_rate: 100,
  petition_resolution_rate: 100,
  enforcement_certified_rate: 100,
};

/** Why `value` is implausible for `indicator`, or null when it is within its ceiling. */
export function implausible(indicator: string, value: number): string | null {
  const max = PLAUSIBLE_MAX[indicator];
  return max !== undefined && value > max ? `value ${value} above the plausible ${max} for ${indicator}` : null;
}
