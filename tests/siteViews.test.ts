// Pure helpers behind the pages: slugs, evidence highlighting, region grouping, indicator views.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractBytes } from "../src/lib/extract/extract.ts";
import { toIndexRecord } from "../src/lib/site/generated.ts";
import { segmentText, splitQuote } from "../src/lib/site/highlight.ts";
import { indicatorView } from "../src/lib/site/indicatorView.ts";
import { regionTree } from "../src/lib/site/regionTree.ts";
import type { SiteReport } from "../src/lib/site/schema.ts";
import { reportSlug, uniqueSlugs } from "../src/lib/site/slug.ts";

const SEEDS = join(import.meta.dirname, "fixtures", "reports", "seeds");
const seedReports = (): SiteReport[] => {
  const recs = readdirSync(SEEDS).sort().map((f) => extractBytes(`data/reports/${f}`, readFileSync(join(SEEDS, f))));
  const ids = uniqueSlugs(recs);
  return recs.map((r, i) => toIndexRecord(r, ids[i]!));
};

describe("slugs", () => {
  it("are the national code and year when resolved, else the township name", () => {
    expect(reportSlug({ file: "a.txt", township: "王村镇", code: "140423106", year: 2024 })).toBe("140423106-2024");
    expect(reportSlug({ file: "a.txt", township: "长寿镇", code: null, year: 2023 })).toBe("长寿镇-2023");
    expect(reportSlug({ file: "x/报告 (1).txt", township: null, code: null, year: null })).toBe("报告-1-unknown");
  });
  it("stay unique and stable for the seeds", () => {
    expect(seedReports().map((r) => r.id)).toEqual(["500235123-2024", "520323103-2024", "411624114-2023", "140423106-2024", "500111120-2024"]);
    expect(uniqueSlugs([{ file: "a", township: "甲镇", code: null, year: 2024 }, { file: "b", township: "甲镇", code: null, year: 2024 }])).toEqual(["甲镇-2024", "甲镇-2024-2"]);
  });
});

describe("evidence highlighting", () => {
  it("marks spans, merging overlaps, and keeps all text", () => {
    const text = "共排查矛盾纠纷152件，化解148件。";
    const { segments, alias } = segmentText(text, [{ start: 0, end: 11 }, { start: 12, end: 18 }, { start: 5, end: 11 }]);
    expect(segments.map((s) => s.text).join("")).toBe(text);
    expect(segments.filter((s) => s.id).map((s) => s.text)).toEqual(["共排查矛盾纠纷152件", "化解148件"]);
    expect(alias.get("e5-11")).toBe("e0-11");
  });
  it("cuts a quote around its number", () => {
    expect(splitQuote("受教群众9000余人次", 9000)).toEqual(["受教群众", "9000", "余人次"]);
    expect(splitQuote("达百余次", 100)).toEqual(["达", "百", "余次"]);
  });
});

describe("views", () => {
  it("groups townships by province and county", () => {
    const tree = regionTree(seedReports());
    expect(tree.map((p) => p.province)).toEqual(["河南省", "贵州省", "山西省", "重庆市"].sort(new Intl.Collator("zh-CN").compare));
    const cq = tree.find((p) => p.province === "重庆市")!;
    expect(cq.counties.map((c) => c.county).sort()).toEqual(["云阳县", "大足区"].sort());
  });
  it("an indicator view lists reported values by year and the townships that did not report", () => {
    const v = indicatorView(seedReports(), "disputes_handled");
    expect(v.years).toEqual([2024, 2023]);
    const y2024 = v.byYear.get(2024)!;
    expect(y2024.reported.map((r) => [r.report.township, r.value, r.qualifier])).toEqual([
      ["蒲场镇", 289, "exact"],
      ["沙市镇", 200, "at_least"],
      ["王村镇", 152, "exact"],
    ]);
    expect(y2024.missing.map((r) => r.township)).toEqual(["古龙镇"]);
    expect(v.series).toEqual([]);
  });
});
