// The downloads (src/lib/site/csv.ts) over the seed reports run through the real extractor.
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import {
  BOM,
  FIGURE_COLUMNS,
  INDICATOR_COLUMNS,
  NOT_REPORTED,
  QUOTE_SEPARATOR,
  figureRows,
  figuresCsv,
  figuresJson,
  indicatorCsv,
  indicatorRows,
  toCsv,
} from "../src/lib/site/csv.ts";
import { INDICATORS } from "../src/lib/extract/indicators.ts";
import type { SiteReport } from "../src/lib/site/schema.ts";
import { seedRecords } from "./seeds.ts";

const { reports, texts: TEXTS } = seedRecords();
const textOf = (r: SiteReport) => TEXTS.get(r.id)!;

function parse(csv: string): Record<string, string>[] {
  expect(csv.startsWith(BOM)).toBe(true);
  const out = Papa.parse<Record<string, string>>(csv.slice(BOM.length), { header: true, skipEmptyLines: true });
  expect(out.errors).toEqual([]);
  return out.data;
}

function headerOf(csv: string): string[] {
  const out = Papa.parse<string[]>(csv.slice(BOM.length), { preview: 1 });
  return out.data[0] ?? [];
}

describe("figures.csv", () => {
  const csv = figuresCsv(reports);
  const rows = parse(csv);

  it("starts with a UTF-8 BOM, uses CRLF and has the Chinese header row", () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(Papa.parse(csv.slice(BOM.length)).meta.linebreak).toBe("\r\n");
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(headerOf(csv)).toEqual([
      "省",
      "市",
      "县（区）",
      "乡镇（街道）",
      "区划代码",
      "年度",
      "指标代码",
      "指标",
      "数值",
      "限定",
      "限定符",
      "单位",
      "原文出处",
      "明细",
      "提及次数",
      "来源文件",
      "报告标题",
      "发布单位",
      "报告日期",
      "页面",
      "校正说明",
    ]);
    expect(headerOf(csv)).toEqual(FIGURE_COLUMNS.map((c) => c.header));
  });

  it("has one row per report × reported indicator", () => {
    const expected = reports.reduce((n, r) => n + Object.keys(r.indicators).length, 0);
    expect(rows).toHaveLength(expected);
    expect(figureRows(reports)).toHaveLength(expected);
  });

  it("holds 王村镇 2024: 152 disputes handled and 148 resolved, with their quotes", () => {
    const wang = rows.filter((r) => r["乡镇（街道）"] === "王村镇" && r["年度"] === "2024");
    const handled = wang.find((r) => r["指标代码"] === "disputes_handled");
    expect(handled).toMatchObject({
      省: "山西省",
      "县（区）": "襄垣县",
      区划代码: "140423106",
      指标: "排查调处矛盾纠纷件数",
      数值: "152",
      限定: "确数",
      限定符: "exact",
      单位: "件",
      提及次数: "1",
      来源文件: "003_37d3b37060572fdb.txt",
      报告标题: "襄垣县王村镇关于2024年法治政府建设情况的报告",
      页面: "/townships/140423106-2024/",
    });
    expect(handled?.["原文出处"]).toContain("152");
    const resolved = wang.find((r) => r["指标代码"] === "disputes_resolved");
    expect(resolved?.["数值"]).toBe("148");
    expect(resolved?.["原文出处"]).toContain("148");
  });

  it("shows at_least totals as 不少于", () => {
    const atLeast = rows.filter((r) => r["限定符"] === "at_least");
    expect(atLeast.length).toBeGreaterThan(0);
    for (const r of atLeast) expect(r["限定"]).toBe("不少于");
    const reach = rows.find((r) => r["乡镇（街道）"] === "王村镇" && r["指标代码"] === "publicity_reach");
    expect(reach).toMatchObject({ 数值: "9000", 限定: "不少于", 单位: "人次" });
    expect(rows.find((r) => r["限定符"] === "approx")?.["限定"]).toBe("约");
  });

  it("quotes exact slices of the report text, counted mentions only, parts and repeats in 明细", () => {
    const byFile = new Map(reports.map((r) => [r.file, r]));
    for (const row of figureRows(reports)) {
      const r = byFile.get(row.file)!;
      const t = r.indicators[row.indicator]!;
      const slices = new Set(t.mentions.map((m) => textOf(r).slice(m.start, m.end)));
      const quotes = row.evidence.split(QUOTE_SEPARATOR);
      expect(quotes.length).toBeGreaterThan(0);
      for (const q of quotes) {
        expect(q.length).toBeGreaterThan(0);
        expect(slices.has(q), `${row.file} ${row.indicator}: ${q}`).toBe(true);
      }
      const others = t.mentions.filter((m) => m.part || m.repeat);
      const counted = t.mentions.filter((m) => !m.part && !m.repeat);
      if (counted.length > 0) {
        // no quote of a part or repeat in 原文出处 (unless the same words are also a counted mention)
        for (const m of others) {
          const q = textOf(r).slice(m.start, m.end);
          if (!counted.some((c) => textOf(r).slice(c.start, c.end) === q)) expect(quotes).not.toContain(q);
        }
      }
      expect(row.mentionCount).toBe(t.mentions.length);
      expect(quotes.length + (row.details ? row.details.split(QUOTE_SEPARATOR).length : 0)).toBeLessThanOrEqual(t.mentions.length);
    }
    // the JSON carries the same quotes, all of them exact slices
    for (const jr of figuresJson(reports).reports) {
      const r = reports.find((x) => x.id === jr.id)!;
      for (const t of Object.values(jr.indicators)) {
        for (const m of t.mentions) expect(m.quote).toBe(textOf(r).slice(m.start, m.end));
      }
    }
  });

  it("sorts rows by province, county, township, year, then indicator in spec order", () => {
    const zh = new Intl.Collator("zh-CN");
    const order = new Map(INDICATORS.map((s, i) => [s.id, i]));
    const list = figureRows(reports);
    for (let i = 1; i < list.length; i++) {
      const a = list[i - 1]!;
      const b = list[i]!;
      const c =
        zh.compare(a.province ?? "", b.province ?? "") ||
        zh.compare(a.county ?? "", b.county ?? "") ||
        zh.compare(a.township ?? "", b.township ?? "") ||
        (a.year ?? 0) - (b.year ?? 0) ||
        order.get(a.indicator)! - order.get(b.indicator)!;
      expect(c, `${a.township} ${a.indicator} before ${b.township} ${b.indicator}`).toBeLessThan(0);
    }
  });

  it("is deterministic: same output for the same reports in any order", () => {
    expect(figuresCsv(seedRecords().reports)).toBe(csv);
    expect(figuresCsv([...reports].reverse())).toBe(csv);
    expect(JSON.stringify(figuresJson([...reports].reverse()))).toBe(JSON.stringify(figuresJson(reports)));
    for (const s of INDICATORS) expect(indicatorCsv([...reports].reverse(), s.id)).toBe(indicatorCsv(reports, s.id));
  });

  it("uses the site's base path in 页面, and its origin when known", () => {
    expect(figureRows(reports, { base: "/fazhi/" })[0]?.page).toMatch(/^\/fazhi\/townships\/[^/]+\/$/);
    expect(figureRows(reports, { base: "/fazhi/", origin: "https://fz.example.gov.cn/" })[0]?.page).toMatch(/^https:\/\/fz\.example\.gov\.cn\/fazhi\/townships\/[^/]+\/$/);
  });
});

