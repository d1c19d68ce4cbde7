// The distribution chart of the pages at scale (src/lib/charts/histogram.ts): 1–2–5 ranges for counts,
// tens for rates, 0 a row of its own, golden SVGs like tests/charts.test.ts.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { histogramBins, histogramSummary, histogramSvg } from "../src/lib/charts/histogram.ts";

const GOLDEN = join(import.meta.dirname, "golden");

/** Compares to tests/golden/<name>.svg (one tag per line); writes it when missing or when UPDATE_GOLDEN=1. */
function golden(name: string, svg: string): void {
  const file = join(GOLDEN, `${name}.svg`);
  const actual = `${svg.replace(/></g, ">\n<")}\n`;
  if (process.env.UPDATE_GOLDEN === "1" || !existsSync(file)) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  expect(actual, `${file} differs: review, then UPDATE_GOLDEN=1 to accept`).toBe(readFileSync(file, "utf8"));
}

function parse(svg: string): Element {
  const root = parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document.querySelector("svg");
  if (!root) throw new Error("no <svg>");
  return root;
}

// 20 townships' disputes: skewed, with two stated zeros
const DISPUTES = [0, 0, 1, 3, 4, 12, 15, 18, 25, 40, 48, 60, 75, 120, 152, 180, 240, 845, 3000, 30000];
const OPTIONS = { title: "排查调处矛盾纠纷件数的分布", description: "各数值区间的报告份数。", unit: "件" };

describe("histogramBins", () => {
  it("counts: a 0 row, then 1–2–5 ranges up to the largest value, empty ranges in between kept", () => {
    const bins = histogramBins(DISPUTES);
    expect(bins.map((b) => [b.label, b.count])).toEqual([
      ["0", 2],
      ["1", 1],
      ["2–4", 2],
      ["5–9", 0],
      ["10–19", 3],
      ["20–49", 3],
      ["50–99", 2],
      ["100–199", 3],
      ["200–499", 1],
      ["500–999", 1],
      ["1,000–1,999", 0],
      ["2,000–4,999", 1],
      ["5,000–9,999", 0],
      ["10,000–19,999", 0],
      ["20,000–49,999", 1],
    ]);
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(DISPUTES.length);
  });

  it("starts at the first range used (after the 0 row), and keeps the 0 row when empty", () => {
    expect(histogramBins([30, 45, 60]).map((b) => b.label)).toEqual(["0", "20–49", "50–99"]);
    expect(histogramBins([0, 0]).map((b) => [b.label, b.count])).toEqual([["0", 2]]);
    expect(histogramBins([0.5]).map((b) => [b.label, b.count])).toEqual([["0", 0], ["1", 1]]);
    expect(histogramBins([])).toEqual([]);
  });

  it("rates: ten-point ranges, 100% in the last", () => {
    expect(histogramBins([95, 100, 88, 98.5], "rate").map((b) => [b.label, b.count])).toEqual([
      ["80–89%", 1],
      ["90–100%", 3],
    ]);
  });
});

describe("histogramSvg", () => {
  const svg = histogramSvg(histogramBins(DISPUTES), OPTIONS);
  const root = parse(svg);

  it("matches the golden files", () => {
    golden("histogram-disputes", svg);
    golden("histogram-rate", histogramSvg(histogramBins([95, 100, 88, 98.5, 72], "rate"), { ...OPTIONS, title: "化解率的分布", unit: "%" }));
  });

  it("one bar per non-empty range, the range written with its unit and the count at the end", () => {
    expect(root.querySelectorAll('g[aria-label="bar"] > rect')).toHaveLength(histogramBins(DISPUTES).filter((b) => b.count > 0).length);
    const texts = [...root.querySelectorAll("text")].map((t) => t.textContent);
    for (const t of ["0 件", "2–4 件", "20,000–49,999 件", "3"]) expect(texts).toContain(t);
    expect(texts.some((t) => t?.startsWith("条长：报告份数"))).toBe(true);
  });

  it("is accessible and deterministic", () => {
    expect(root.getAttribute("role")).toBe("img");
    expect(root.querySelector("title")?.textContent).toBe(OPTIONS.title);
    for (const g of root.querySelectorAll("g[aria-label]")) expect(g.getAttribute("role")).toBe("group");
    expect(histogramSvg(histogramBins(DISPUTES), OPTIONS)).toBe(svg);
  });

  it("says 暂无数据 without values", () => {
    expect(parse(histogramSvg([], OPTIONS)).textContent).toContain("暂无数据");
  });

  it("has a caption that keeps 0 and 未报告 apart", () => {
    expect(histogramSummary(histogramBins(DISPUTES), { unit: "件", median: 50, missing: 4 })).toBe(
      "20 份报告给出了此项，其中为 0 的 2 份；最多的一组为 10–19 件（3 份），中位数为 50 件。4 份报告未报告此项（不画出；未报告不等于 0）。",
    );
    expect(histogramSummary([], { unit: "件", median: null, missing: 3, countWord: "个乡镇（街道）" })).toBe("没有乡镇（街道）给出此项。3 个乡镇（街道）未报告此项（不画出；未报告不等于 0）。");
    expect(histogramSummary(histogramBins([95, 100], "rate"), { unit: "%", median: 97.5, missing: 0 })).toBe("2 份报告给出了此项；最多的一组为 90–100%（2 份），中位数为 97.5%。");
  });
});
