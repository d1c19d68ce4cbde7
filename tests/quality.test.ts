// The data-quality page's view (src/lib/site/quality.ts) and the 校正说明 of the downloads.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { duplicateErrors } from "../src/lib/extract/checks.ts";
import { correctRecords } from "../src/lib/site/corrections.ts";
import { BOM, figuresCsv, figuresJson, indicatorCsv } from "../src/lib/site/csv.ts";
import { extractBytes, extractText } from "../src/lib/extract/extract.ts";
import { hasProfile, issueKind, qualityEntries, qualitySummary } from "../src/lib/site/quality.ts";
import { reportSchema, type SiteReport } from "../src/lib/site/schema.ts";
import { toIndexRecord } from "../src/lib/site/generated.ts";
import { uniqueSlugs } from "../src/lib/site/slug.ts";

const SEEDS = join(import.meta.dirname, "fixtures", "reports", "seeds");
const HEADER = "code,township,year,indicator,value,qualifier,reason,who,date";

function site(records: ReturnType<typeof extractText>[]): SiteReport[] {
  const ids = uniqueSlugs(records);
  return records.map((r, i) => reportSchema.parse(toIndexRecord(r, ids[i]!)));
}

function sample() {
  const wangcun = extractBytes("r/wangcun.txt", readFileSync(join(SEEDS, "003_37d3b37060572fdb.txt")));
  const again = extractBytes("r/wangcun copy.txt", readFileSync(join(SEEDS, "003_37d3b37060572fdb.txt")));
  const empty = extractBytes("r/empty.txt", new Uint8Array());
  const binary = extractBytes("r/scan.txt", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0]));
  const changshou = extractText("r/changshou.txt", "长寿镇2023年法治政府建设情况报告\n2023年，长寿镇开展普法宣传活动12场。");
  const shashi = extractBytes("r/shashi.txt", readFileSync(join(SEEDS, "000_cd6ed32ab14735ed.txt")));
  const records = [wangcun, again, empty, binary, changshou, shashi];
  duplicateErrors(records).forEach((e, i) => records[i]!.errors.push(...e));
  const res = correctRecords(`${HEADER}\n500235123,,2024,legal_opinions,30,,见法律顾问台账,张三,2025-03-01\n500235123,,2024,publicity_events,60,,重复计算,李四,2025-03-02\n`, records);
  expect(res.errors).toEqual([]);
  return site(res.records);
}

