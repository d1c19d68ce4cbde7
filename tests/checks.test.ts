// Contradictions inside a report and duplicate township-years across reports (src/lib/extract/checks.ts).
import { describe, expect, it } from "vitest";
import { contradictions, duplicateErrors, type DuplicateSource } from "../src/lib/extract/checks.ts";
import { extractText } from "../src/lib/extract/extract.ts";
import type { IndicatorTotal, Mention, Qualifier } from "../src/lib/extract/types.ts";

let at = 0;
function m(value: number, opts: { part?: boolean; repeat?: boolean; qualifier?: Qualifier } = {}): Mention {
  at += 10;
  return { value, qualifier: opts.qualifier ?? "exact", part: opts.part ?? false, ...(opts.repeat ? { repeat: true } : {}), start: at, end: at + 5, confidence: "high", reason: "test" };
}
function total(value: number, mentions: Mention[], qualifier: Qualifier = "exact"): IndicatorTotal {
  return { value, qualifier, mentions };
}

describe("contradictions", () => {
  it("disputes_resolved larger than disputes_handled", () => {
    const w = contradictions("a.txt", { disputes_handled: total(152, [m(152)]), disputes_resolved: total(160, [m(160)]) });
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/^a\.txt: disputes_resolved 160 exceeds disputes_handled 152/);
    expect(w[0]).toContain("化解矛盾纠纷件数");
  });

  it("no warning when resolved ≤ handled, or when the figures are bounds that may agree", () => {
    expect(contradictions("a.txt", { disputes_handled: total(152, [m(152)]), disputes_resolved: total(152, [m(152)]) })).toEqual([]);
    // 150余件 handled, 152 resolved: both can be true
    expect(contradictions("a.txt", { disputes_handled: total(150, [m(150, { qualifier: "at_least" })], "at_least"), disputes_resolved: total(152, [m(152)]) })).toEqual([]);
    // 近160件 resolved (fewer than 160), 152 handled
    expect(contradictions("a.txt", { disputes_handled: total(152, [m(152)]), disputes_resolved: total(160, [m(160, { qualifier: "at_most" })], "at_most") })).toEqual([]);
    // only one of the two given
    expect(contradictions("a.txt", { disputes_resolved: total(160, [m(160)]) })).toEqual([]);
  });

  it("a rate above 100%, for every mention of it", () => {
    const w = contradictions("b.txt", { dispute_resolution_rate: total(98, [m(98), m(120, { repeat: true })]) });
    expect(w).toEqual([expect.stringMatching(/^b\.txt: dispute_resolution_rate 120% is above 100%/)]);
    expect(contradictions("b.txt", { dispute_resolution_rate: total(100, [m(100)]) })).toEqual([]);
  });

  it("parts adding up to more than their total", () => {
    const w = contradictions("c.txt", { enforcement_cases: total(100, [m(100), m(60, { part: true }), m(50, { part: true })]) });
    expect(w).toEqual([expect.stringMatching(/^c\.txt: parts \(其中\) of enforcement_cases add up to 110, more than its total 100/)]);
  });

  it("no warning for parts within the total, parts alone, a loose total, or a breakdown of a breakdown", () => {
    expect(contradictions("c.txt", { enforcement_cases: total(100, [m(100), m(60, { part: true }), m(40, { part: true })]) })).toEqual([]);
    expect(contradictions("c.txt", { enforcement_cases: total(110, [m(60, { part: true }), m(50, { part: true })]) })).toEqual([]);
    expect(contradictions("c.txt", { enforcement_cases: total(100, [m(100, { qualifier: "at_least" }), m(60, { part: true }), m(50, { part: true })], "at_least") })).toEqual([]);
    // 调处289件，其中口头调解188件，书面调解101件，达成司法确认16件 (the 16 are part of the 101)
    expect(contradictions("c.txt", { disputes_handled: total(289, [m(289), m(188, { part: true }), m(101, { part: true }), m(16, { part: true })]) })).toEqual([]);
    // repeats count on neither side
    expect(contradictions("c.txt", { enforcement_cases: total(100, [m(100), m(100, { repeat: true }), m(90, { part: true })]) })).toEqual([]);
  });

  it("are warnings of the extraction, naming the file", () => {
    const text = "王村镇2024年法治政府建设情况报告\n山西省长治市襄垣县王村镇。2024年，全镇排查调处矛盾纠纷152件，化解矛盾纠纷160件。";
    const r = extractText("wangcun.txt", text);
    expect(r.indicators.disputes_handled?.value).toBe(152);
    expect(r.indicators.disputes_resolved?.value).toBe(160);
    expect(r.warnings).toContain(
      "wangcun.txt: disputes_resolved 160 exceeds disputes_handled 152（化解矛盾纠纷件数 / 排查调处矛盾纠纷件数）",
    );
    expect(r.errors).toEqual([]);
  });
});

describe("duplicateErrors", () => {
  const rec = (file: string, township: string | null, code: string | null, year: number | null, county: string | null = null): DuplicateSource => ({
    file,
    township,
    code,
    year,
    county,
  });

  it("two reports with the same code and year: an error on both, naming both files", () => {
    const errs = duplicateErrors([rec("a.txt", "王村镇", "140423106", 2024), rec("b.txt", "沙市镇", "500235123", 2024), rec("c.txt", "王村镇", "140423106", 2024)]);
    expect(errs[0]).toEqual(["a.txt and c.txt both report 王村镇 2024 (code 140423106)"]);
    expect(errs[1]).toEqual([]);
    expect(errs[2]).toEqual(errs[0]);
  });

  it("without a code, the same township name, county and year; three files are named together", () => {
    const errs = duplicateErrors([rec("x.txt", "长寿镇", null, 2023, "平江县"), rec("y.txt", "长寿镇", null, 2023, "平江县"), rec("z.txt", "长寿镇", null, 2023, "平江县")]);
    for (const e of errs) expect(e).toEqual(["x.txt, y.txt and z.txt all report 长寿镇 2023"]);
  });

  it("an unresolved name alone does not make two reports one township (there are many 城关镇)", () => {
    expect(duplicateErrors([rec("a", "城关镇", null, 2023), rec("b", "城关镇", null, 2023)]).flat()).toEqual([]);
  });

  it("different years, different known counties, or a missing year are no duplicates", () => {
    expect(duplicateErrors([rec("a", "王村镇", "140423106", 2023), rec("b", "王村镇", "140423106", 2024)]).flat()).toEqual([]);
    expect(duplicateErrors([rec("a", "长寿镇", null, 2023, "钟祥市"), rec("b", "长寿镇", null, 2023, "平江县")]).flat()).toEqual([]);
    expect(duplicateErrors([rec("a", "长寿镇", null, null), rec("b", "长寿镇", null, null)]).flat()).toEqual([]);
    expect(duplicateErrors([rec("a", null, null, 2024), rec("b", null, null, 2024)]).flat()).toEqual([]);
    // one with code, one without: not known to be the same township
    expect(duplicateErrors([rec("a", "王村镇", "140423106", 2024), rec("b", "王村镇", null, 2024)]).flat()).toEqual([]);
  });
});
