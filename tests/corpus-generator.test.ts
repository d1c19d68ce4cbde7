// The synthetic benchmark corpus (scripts/bench/synthetic/, scripts/bench/): deterministic, real
// townships, realistic lengths, and realistic enough that the extractor reads its figures. The
// agreement check is a sanity check of the generator's wording, not a target for the extractor.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ensureCorpus, fileBytes, reportsDirOf } from "../scripts/bench/corpus.ts";
import { extractText } from "../src/lib/extract/extract.ts";
import { INDICATOR_IDS } from "../src/lib/extract/indicators.ts";
import { corpusPlan, planCorpus } from "../scripts/bench/synthetic/corpus.ts";
import { syntheticTownships } from "../scripts/bench/synthetic/gazetteer.ts";
import { createRng } from "../scripts/bench/synthetic/prng.ts";
import { MAX_CHARS, MIN_CHARS, generateReport, totalsOfMentions } from "../scripts/bench/synthetic/report.ts";
import { render, templateIndicators, type RenderState } from "../scripts/bench/synthetic/template.ts";
import { THEMES } from "../scripts/bench/synthetic/templates.ts";

const SEED = "42";

describe("prng", () => {
  it("is deterministic per seed and differs between seeds", () => {
    const a = createRng(1, "x");
    const b = createRng(1, "x");
    const c = createRng(2, "x");
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
  });

  it("draws integers in range, about uniformly", () => {
    const rng = createRng("u");
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[rng.int(0, 3)]!++;
    for (const c of counts) expect(c).toBeGreaterThan(850);
  });
});

describe("template language", () => {
  const state = (): RenderState => ({ rng: createRng("t"), vars: { T: "沙市镇" }, mentions: [], used: new Map() });

  it("records each figure it writes, with parts and zeros", () => {
    const st = state();
    const text = render("{T}开展集中普法宣传{#PE:次}，其中深入辖区企业宣传{#PE:次:part}。{0:ARC}无行政复议案件发生。", st);
    expect(text).toMatch(/^沙市镇开展集中普法宣传.*\d.*次，其中深入辖区企业宣传.*\d.*次。无行政复议案件发生。$/);
    expect(st.mentions.map((m) => [m.indicator, m.part])).toEqual([
      ["publicity_events", false],
      ["publicity_events", true],
      ["admin_reconsideration_cases", false],
    ]);
    const [total, part] = st.mentions;
    expect(part!.value).toBeLessThan(total!.value);
    expect(st.mentions[2]!.value).toBe(0);
  });

  it("names the indicators of a template", () => {
    expect(templateIndicators("排查{#DH:件}，化解{#DR:件:near=DH}{0:ARC}")).toEqual(["disputes_handled", "disputes_resolved", "admin_reconsideration_cases"]);
  });

  it("every indicator has figure sentences", () => {
    const covered = new Set(THEMES.flatMap((th) => th.figures.flatMap(templateIndicators)));
    expect([...INDICATOR_IDS].filter((id) => !covered.has(id))).toEqual([]);
  });
});

describe("totals", () => {
  it("sum distinct mentions, leave parts out, take a rate's first mention", () => {
    const t = totalsOfMentions([
      { indicator: "publicity_events", value: 56, qualifier: "exact", part: false },
      { indicator: "publicity_events", value: 10, qualifier: "at_least", part: true },
      { indicator: "publicity_events", value: 8, qualifier: "at_least", part: false },
      { indicator: "dispute_resolution_rate", value: 98, qualifier: "exact", part: false },
    ]);
    expect(t.publicity_events).toEqual({ value: 64, qualifier: "at_least", mentions: 3 });
    expect(t.dispute_resolution_rate).toEqual({ value: 98, qualifier: "exact", mentions: 1 });
  });
});

describe("corpus plan", () => {
  it("takes real townships, 2–3 years each in 2022–2025, each township-year once", () => {
    expect(syntheticTownships().length).toBeGreaterThan(35_000);
    const plan = planCorpus(5000, SEED);
    const keys = new Set(plan.map((p) => `${p.township.code}:${p.year}`));
    expect(keys.size).toBe(plan.length);
    const townships = new Set(plan.map((p) => p.township.code));
    expect(plan.length / townships.size).toBeGreaterThan(2.3);
    expect(plan.length / townships.size).toBeLessThan(2.7);
    for (const p of plan) {
      expect(p.year).toBeGreaterThanOrEqual(2022);
      expect(p.year).toBeLessThanOrEqual(2025);
      expect(p.township.name).toMatch(/(镇|乡|街道|苏木)$/);
    }
  });

  it("a smaller corpus is the start of a larger one", () => {
    const small = planCorpus(50, SEED).map((p) => p.file);
    expect(planCorpus(120, SEED).slice(0, 50).map((p) => p.file)).toEqual(small);
    const it = corpusPlan(SEED);
    expect(it.next().value?.file).toBe(small[0]);
  });
});

