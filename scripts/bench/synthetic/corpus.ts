// The plan of a synthetic corpus: which township-years, in which order, under which file names.
// Townships are taken in a seeded random order, each with 2 or 3 consecutive years of 2022–2025
// (2.5 on average), so that N reports cover about N/2.5 townships. The plan of a smaller corpus is
// the start of a larger one with the same seed, and every report depends only on the seed, its
// township and its year.
import { syntheticTownships, type SyntheticTownship } from "./gazetteer.js";
import { createRng } from "./prng.js";

export const FIRST_YEAR = 2022;
export const LAST_YEAR = 2025;
/** Bumped whenever the generator's output changes, so that cached corpora are rebuilt. */
export const GENERATOR_VERSION = 3;

export interface PlannedReport {
  /** 0-based position in the corpus */
  index: number;
  township: SyntheticTownship;
  year: number;
  file: string;
}

export function fileNameOf(index: number, township: SyntheticTownship, year: number): string {
  return `${String(index + 1).padStart(6, "0")}_${township.code}_${year}.txt`;
}

/**
 * Where a corpus draws from: `within` a region (the 2-, 4- or 6-digit code of a province, city or
 * county: the site of that region), and with `years` every township has a report for each year of the
 * range (a county's site of 20 townships × 5 years) instead of 2 or 3 of 2022–2025.
 */
export interface PlanScope {
  within?: string;
  years?: { first: number; last: number };
}

/** Parses "2021-2025" (or one year) into a year range; an error names what is wrong. */
export function parseYears(text: string): { first: number; last: number } {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(text.trim());
  const first = Number(m?.[1]);
  const last = Number(m?.[2] ?? m?.[1]);
  if (!m || last < first || first < 2000 || last > 2100) throw new Error(`years must be YYYY or YYYY-YYYY (first ≤ last), not "${text}"`);
  return { first, last };
}

/** The synthetic townships within a region (a code prefix); an error when there are none. */
export function townshipsWithin(within: string | undefined): SyntheticTownship[] {
  if (within === undefined) return syntheticTownships();
  if (!/^(\d{2}|\d{4}|\d{6})$/.test(within)) throw new Error(`within must be a 2-, 4- or 6-digit region code, not "${within}"`);
  const out = syntheticTownships().filter((t) => t.code.startsWith(within));
  if (!out.length) throw new Error(`no township of the division list is within ${within}`);
  return out;
}

/** Township-years in corpus order, without end (until the townships run out: ~96,000 reports nationally). */
export function* corpusPlan(seed: string | number, scope: PlanScope = {}): Generator<PlannedReport> {
  const order = createRng(seed, "township-order").shuffle(townshipsWithin(scope.within));
  let index = 0;
  for (const township of order) {
    const rng = createRng(seed, "years", township.code);
    const count = scope.years ? scope.years.last - scope.years.first + 1 : rng.chance(0.5) ? 2 : 3;
    const first = scope.years ? scope.years.first : rng.int(FIRST_YEAR, LAST_YEAR - count + 1);
    for (let year = first; year < first + count; year++) {
      yield { index, township, year, file: fileNameOf(index, township, year) };
      index++;
    }
  }
}

/** The first `n` township-years of the corpus. */
export function planCorpus(n: number, seed: string | number, scope: PlanScope = {}): PlannedReport[] {
  const out: PlannedReport[] = [];
  if (n <= 0) return out;
  for (const p of corpusPlan(seed, scope)) {
    out.push(p);
    if (out.length >= n) return out;
  }
  throw new Error(`a corpus of ${n} reports needs more township-years than the division list has (${out.length})`);
}
