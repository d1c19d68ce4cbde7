// src/lib/extract/score.ts must compute exactly what the reference evaluator
// tests/fixtures/eval/score.mjs computes. Each case builds a prediction from the
// gold labels, runs the reference on it and compares its output line by line.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  basename,
  goldTotals,
  indicatorRows,
  metadataLine,
  score,
  summaryLine,
  type GoldReport,
  type PredReport,
  type Score,
} from "../src/lib/extract/score";

const EVAL_DIR = resolve(import.meta.dirname, "fixtures/eval");
const SCORE_MJS = join(EVAL_DIR, "score.mjs");
const GOLD_FILES = ["gold-seeds.json", "gold-dev.json"] as const;

const tmp = mkdtempSync(join(tmpdir(), "score-test-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface GoldFile {
  reports: GoldReport[];
  [k: string]: unknown;
}

const loadGold = (name: string): GoldFile => JSON.parse(readFileSync(join(EVAL_DIR, name), "utf8")) as GoldFile;
const clone = <T>(x: T): T => structuredClone(x);

// Predictions are built loosely: some cases put values of the wrong type on purpose.
type Loose = Record<string, unknown>;
interface LooseIndicator {
  value: unknown;
  qualifier?: string;
  mentions: { value: unknown; qualifier?: string; part?: boolean }[];
}
interface LoosePred extends Loose {
  file: string;
  indicators: Record<string, LooseIndicator>;
}

/** What score.mjs prints, cut into its parts. */
interface RefOutput {
  reportsLine: string;
  metadataLine: string;
  rows: string[];
  errorsBlock: string;
  qualifiersLine: string;
  summaryLine: string;
}

let counter = 0;

function runReference(gold: GoldFile, preds: unknown[], wrap: boolean): RefOutput {
  counter += 1;
  const goldPath = join(tmp, `gold-${counter}.json`);
  const predPath = join(tmp, `pred-${counter}.json`);
  writeFileSync(goldPath, JSON.stringify(gold));
  writeFileSync(predPath, JSON.stringify(wrap ? { reports: preds } : preds));
  const out = execFileSync(process.execPath, [SCORE_MJS, "--gold", goldPath, "--pred", predPath, "--errors"], {
    encoding: "utf8",
  });
  return parseOutput(out);
}

function parseOutput(out: string): RefOutput {
  const lines = out.replace(/\n$/, "").split("\n");
  const header = lines.indexOf("indicator                      gold pred  right  tot-P  tot-R | m-tp m-fp m-fn");
  expect(header).toBe(3);
  let end = header + 1;
  while (lines[end] !== "") end += 1;
  const rows = lines.slice(header + 1, end);
  // after the table: a blank line, then the error lines (a quote may hold a
  // line break), a blank line, the qualifiers line and the summary
  const rest = lines.slice(end + 1).join("\n");
  const q = rest.lastIndexOf("qualifiers right: ");
  expect(q).toBeGreaterThanOrEqual(0);
  const errorsBlock = q === 0 ? "" : rest.slice(0, q - 2);
  if (q > 0) expect(rest.slice(q - 2, q)).toBe("\n\n");
  const [qualifiersLine = "", summary = "", ...more] = rest.slice(q).split("\n");
  expect(more).toEqual([]);
  return {
    reportsLine: lines[0] ?? "",
    metadataLine: lines[1] ?? "",
    rows,
    errorsBlock,
    qualifiersLine,
    summaryLine: summary,
  };
}

/** Runs both scorers and checks they agree on everything score.mjs prints. */
function agree(gold: GoldFile, preds: unknown[], wrap = true): Score {
  const ref = runReference(gold, preds, wrap);
  const s = score(gold.reports, preds as PredReport[]);
  expect(summaryLine(s)).toBe(ref.summaryLine);
  expect(metadataLine(s)).toBe(ref.metadataLine);
  // the metadata line's counts, read back from the reference output
  const counts = Object.fromEntries(
    ref.metadataLine
      .replace(/^metadata: /, "")
      .split(", ")
      .map((part) => {
        const m = /^(\w+) (\d+)\/(\d+)$/.exec(part);
        expect(m).not.toBeNull();
        return [m![1]!, { right: Number(m![2]), all: Number(m![3]) }];
      }),
  );
  expect(s.metadataByField).toEqual(counts);
  expect(indicatorRows(s)).toEqual(ref.rows);
  expect(`qualifiers right: ${s.qualifiers.right}/${s.qualifiers.all}`).toBe(ref.qualifiersLine);
  expect(ref.reportsLine).toBe(
    `reports: ${gold.reports.length} gold, ${preds.length} predicted, ${s.missingRecords} without a record`,
  );
  // the error lines: the same text in the same order (hence the same set)
  expect(s.errors.join("\n")).toBe(ref.errorsBlock);
  const lineSet = (text: string): Set<string> => new Set(text ? text.split("\n") : []);
  expect(lineSet(s.errors.join("\n"))).toEqual(lineSet(ref.errorsBlock));
  return s;
}

// ---- predictions derived from gold ----

/** A perfect prediction: gold metadata, totals by the gold rule, every mention with its part flag. */
function perfect(gold: GoldFile): LoosePred[] {
  return gold.reports.map((g) => {
    const gt = goldTotals(g);
    const indicators: Record<string, LooseIndicator> = {};
    for (const m of g.mentions) {
      const ind = (indicators[m.indicator] ??= { value: gt[m.indicator]?.[0] ?? null, qualifier: "exact", mentions: [] });
      ind.mentions.push({ value: m.value, qualifier: m.qualifier, part: Boolean(m.part) });
    }
    for (const [id, vs] of Object.entries(gt)) indicators[id] ??= { value: vs[0] ?? null, mentions: [] };
    return {
      file: g.file,
      township: g.township,
      county: g.county,
      city: g.city ?? null,
      province: g.province,
      code: g.code,
      year: g.year,
      indicators,
      warnings: [],
      errors: [],
    };
  });
}

function dropIndicators(gold: GoldFile): LoosePred[] {
  return perfect(gold).map((p, i) => {
    Object.keys(p.indicators).forEach((id, j) => {
      if ((i + j) % 2 === 1) delete p.indicators[id];
    });
    return p;
  });
}

function wrongValues(gold: GoldFile): LoosePred[] {
  return perfect(gold).map((p, i) => {
    Object.entries(p.indicators).forEach(([, ind], j) => {
      switch ((i + j) % 7) {
        case 0: // a wrong total
          if (typeof ind.value === "number") ind.value += 1;
          break;
        case 1: // an extra mention, and the same mention twice
          ind.mentions.push({ value: 12345, qualifier: "exact", part: false });
          if (ind.mentions[0]) ind.mentions.push({ ...ind.mentions[0], part: false });
          break;
        case 2: // wrong qualifiers
          for (const m of ind.mentions) m.qualifier = m.qualifier === "approx" ? "exact" : "approx";
          break;
        case 3: // qualifiers left out count as exact
          for (const m of ind.mentions) delete m.qualifier;
          break;
        case 4: // a total shown as text, off by less than the tolerance
          if (typeof ind.value === "number") ind.value = ind.value + 1e-12;
          for (const m of ind.mentions) m.value = String(m.value);
          break;
        case 5: // a total not shown, a mention value read wrongly
          ind.value = null;
          if (ind.mentions[0]) ind.mentions[0].value = Number(ind.mentions[0].value) * 10 + 1;
          break;
        default: // a part shown as a whole mention with a wrong value
          ind.mentions.push({ value: 777, part: true });
      }
    });
    p.indicators.made_up_indicator = { value: 7, mentions: [{ value: 7, qualifier: "exact" }] };
    p.indicators.dispute_resolution_rate = { value: 50, mentions: [{ value: 50 }] };
    return p;
  });
}

function wrongMetadata(gold: GoldFile): LoosePred[] {
  return perfect(gold).map((p, i) => {
    switch (i % 9) {
      case 0:
        p.township = "某某镇";
        p.year = 1999;
        break;
      case 1:
        p.county = null;
        p.code = Number(p.code); // same digits as a number: still right
        break;
      case 2:
        p.year = String(p.year); // "2024" equals 2024
        p.province = "";
        break;
      case 3:
        delete p.township;
        delete p.year;
        break;
      case 4:
        p.code = `${String(p.code)} `;
        p.county = "";
        break;
      case 5:
        for (const k of ["township", "county", "province", "code", "year"]) p[k] = "";
        break;
      case 6:
        for (const k of ["township", "county", "province", "code", "year"]) p[k] = "x";
        break;
      default:
        p.province = `${String(p.province)}省`;
    }
    return p;
  });
}

function missingRecords(gold: GoldFile): LoosePred[] {
  const preds = perfect(gold).filter((_, i) => i % 3 !== 1);
  preds.forEach((p, i) => {
    // paired by base name, whatever the directory
    if (i % 2 === 0) p.file = `/somewhere/else/${basename(p.file)}`;
  });
  const extra = perfect(gold)[0]!;
  extra.file = "not-in-gold.txt";
  return [...preds, extra];
}

function partsUnmarked(gold: GoldFile): LoosePred[] {
  return perfect(gold).map((p, i) => {
    const g = gold.reports[i]!;
    for (const ind of Object.values(p.indicators)) for (const m of ind.mentions) m.part = false;
    // and the total wrongly counts the parts too
    for (const m of g.mentions) {
      const ind = p.indicators[m.indicator];
      if (m.part && ind) ind.value = Number(ind.value ?? 0) + m.value;
    }
    return p;
  });
}

/** Later records for the same file win; records with an odd shape still count. */
function duplicatesAndOddShapes(gold: GoldFile): unknown[] {
  const good = perfect(gold);
  const bad = wrongValues(gold);
  const out: unknown[] = [...good.slice(0, 2), ...bad.slice(0, 2), ...good.slice(2)];
  out.push({ file: "" }, { indicators: null }, { file: "x.txt", indicators: { a: null, b: { value: 1 } } });
  const first = good[0];
  if (first) out.push({ file: first.file, indicators: { made_up: { value: null, mentions: [{ value: 3, part: false }] } } });
  return out;
}

/** A deterministic pseudo-random generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomMutation(gold: GoldFile, seed: number): LoosePred[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const preds = perfect(gold).filter(() => r() > 0.1);
  for (const p of preds) {
    for (const [id, ind] of Object.entries(p.indicators)) {
      const x = r();
      if (x < 0.1) delete p.indicators[id];
      else if (x < 0.2) ind.value = Number(ind.value ?? 0) + pick([1, -1, 10, 0.5]);
      else if (x < 0.25) ind.value = null;
      for (const m of ind.mentions) {
        const y = r();
        if (y < 0.05) m.part = !m.part;
        else if (y < 0.1) m.value = Number(m.value) + 1;
        else if (y < 0.15) m.qualifier = pick(["exact", "at_least", "approx", "at_most"]);
        else if (y < 0.18) delete m.qualifier;
      }
      if (r() < 0.1) ind.mentions = ind.mentions.filter(() => r() > 0.5);
      if (r() < 0.1) ind.mentions.push({ value: Math.floor(r() * 100), qualifier: "exact" });
    }
    if (r() < 0.2) p.township = pick(["", null, "某镇", p.township]);
    if (r() < 0.1) p.year = pick([2020, null, String(p.year)]);
  }
  return preds;
}

/** Gold with some mentions marked as repeats, to exercise the totals rule. */
function withRepeats(gold: GoldFile): GoldFile {
  const g = clone(gold);
  for (const r of g.reports) r.mentions.forEach((m, i) => i % 4 === 3 && !m.part && (m.repeat = true));
  return g;
}

describe.each(GOLD_FILES)("score.ts agrees with score.mjs on %s", (goldName) => {
  const gold = loadGold(goldName);

  it("scores a perfect prediction 1/1/1 with no errors", () => {
    const s = agree(gold, perfect(gold));
    expect(s.totals).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(s.mentions).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(s.metadata).toBe(1);
    expect(s.errors).toEqual([]);
    expect(s.missingRecords).toBe(0);
    expect(s.qualifiers.right).toBe(s.qualifiers.all);
    expect(summaryLine(s)).toBe(
      "summary: totals P 100.0% R 100.0% F1 100.0% | mentions P 100.0% R 100.0% F1 100.0% | metadata 100.0%",
    );
  });

  it("perfect, as a bare array", () => {
    agree(gold, perfect(gold), false);
  });

  it("some indicators dropped", () => {
    const s = agree(gold, dropIndicators(gold));
    expect(s.totals.recall).toBeLessThan(1);
    expect(s.totals.precision).toBe(1);
  });

  it("wrong values, qualifiers and extra mentions", () => {
    const s = agree(gold, wrongValues(gold));
    expect(s.mentions.precision).toBeLessThan(1);
    expect(s.qualifiers.right).toBeLessThan(s.qualifiers.all);
  });

  it("metadata wrong, blank or of another type", () => {
    const s = agree(gold, wrongMetadata(gold));
    expect(s.metadata).toBeLessThan(1);
  });

  it("missing records, other directories, an extra record", () => {
    const s = agree(gold, missingRecords(gold));
    expect(s.missingRecords).toBeGreaterThan(0);
  });

  it("parts not marked as parts", () => {
    const s = agree(gold, partsUnmarked(gold));
    // unmarked parts are not extra mentions; only the totals suffer
    expect(s.mentions.precision).toBe(1);
  });

  it("an empty prediction", () => {
    const s = agree(gold, []);
    expect(s.missingRecords).toBe(gold.reports.length);
    agree(gold, [], false);
  });

  it("duplicate records and odd shapes", () => {
    agree(gold, duplicatesAndOddShapes(gold));
  });

  it("gold with repeat mentions", () => {
    const g = withRepeats(gold);
    expect(g.reports.some((r) => r.mentions.some((m) => m.repeat))).toBe(true);
    agree(g, perfect(gold)); // totals summed over the repeats too: wrong
    const s = agree(g, perfect(g));
    expect(s.totals.f1).toBe(1);
    expect(s.mentions.f1).toBe(1);
  });

  it.each(Array.from({ length: 12 }, (_, i) => i + 1))("random mutation %i", (seed) => {
    agree(gold, randomMutation(gold, seed * 7919 + goldName.length));
  });
});

describe("score.ts on its own", () => {
  it("takes 0/0 as 1 and F1 of zeros as 0", () => {
    const s = score([], []);
    expect(s.totals).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(s.metadata).toBe(1);
    const g: GoldReport = {
      file: "a.txt",
      township: null,
      county: null,
      province: null,
      code: null,
      year: null,
      mentions: [{ indicator: "publicity_events", value: 3, qualifier: "exact", quote: "q" }],
    };
    const wrong = score([g], [{ file: "a.txt", indicators: { publicity_events: { value: 4, mentions: [{ value: 4 }] } } }]);
    expect(wrong.totals).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(wrong.mentions).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(wrong.metadata).toBe(1);
  });

  it("takes the base name as node:path does", () => {
    expect(basename("a/b/c.txt")).toBe("c.txt");
    expect(basename("/x/y/")).toBe("y");
    expect(basename("c.txt")).toBe("c.txt");
    expect(basename("/")).toBe("");
    expect(basename("")).toBe("");
  });
});