describe("reports", () => {
  const sample = planCorpus(200, SEED);
  const generated = sample.map((p) => ({ p, g: generateReport(p.township, p.year, SEED) }));

  it("are the same text for the same seed, another for another seed", () => {
    const p = sample[7]!;
    expect(generateReport(p.township, p.year, SEED).text).toBe(generated[7]!.g.text);
    expect(generateReport(p.township, p.year, "43").text).not.toBe(generated[7]!.g.text);
  });

  it("run 2,500–12,000 characters, about 5,000 on average", () => {
    const lengths = generated.map(({ g }) => g.text.length);
    for (const l of lengths) {
      expect(l).toBeGreaterThanOrEqual(MIN_CHARS);
      expect(l).toBeLessThanOrEqual(MAX_CHARS);
    }
    const mean = lengths.reduce((a, b) => a + b, 0) / lengths.length;
    expect(mean).toBeGreaterThan(4000);
    expect(mean).toBeLessThan(6500);
    expect(lengths.some((l) => l > 8000)).toBe(true);
  });

  it("name their township, year and county, and have the usual sections", () => {
    for (const { p, g } of generated) {
      expect(g.text).toContain(p.township.name);
      expect(g.text).toContain(p.township.county);
      expect(g.text).toContain(String(p.year));
      expect(g.text).toMatch(/存在|不足/);
      expect(g.text).toMatch(/下一步|工作思路|安排|打算/);
      for (const id of Object.keys(g.truth.indicators)) expect(INDICATOR_IDS).toContain(id);
    }
    const perReport = generated.map(({ g }) => Object.keys(g.truth.indicators).length);
    expect(Math.min(...perReport)).toBeGreaterThan(0);
    expect(Math.max(...perReport)).toBeLessThan(INDICATOR_IDS.length); // some indicators are always left out
  });

  it("the extractor reads at least 95% of the generated totals (generator realism)", () => {
    let totals = 0;
    let values = 0;
    let qualifiers = 0;
    let extra = 0;
    let meta = 0;
    let region = 0;
    const misses = new Map<string, number>();
    for (const { p, g } of generated) {
      const rec = extractText(p.file, g.text);
      if (rec.township === g.truth.township && rec.year === g.truth.year) meta++;
      if (rec.code === g.truth.code) region++;
      for (const [id, want] of Object.entries(g.truth.indicators)) {
        totals++;
        const got = rec.indicators[id];
        if (got && Math.abs(got.value - want.value) < 1e-9) {
          values++;
          if (got.qualifier === want.qualifier) qualifiers++;
        } else misses.set(id, (misses.get(id) ?? 0) + 1);
      }
      extra += Object.keys(rec.indicators).filter((id) => !g.truth.indicators[id]).length;
    }
    const pct = (x: number, of: number) => `${((100 * x) / of).toFixed(1)}%`;
    console.log(
      `synthetic corpus, ${generated.length} reports: totals ${pct(values, totals)} of ${totals} (qualifier too: ${pct(qualifiers, totals)}), ` +
        `township+year ${pct(meta, generated.length)}, region code ${pct(region, generated.length)}, extra totals ${extra}; ` +
        `misses by indicator: ${[...misses].map(([k, v]) => `${k} ${v}`).join(", ") || "none"}`,
    );
    expect(values / totals).toBeGreaterThanOrEqual(0.95);
    expect(qualifiers / totals).toBeGreaterThanOrEqual(0.93);
    expect(meta / generated.length).toBeGreaterThanOrEqual(0.98);
    expect(region / generated.length).toBeGreaterThanOrEqual(0.97);
    expect(extra / totals).toBeLessThan(0.05);
  });
});

describe("corpus files", () => {
  it("are byte-identical for a seed, with truth.json and manifest.json beside them", () => {
    const a = mkdtempSync(join(tmpdir(), "fzzl-corpus-"));
    const b = mkdtempSync(join(tmpdir(), "fzzl-corpus-"));
    try {
      const ra = ensureCorpus({ n: 12, seed: SEED }, { out: join(a, "c"), force: true });
      ensureCorpus({ n: 12, seed: SEED }, { out: join(b, "c"), force: true });
      const files = readdirSync(reportsDirOf(ra.dir)).sort();
      expect(files).toHaveLength(12);
      for (const f of files) expect(readFileSync(join(reportsDirOf(ra.dir), f)).equals(readFileSync(join(reportsDirOf(join(b, "c")), f)))).toBe(true);
      const truth = JSON.parse(readFileSync(join(ra.dir, "truth.json"), "utf8"));
      expect(truth.reports.map((r: { file: string }) => r.file)).toEqual(files);
      expect(ra.manifest.files).toBe(12);
      expect(ra.manifest.bytes).toBe(files.reduce((s, f) => s + readFileSync(join(reportsDirOf(ra.dir), f)).length, 0));
      // a matching corpus is reused
      expect(ensureCorpus({ n: 12, seed: SEED }, { out: join(a, "c") }).reused).toBe(true);
    } finally {
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
  });

  it("never go into data/reports/", () => {
    expect(() => ensureCorpus({ n: 1, seed: SEED }, { out: join(import.meta.dirname, "..", "data", "reports", "x"), force: true })).toThrow(/data\/reports/);
  });

  it("are UTF-8, sometimes with a BOM or CRLF", () => {
    const bytes = Array.from({ length: 200 }, (_, i) => fileBytes("一\n二", SEED, String(i), 2024));
    expect(bytes.some((b) => b[0] === 0xef)).toBe(true);
    expect(bytes.some((b) => b.includes(0x0d))).toBe(true);
    expect(bytes.every((b) => b.toString("utf8").replace(/^\uFEFF/, "").replace(/\r\n/g, "\n") === "一\n二")).toBe(true);
  });
});
