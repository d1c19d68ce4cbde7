// Properties that hold for any input: the extractor never throws, every evidence span quotes its
// number, and totals are the spec's rule (§3) applied to the mentions.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractText, type ExtractedReport } from "../src/lib/extract/extract.ts";
import { isRate } from "../src/lib/extract/indicators.ts";
import { findNumerals } from "../src/lib/extract/numbers.ts";
import { normalize } from "../src/lib/extract/normalize.ts";

const DIR = join(import.meta.dirname, "fixtures", "reports");
const REPORTS = ["seeds", "dev"].flatMap((c) => readdirSync(join(DIR, c)).map((f) => readFileSync(join(DIR, c, f), "utf8")));

/** Words reports are made of, so that random text reaches the classifier's rules. */
const WORDS = [
  "开展", "普法宣传", "活动", "培训", "法治", "干部职工", "党委理论学习中心组", "学法", "其中", "化解", "矛盾纠纷", "排查",
  "行政处罚", "案件", "合同", "审查", "法律意见", "咨询", "覆盖群众", "发放", "宣传资料", "无", "行政复议", "行政诉讼",
  "应急演练", "人民调解", "调解员", "法律明白人", "专题会议", "持证率", "次", "场", "件", "份", "人次", "名", "%", "余", "近",
  "约", "超", "，", "、", "。", "\n", "（", "）", "一、存在的问题\n", "二、下一步打算\n", "每年", "不少于", "2024年", "百余", "两万",
  "3·15", "〔2025〕19号", "第3", "12345", "1+1+N", "１２", "９８％",
];
const reportLike = fc
  .array(fc.oneof(fc.constantFrom(...WORDS), fc.integer({ min: 0, max: 99999 }).map(String), fc.string({ maxLength: 4 })), { maxLength: 80 })
  .map((parts) => parts.join(""));

/** The mention's number as written in the span (百余 → 100; 0 may be a statement that nothing happened). */
function spanQuotesValue(text: string, m: { value: number; start: number; end: number }): boolean {
  const span = text.slice(m.start, m.end);
  const n = normalize(span).match;
  if (findNumerals(n).some((t) => Math.abs(t.value - m.value) < 1e-9)) return true;
  return m.value === 0 && /无|未|没有|零/.test(span);
}

function checkRecord(r: ExtractedReport) {
  for (const [id, t] of Object.entries(r.indicators)) {
    for (const m of t.mentions) {
      expect(m.start).toBeGreaterThanOrEqual(0);
      expect(m.end).toBeLessThanOrEqual(r.text.length);
      expect(m.end).toBeGreaterThan(m.start);
      expect(spanQuotesValue(r.text, m), `${id} ${m.value} «${r.text.slice(m.start, m.end)}»`).toBe(true);
    }
    const counted = t.mentions.filter((m) => !m.part && !m.repeat);
    const basis = counted.length ? counted : t.mentions.filter((m) => !m.repeat);
    const want = isRate(id) ? basis[0]!.value : basis.reduce((s, m) => s + m.value, 0);
    expect(t.value).toBeCloseTo(want, 6);
    if (basis.some((m) => m.qualifier === "at_least")) expect(t.qualifier).toBe("at_least");
  }
}

describe("extractor properties", () => {
  it("never throws on arbitrary strings and keeps spans valid", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), (s) => checkRecord(extractText("x.txt", s))), { numRuns: 300 });
  });

  it("never throws on report-like text; spans quote their numbers; totals follow the spec", () => {
    fc.assert(fc.property(reportLike, (s) => checkRecord(extractText("x.txt", s))), { numRuns: 500 });
  });

  it("holds on mutated real reports (cut, spliced, characters dropped)", () => {
    const mutated = fc
      .tuple(fc.integer({ min: 0, max: REPORTS.length - 1 }), fc.nat(), fc.nat(), fc.string({ maxLength: 20 }), fc.integer({ min: 0, max: 5 }))
      .map(([k, a, b, insert, drop]) => {
        const src = REPORTS[k]!;
        const i = a % (src.length + 1);
        const j = Math.min(src.length, i + (b % 400));
        return src.slice(0, i) + insert + src.slice(j + drop);
      });
    fc.assert(fc.property(mutated, (s) => checkRecord(extractText("m.txt", s))), { numRuns: 200 });
  });

  it("holds on every fixture report", () => {
    for (const r of REPORTS) checkRecord(extractText("f.txt", r));
  });
});
