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

/** Township-years in corpus order, without end (until the townships run out: ~96,000 reports). */
export function* corpusPlan(seed: string | number): Generator<PlannedReport> {
  const order = createRng(seed, "township-order").shuffle(syntheticTownships());
  let index = 0;
  for (const township of order) {
    const rng = createRng(seed, "years", township.code);
    const count = rng.chance(0.5) ? 2 : 3;
    const first = rng.int(FIRST_YEAR, LAST_YEAR - count + 1);
    for (let year = first; year < first + count; year++) {
      yield { index, township, year, file: fileNameOf(index, township, year) };
      index++;
    }
  }
}

/** The first `n` township-years of the corpus. */
export function planCorpus(n: number, seed: string | number): PlannedReport[] {
  const out: PlannedReport[] = [];
  if (n <= 0) return out;
  for (const p of corpusPlan(seed)) {
    out.push(p);
    if (out.length >= n) return out;
  }
  throw new Error(`a corpus of ${n} reports needs more township-years than the division list has (${out.length})`);
}
