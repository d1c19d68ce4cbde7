// The review (src/lib/site/review.ts): what is to check, its grouping and pages, the corrections
// rows it offers (which build into 已核实 / 人工校正 figures that leave the list), its CSV, the
// 数据质量 counts and `npm run review`.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { extractBytes } from "../src/lib/extract/extract.ts";
import { correctRecords } from "../src/lib/site/corrections.ts";
import { toIndexRecord } from "../src/lib/site/generated.ts";
import {
  reviewProvinces,
  reviewProvincePath,
  DEFAULT_LOW_REASON,
  LOW_REASON_ZH,
  lowReasonZh,
  CORRECTIONS_HEADER,
  figureStatus,
  figureWith,
  reviewCounts,
  reviewCsv,
  reviewItems,
  reviewItemsOf,
  reviewOnOnePage,
  reviewPages,
  reviewTree,
  itemWeight,
  REVIEW_PAGE_WEIGHT,
} from "../src/lib/site/review.ts";
import { reportSchema, type SiteReport } from "../src/lib/site/schema.ts";
import { reportSlug } from "../src/lib/site/slug.ts";
import { LOW_CONFIDENCE, markLow } from "./fixtures/review/lowConfidence.ts";

const ROOT = join(import.meta.dirname, "..");
const SEEDS = join(import.meta.dirname, "fixtures", "reports", "seeds");
const FILES = ["000_cd6ed32ab14735ed.txt", "001_1333964e0275b350.txt", "003_37d3b37060572fdb.txt"];

function extracted() {
  const recs = FILES.map((f) => extractBytes(`data/reports/${f}`, readFileSync(join(SEEDS, f))));
  expect(markLow(recs)).toBe(LOW_CONFIDENCE.length);
  return recs;
}
const site = (recs: ReturnType<typeof extracted>): SiteReport[] => recs.map((r) => reportSchema.parse(toIndexRecord(r, reportSlug(r))));