describe("indicator CSVs", () => {
  it("list every report, 未报告 with an empty value where the indicator is not given", () => {
    const csv = indicatorCsv(reports, "disputes_resolved");
    expect(headerOf(csv)).toEqual(["省", "县（区）", "乡镇（街道）", "区划代码", "年度", "数值", "限定", "单位", "校正说明"]);
    expect(headerOf(csv)).toEqual(INDICATOR_COLUMNS.map((c) => c.header));
    const rows = parse(csv);
    expect(rows).toHaveLength(reports.length);
    const wang = rows.find((r) => r["乡镇（街道）"] === "王村镇");
    expect(wang).toMatchObject({ 数值: "148", 限定: "确数", 单位: "件" });
    const missing = rows.filter((r) => r["限定"] === NOT_REPORTED);
    expect(missing.map((r) => r["乡镇（街道）"]).sort()).toEqual(["古龙镇", "周营镇", "沙市镇", "蒲场镇"].sort());
    for (const r of missing) expect(r["数值"]).toBe("");
    // the typed rows say null, never 0
    for (const r of indicatorRows(reports, "disputes_resolved")) {
      if (r.qualifierZh === NOT_REPORTED) expect(r.value).toBeNull();
    }
  });

  it("keep a reported 0 as 0 (未发生 is not 未报告)", () => {
    const rows = parse(indicatorCsv(reports, "admin_litigation_cases"));
    const wang = rows.find((r) => r["乡镇（街道）"] === "王村镇");
    expect(wang).toMatchObject({ 数值: "0", 限定: "确数" });
  });

  it("exist for every indicator, even one no report gives (header and 未报告 rows)", () => {
    for (const s of INDICATORS) {
      const csv = indicatorCsv(reports, s.id);
      const rows = parse(csv);
      expect(rows).toHaveLength(reports.length);
      for (const r of rows) expect(r["单位"]).toBe(s.unit);
    }
    const none = indicatorCsv([], "legality_reviews");
    expect(none).toBe(`${BOM}省,县（区）,乡镇（街道）,区划代码,年度,数值,限定,单位,校正说明\r\n`);
    expect(() => indicatorRows(reports, "no_such_indicator")).toThrow(/unknown indicator/);
  });
});

