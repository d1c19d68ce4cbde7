// The indicators' 统计口径 as the pages show them: the Chinese texts of spec/indicators.json
// (counts_zh / not_zh), written from the English tables of spec/indicators.md §4
// (tests/specText.test.ts keeps the two in step).
import { INDICATORS } from "../extract/indicators.ts";

export interface IndicatorDefinition {
  id: string;
  /** what counts */
  counts: string;
  /** what does not count; "" when the spec names nothing */
  not: string;
}

export const DEFINITIONS: Map<string, IndicatorDefinition> = new Map(
  INDICATORS.map((i) => [i.id, { id: i.id, counts: i.counts_zh, not: i.not_zh }]),
);