describe("what is to check", () => {
  it("a figure with a low-confidence mention, with its reason; an uncounted number with plausible indicators", () => {
    const reports = site(extracted());
    const wangcun = reports.find((r) => r.code === "140423106")!;
    expect(figureStatus(wangcun.indicators.enforcement_inspections!)).toBe("to_check");
    expect(figureStatus(wangcun.indicators.disputes_handled!)).toBe("read");
    const items = reviewItemsOf(wangcun);
    const fig = items.find((i) => i.kind === "figure")!;
    expect(fig).toMatchObject({ indicator: "enforcement_inspections", reason: LOW_CONFIDENCE[0].reason, href: `townships/${wangcun.id}/#i-enforcement_inspections` });
    // one row: the figure confirmed as read
    expect(fig.rows.map((r) => r.line)).toEqual(["140423106,王村镇,2024,enforcement_inspections,102,不少于,,,,已核实"]);
    // every uncounted number listed has plausible indicators; its rows add it to the figure read
    const unc = reviewItems(reviewTree(reports)).filter((i) => i.kind === "uncounted");
    expect(unc.length).toBeGreaterThan(0);
    for (const u of unc) {
      const rep = reports.find((r) => r.id === u.reportId)!;
      const n = rep.uncounted!.find((x) => u.href.endsWith(`#e${x.start}-${x.end}`))!;
      expect(n.plausible.length).toBe(u.rows.length);
      for (const row of u.rows) expect(Number(row.cells.value)).toBe(figureWith(rep.indicators[row.indicator], n, row.indicator).value);
    }
  });

  it("an uncounted number adds to the figure read; a rate replaces it", () => {
    const t = { value: 10, qualifier: "exact" as const, mentions: [] };
    expect(figureWith(t, { value: 5, qualifier: "at_least" }, "training_sessions")).toEqual({ value: 15, qualifier: "at_least" });
    expect(figureWith(undefined, { value: 5, qualifier: "exact" }, "training_sessions")).toEqual({ value: 5, qualifier: "exact" });
    expect(figureWith({ ...t, value: 90 }, { value: 95, qualifier: "exact" }, "dispute_resolution_rate")).toEqual({ value: 95, qualifier: "exact" });
  });

  it("grouped province → county → township-year, with counts per county", () => {
    const tree = reviewTree(site(extracted()));
    expect(tree.map((p) => p.name)).toEqual(["山西省", "重庆市", "贵州省"]);
    const counties = tree.flatMap((p) => p.counties);
    for (const c of counties) {
      const items = c.reports.flatMap((g) => g.items);
      expect(c.figures + c.uncounted).toBe(items.length);
      expect(new Set(items.map((i) => i.countyCode))).toEqual(new Set([c.code]));
    }
    expect(counties.reduce((n, c) => n + c.figures, 0)).toBe(3);
    // the index of a site of many counties: provinces by code, with their counties' sums
    const provinces = reviewProvinces(tree);
    expect(provinces.map((p) => [p.code, p.name])).toEqual([["14", "山西省"], ["50", "重庆市"], ["52", "贵州省"]]);
    for (const p of provinces) {
      expect(p.figures).toBe(p.counties.reduce((n, c) => n + c.figures, 0));
      expect(p.uncounted).toBe(p.counties.reduce((n, c) => n + c.uncounted, 0));
      for (const c of p.counties) expect(c.code.slice(0, 2)).toBe(p.code);
    }
    expect(reviewProvincePath("14")).toBe("review/provinces/14/");
  });

  it("pages of at most REVIEW_PAGE_WEIGHT (an item and its rows), a township-year split only when it alone is heavier", () => {
    const tree = reviewTree(site(extracted()));
    const c = tree.flatMap((p) => p.counties)[0]!;
    const g = c.reports[0]!;
    const one = () => 1;
    const many = { ...c, reports: Array.from({ length: 7 }, (_, k) => ({ report: { ...g.report, id: `r${k}` }, items: Array.from({ length: 3 }, () => g.items[0]!) })) };
    const pages = reviewPages(many, 5, one);
    expect(pages.map((p) => p.reduce((n, x) => n + x.items.length, 0))).toEqual([3, 3, 3, 3, 3, 3, 3]);
    expect(reviewPages(many, 7, one).map((p) => p.length)).toEqual([2, 2, 2, 1]);
    const big = { ...c, reports: [{ report: g.report, items: Array.from({ length: 12 }, () => g.items[0]!) }] };
    expect(reviewPages(big, 5, one).map((p) => p[0]!.items.length)).toEqual([5, 5, 2]);
    // by default an item weighs 2 and 1 per row
    const item = g.items[0]!;
    expect(itemWeight(item)).toBe(2 + item.rows.length);
    const fits = Math.floor(REVIEW_PAGE_WEIGHT / itemWeight(item));
    expect(reviewOnOnePage(10, Array(fits).fill(item), 60)).toBe(true);
    expect(reviewOnOnePage(10, Array(fits + 1).fill(item), 60)).toBe(false);
    expect(reviewOnOnePage(61, [item], 60)).toBe(false);
    expect(reviewPages({ ...c, reports: [{ report: g.report, items: Array(fits * 2 + 1).fill(item) }] }).length).toBe(3);
  });
});

describe("one step to act: the rows build into settled figures that leave the review", () => {
  it("a confirming row (as offered, reason/who/date filled in) makes 已核实; an edited one 人工校正; both leave the list", () => {
    const recs = extracted();
    const items = reviewItems(reviewTree(site(recs)));
    const [a, b] = items.filter((i) => i.kind === "figure");
    const unc = items.find((i) => i.kind === "uncounted")!;
    const fill = (line: string) => line.replace(/,,,,(已核实)?$/, (_m, s) => `,核对原文,张三,2025-03-01,${s ?? ""}`);
    const edited = b!.rows[0]!.line.replace(/,(\d+),确数,/, (_m, v) => `,${Number(v) + 1},确数,`).replace(/,,,,已核实$/, ",台账多1场,李四,2025-03-02,");
    const csv = [CORRECTIONS_HEADER, fill(a!.rows[0]!.line), edited, fill(unc.rows[0]!.line)].join("\n");
    const res = correctRecords(csv, recs);
    expect(res.errors).toEqual([]);
    const after = site(res.records as typeof recs);
    const statusOf = (i: typeof a) => figureStatus(after.find((r) => r.id === i!.reportId)!.indicators[i!.indicator ?? unc.rows[0]!.indicator]!);
    expect(statusOf(a)).toBe("verified");
    expect(statusOf(b)).toBe("corrected");
    expect(statusOf(unc)).toBe("corrected");
    const left = reviewItems(reviewTree(after)).map((i) => i.id);
    expect(left).not.toContain(a!.id);
    expect(left).not.toContain(b!.id);
    expect(left).not.toContain(unc.id);
    // the 数据质量 counts, per county
    const counts = reviewCounts(after);
    expect(counts.reduce((n, c) => n + c.verified, 0)).toBe(1);
    expect(counts.reduce((n, c) => n + c.corrected, 0)).toBe(2);
    expect(counts.reduce((n, c) => n + c.toCheck, 0)).toBe(1);
  });
});

