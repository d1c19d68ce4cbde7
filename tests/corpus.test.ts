// The extractor scored on the hand-labelled corpora, as ../shared/eval/score.mjs measures it.
// Seeds must be perfect; the dev corpus (real web copies) must stay above the floors below.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractBytes, toContractRecord } from "../src/lib/extract/extract.ts";
import { score, summaryLine, type GoldReport } from "../src/lib/extract/score.ts";

const FIX = join(import.meta.dirname, "fixtures");

function run(corpus: "seeds" | "dev") {
  const dir = join(FIX, "reports", corpus);
  const gold = JSON.parse(readFileSync(join(FIX, "eval", `gold-${corpus}.json`), "utf8")).reports as GoldReport[];
  const preds = readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => toContractRecord(extractBytes(join(dir, f), readFileSync(join(dir, f)))));
  return { gold, preds, result: score(gold, preds) };
}

describe.each(["seeds", "dev"] as const)("%s corpus", (corpus) => {
  const { gold, preds, result } = run(corpus);
  const misses = result.errors.join("\n");

  it("prints its scores and misses", () => {
    console.log(`${corpus}: ${summaryLine(result)}${misses ? `\n${misses}` : ""}`);
    expect(preds).toHaveLength(gold.length);
  });

  if (corpus === "seeds") {
    it("totals F1, mentions F1 and metadata are 100%", () => {
      expect(misses).toBe("");
      expect(result.totals.f1).toBe(1);
      expect(result.mentions.f1).toBe(1);
      expect(result.metadata).toBe(1);
    });
  } else {
    it("totals F1 ≥ 0.95, mentions F1 ≥ 0.95, metadata ≥ 0.95", () => {
      expect(result.totals.f1, misses).toBeGreaterThanOrEqual(0.95);
      expect(result.mentions.f1, misses).toBeGreaterThanOrEqual(0.95);
      expect(result.metadata, misses).toBeGreaterThanOrEqual(0.95);
    });
  }

  it("agrees with the reference scorer", () => {
    const tmp = mkdtempSync(join(tmpdir(), "fzzl-score-"));
    const predPath = join(tmp, "pred.json");
    writeFileSync(predPath, JSON.stringify({ reports: preds }));
    const out = execFileSync(process.execPath, [join(FIX, "eval", "score.mjs"), "--gold", join(FIX, "eval", `gold-${corpus}.json`), "--pred", predPath], {
      encoding: "utf8",
    });
    expect(out).toContain(summaryLine(result));
  });
});
