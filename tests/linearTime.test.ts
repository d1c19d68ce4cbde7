// Extraction takes time proportional to the report's length, whatever the report: one sentence of
// tens of thousands of figures (a table flattened into one line) included. Not a wall-clock
// threshold: the same pathological text at two sizes, 8× apart, must take less than 3× the time a
// character (linear: about 8× the time; quadratic: about 64×). Absolute figures are in
// BENCHMARKS.md ("Pathological input").
import { describe, expect, it } from "vitest";
import { pathologicalReport as pathological } from "../scripts/bench/pathological.ts";
import { extractText } from "../src/lib/extract/extract.ts";

/** Fastest of a few runs, in ms (the machine is shared: the fastest run is the least disturbed). */
function fastest(text: string, runs = 3): number {
  let best = Infinity;
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    const rec = extractText("pathological.txt", text);
    best = Math.min(best, performance.now() - t0);
    expect(rec.errors).toEqual([]);
  }
  return best;
}

describe("extraction time grows linearly with the text", () => {
  it.each([
    ["clauses apart (，)", "，"],
    ["one clause (、)", "、"],
    ["no punctuation at all", ""],
  ])("one sentence of many figures, %s", (_name, separator) => {
    const small = pathological(4_000, separator);
    const large = pathological(32_000, separator);
    fastest(small, 1); // warm up: the division list, compiled code
    const perCharSmall = fastest(small) / small.length;
    const perCharLarge = fastest(large) / large.length;
    expect(perCharLarge / perCharSmall).toBeLessThan(3);
  });

  it("the figures of such a sentence are still read", () => {
    const rec = extractText("pathological.txt", pathological(1_000, "，"));
    expect(rec.indicators.publicity_events?.mentions.length).toBeGreaterThan(50);
    expect(rec.indicators.publicity_materials?.value).toBe(100 * 26_000);
  });
});