describe("the review CSV", () => {
  it("UTF-8 with BOM, the corrections columns first, then the sentence and what to check; its rows append to data/corrections.csv", () => {
    const recs = extracted();
    const items = reviewItems(reviewTree(site(recs)));
    const csv = reviewCsv(items);
    expect(csv.startsWith("\uFEFFcode,township,year,indicator,value,qualifier,reason,who,date,status,sentence,note\r\n")).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1).trim(), { newline: "\r\n" }).data;
    expect(rows.length - 1).toBe(items.reduce((n, i) => n + i.rows.length, 0));
    expect(rows[1]!.slice(-1)[0]).toMatch(/^待核实的数字：|^未计入的数字：/);
    // filled in, the whole file (or its rows under the shipped header) is a valid corrections file
    const filled = rows.slice(1).map((r) => Papa.unparse([[...r.slice(0, 6), "核对原文", "张三", "2025-03-01", ...r.slice(9)]]));
    const shipped = readFileSync(join(ROOT, "data", "corrections.csv"), "utf8").trim();
    expect(shipped).toBe(CORRECTIONS_HEADER);
    const res = correctRecords([`${CORRECTIONS_HEADER},sentence,note`, filled[0]!].join("\n"), recs);
    expect(res.errors).toEqual([]);
    expect(res.applied).toHaveLength(1);
  });
});

describe("npm run review", () => {
  const tmp = mkdtempSync(join(tmpdir(), "fzzl-review-"));
  const index = join(tmp, "reports.json");
  writeFileSync(index, JSON.stringify({ generatedFrom: "test", reports: site(extracted()) }));
  const run = (...args: string[]) =>
    spawnSync(join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/review.ts", ...args], { cwd: ROOT, env: { ...process.env, FZZL_OUT: index }, encoding: "utf8" });

  it("prints the review list as CSV with BOM; --county keeps one county; --out writes a file", () => {
    const all = run();
    expect(all.status).toBe(0);
    expect(all.stdout.startsWith("\uFEFFcode,township,")).toBe(true);
    expect(all.stdout).toContain("140423106,王村镇,2024,enforcement_inspections,102,不少于,,,,已核实");
    const one = run("--county", "140423");
    expect(one.status).toBe(0);
    const lines = one.stdout.trim().split("\r\n").slice(1);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.startsWith("140423"))).toBe(true);
    const out = join(tmp, "review.csv");
    const file = run("--county", "140423", "--out", out);
    expect(file.status).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(one.stdout);
  });

  it("a bad county code or a missing index is a clear error", () => {
    const bad = run("--county", "14");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--county "14" is not a 6-digit county code/);
    const missing = spawnSync(join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/review.ts"], { cwd: ROOT, env: { ...process.env, FZZL_OUT: join(tmp, "none.json") }, encoding: "utf8" });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/none\.json is missing: run `npm run build`/);
  });
});

describe("low-confidence reasons in plain Chinese", () => {
  // one case per row of LOW_REASON_ZH
  it.each([
    ["leader study + law topic + subject leader (earlier sentence)", "决定归类的词语只出现在前面的句子里，离数字较远"],
    ["study + law topic + no subject named: leaders' study assumed + unit 次", "原文未写明是谁学习，暂按领导干部学法计"],
    ["study + subject staff, leaders and staff both named + unit 次", "同一处既提到领导干部又提到干部职工，分不清是领导学法还是干部培训"],
    ["training + unit 次; value 5000 above the plausible 300 for training_sessions", "数值5000超出一个乡镇一年的通常范围（300以内），可能计的是别的事项或全县数字"],
  ])("%s", (reason, zh) => {
    expect(lowReasonZh(reason)).toBe(zh);
  });

  it("covers every row of the table", () => {
    expect(LOW_REASON_ZH).toHaveLength(4);
  });

  it("a reason already in Chinese is kept; an English one no row knows gets the default", () => {
    expect(lowReasonZh("分句里只有“宣传”一词")).toBe("分句里只有“宣传”一词");
    expect(lowReasonZh("some other cue + unit 次")).toBe(DEFAULT_LOW_REASON);
  });
});