describe("quality view", () => {
  const reports = sample();
  const entries = qualityEntries(reports);
  const byFile = (f: string) => entries.find((e) => e.file === f)!;

  it("unreadable files have no profile and are listed with why", () => {
    expect(byFile("r/empty.txt")).toMatchObject({ profile: false, label: "r/empty.txt", errors: [{ kind: "unreadable", kindZh: "无法读取", text: expect.stringMatching(/empty/) }] });
    expect(byFile("r/scan.txt")).toMatchObject({ profile: false, errors: [{ kind: "unreadable", text: expect.stringMatching(/^binary data/) }] });
    expect(hasProfile(reports.find((r) => r.file === "r/wangcun.txt")!)).toBe(true);
  });

  it("duplicates name both files on both reports", () => {
    for (const f of ["r/wangcun.txt", "r/wangcun copy.txt"]) {
      expect(byFile(f).errors).toEqual([{ kind: "duplicate", kindZh: "重复报告", text: "r/wangcun.txt and r/wangcun copy.txt both report 王村镇 2024 (code 140423106)" }]);
      expect(byFile(f).profile).toBe(true);
    }
  });

  it("an unsettled region is a warning with its candidates", () => {
    const e = byFile("r/changshou.txt");
    expect(e.errors).toEqual([]);
    expect(e.warnings).toEqual([{ kind: "region", kindZh: "地区未确定", text: expect.stringMatching(/^township 长寿镇 is ambiguous.*Candidates: .*420881101.*430626104/) }]);
  });

  it("corrections are listed with the figure shown and the figure read", () => {
    expect(byFile("r/shashi.txt").corrections).toEqual([
      { indicator: "legal_opinions", label: "出具法律意见件数", shown: "30 件", extracted: "未读到", reason: "见法律顾问台账", who: "张三", date: "2025-03-01", source: "data/corrections.csv:2", status: "corrected" },
      { indicator: "publicity_events", label: "普法宣传活动场次", shown: "60 场", extracted: "62 场", reason: "重复计算", who: "李四", date: "2025-03-02", source: "data/corrections.csv:3", status: "corrected" },
    ]);
  });

  it("the summary counts reports with errors, with warnings, corrected and clean", () => {
    const s = qualitySummary(reports);
    expect(s.reports).toBe(6);
    expect(s.withErrors.map((e) => e.file)).toEqual(["r/empty.txt", "r/scan.txt", "r/wangcun copy.txt", "r/wangcun.txt"]);
    expect(s.withWarnings.map((e) => e.file)).toEqual(["r/changshou.txt"]);
    expect(s.corrected.map((e) => e.file)).toEqual(["r/shashi.txt"]);
    expect(s.clean).toBe(1);
  });

  it("issueKind sorts the extractor's messages", () => {
    expect(issueKind("the year the report covers was not found")).toBe("year");
    expect(issueKind("year 2024 inferred from the publication date")).toBe("year");
    expect(issueKind("no township (镇/乡/街道) found in the report")).toBe("township");
    expect(issueKind("disputes_resolved 160 exceeds disputes_handled 152")).toBe("contradiction");
    expect(issueKind("dispute_resolution_rate 120% is above 100%")).toBe("contradiction");
    expect(issueKind("township 王桥镇 not found in the national division list")).toBe("region");
    expect(issueKind("unsupported file type .doc")).toBe("unreadable");
    expect(issueKind("something new")).toBe("other");
  });
});

describe("downloads of corrected figures", () => {
  const reports = sample();
  const parse = (csv: string) => Papa.parse<Record<string, string>>(csv.slice(BOM.length), { header: true, skipEmptyLines: true }).data;

  it("figures.csv: the corrected value, and a 校正说明 with reason, who, date and the value read", () => {
    const rows = parse(figuresCsv(reports));
    const pe = rows.find((r) => r["乡镇（街道）"] === "沙市镇" && r["指标代码"] === "publicity_events")!;
    expect(pe["数值"]).toBe("60");
    expect(pe["校正说明"]).toBe("人工校正：重复计算（李四，2025-03-02）；程序读取：62 场");
    const med = rows.find((r) => r["乡镇（街道）"] === "沙市镇" && r["指标代码"] === "legal_opinions")!;
    expect(med).toMatchObject({ 数值: "30", 原文出处: "", 提及次数: "0", 校正说明: "人工校正：见法律顾问台账（张三，2025-03-01）；程序读取：未读到" });
    const plain = rows.find((r) => r["乡镇（街道）"] === "沙市镇" && r["指标代码"] === "training_sessions");
    if (plain) expect(plain["校正说明"]).toBe("");
  });

  it("indicator CSVs and figures.json carry the correction too", () => {
    const rows = parse(indicatorCsv(reports, "publicity_events"));
    expect(rows.find((r) => r["乡镇（街道）"] === "沙市镇")).toMatchObject({ 数值: "60", 校正说明: expect.stringMatching(/^人工校正：重复计算/) });
    const json = figuresJson(reports);
    const sh = json.reports.find((r) => r.township === "沙市镇")!;
    expect(sh.indicators.publicity_events).toMatchObject({ value: 60, corrected: { extractedValue: 62, reason: "重复计算" } });
    expect(json.reports.find((r) => r.township === "王村镇")!.indicators.disputes_handled).not.toHaveProperty("corrected");
  });
});