describe("toCsv", () => {
  it("neutralises cells that a spreadsheet would run as formulas", () => {
    interface Row {
      a: string | number | null;
      b: string;
    }
    const cols = [
      { key: "a" as const, header: "a" },
      { key: "b" as const, header: "b" },
    ];
    const values: Row["a"][] = ["=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx", "=a\nb", "-1", "3.5", -1, 152, "王村镇", "a=b", null];
    const csv = toCsv<Row>(values.map((a) => ({ a, b: "x" })), cols);
    const cells = Papa.parse<string[]>(csv.slice(BOM.length), { skipEmptyLines: true }).data.slice(1).map((r) => r[0]);
    expect(cells).toEqual(["'=HYPERLINK(\"http://x\",\"y\")", "'+1+2", "'-2+3", "'@SUM(A1)", "'\tx", "'\rx", "'=a\nb", "-1", "3.5", "-1", "152", "王村镇", "a=b", ""]);
  });

  it("neutralises formula-looking text coming from a report", () => {
    const r = structuredClone(reports.find((x) => x.township === "王村镇")!);
    r.file = "=cmd|' /C calc'!A0.txt";
    r.township = "@王村镇";
    const rows = parse(figuresCsv([r]));
    expect(rows[0]?.["来源文件"]).toBe("'=cmd|' /C calc'!A0.txt");
    expect(rows[0]?.["乡镇（街道）"]).toBe("'@王村镇");
  });
});

describe("figures.json", () => {
  it("holds the indicator list and every report's figures with quotes, without full texts", () => {
    const json = figuresJson(reports);
    expect(json.indicators.map((i) => i.id)).toEqual(INDICATORS.map((i) => i.id));
    expect(json.reports).toHaveLength(reports.length);
    const wang = json.reports.find((r) => r.township === "王村镇")!;
    expect(wang).toMatchObject({ id: "140423106-2024", county: "襄垣县", province: "山西省", code: "140423106", year: 2024 });
    expect(wang.indicators.disputes_handled).toMatchObject({ value: 152, qualifier: "exact", unit: "件" });
    expect(wang.indicators.disputes_handled?.mentions[0]?.quote).toContain("152");
    expect(wang.indicators.disputes_resolved?.value).toBe(148);
    const text = JSON.stringify(json);
    expect(text).not.toContain('"text"');
    expect(JSON.parse(text)).toEqual(json);
  });
});
