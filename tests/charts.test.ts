import { describe, expect, it } from "vitest";
import { barChartSvg, type BarDatum } from "../src/lib/charts/barChart.ts";
import { slopeChartSvg, dodge, yearTicks, type SeriesDatum } from "../src/lib/charts/slopeChart.ts";
import { barSummary, slopeSummary } from "../src/lib/charts/summary.ts";
import { golden, parse } from "./golden.ts";

const num = (el: Element, attr: string) => Number(el.getAttribute(attr));

const MEDIATION: BarDatum[] = [
  { label: "王村镇", group: "淄川区", value: 152, qualifier: "exact" },
  { label: "沙市镇", group: "云阳县", value: 3000, qualifier: "at_least" },
  { label: "蒲场镇", group: "淄川区", value: 0, qualifier: "exact" },
  { label: "古龙镇", group: "云阳县", value: 30000, qualifier: "approx" },
  { label: "周营镇", group: "沂水县", value: 2700, qualifier: "at_most" },
  { label: "龙华街道", group: "云阳县", value: 845, qualifier: "exact" },
];
const BAR_OPTIONS = { title: "调解矛盾纠纷", description: "各乡镇（街道）调解矛盾纠纷的件数，从多到少。", unit: "件", groupLabel: "县（区）" };

const TRAINING: SeriesDatum[] = [
  { series: "沙市镇", year: 2023, value: 120, qualifier: "exact" },
  { series: "沙市镇", year: 2024, value: 152, qualifier: "exact" },
  { series: "王村镇", year: 2023, value: 100, qualifier: "at_least" },
  { series: "王村镇", year: 2024, value: 95, qualifier: "exact" },
  { series: "古龙镇", year: 2023, value: 40, qualifier: "exact" },
  { series: "古龙镇", year: 2024, value: 148, qualifier: "approx" },
  { series: "周营镇", year: 2024, value: 60, qualifier: "exact" },
];
const SLOPE_OPTIONS = { title: "法治培训场次的变化", description: "三个乡镇 2023 年与 2024 年法治培训的场次。", unit: "场" };

describe("barChartSvg", () => {
  const svg = barChartSvg(MEDIATION, BAR_OPTIONS);
  const root = parse(svg);
  const bars = [...root.querySelectorAll('g[aria-label="bar"] > rect')];

  it("matches the golden files", () => {
    golden("bar-mediation", svg);
    golden("bar-single", barChartSvg(MEDIATION.slice(0, 1), { ...BAR_OPTIONS, title: "单个乡镇" }));
    golden("bar-empty", barChartSvg([], { ...BAR_OPTIONS, title: "无数据" }));
  });

  it("draws one bar per non-zero datum, in descending order", () => {
    expect(bars).toHaveLength(MEDIATION.filter((d) => d.value !== 0).length);
    const byY = [...bars].sort((a, b) => num(a, "y") - num(b, "y"));
    const widths = byY.map((r) => num(r, "width"));
    expect(widths.every((w, i) => i === 0 || w <= (widths[i - 1] ?? Infinity))).toBe(true);
    expect(widths.every((w) => w > 0)).toBe(true);
  });

  it("writes every value with its qualifier mark, and the zero as 0", () => {
    const texts = [...root.querySelectorAll("text")].map((t) => t.textContent);
    for (const label of ["≥3,000", "约30,000", "近2,700", "152", "845", "0"]) expect(texts).toContain(label);
    // the group is written with the name: colour is not the only cue
    expect(texts).toContain("沙市镇（云阳县）");
    expect(texts).toContain("蒲场镇（淄川区）");
    expect(texts).toContain("单位：件");
  });

  it("names the names in value order (an explicit ordinal domain)", () => {
    const names = [...root.querySelectorAll("text")].map((t) => t.textContent ?? "").filter((t) => t.includes("（"));
    expect(names.filter((n) => /镇|街道/.test(n))).toEqual([
      "古龙镇（云阳县）",
      "沙市镇（云阳县）",
      "周营镇（沂水县）",
      "龙华街道（云阳县）",
      "王村镇（淄川区）",
      "蒲场镇（淄川区）",
    ]);
  });

  it("marks figures that are not exact with a light, dashed bar", () => {
    const dashed = [...root.querySelectorAll('g[aria-label="bar"][stroke-dasharray] > rect')];
    expect(dashed).toHaveLength(3);
  });

  it("is accessible: role=img, <title>, <desc>, role=group on labelled g's", () => {
    expect(root.getAttribute("role")).toBe("img");
    const title = root.querySelector("title");
    expect(title?.textContent).toBe(BAR_OPTIONS.title);
    expect(root.getAttribute("aria-labelledby")).toBe(title?.getAttribute("id"));
    expect(root.querySelector("desc")?.textContent).toBe(BAR_OPTIONS.description);
    const labelled = [...root.querySelectorAll("g[aria-label]")];
    expect(labelled.length).toBeGreaterThan(0);
    for (const g of labelled) expect(g.getAttribute("role")).toBe("group");
    expect(root.getAttribute("viewBox")).toMatch(/^0 0 \d+ \d+$/);
    expect(Number(root.getAttribute("font-size"))).toBeGreaterThanOrEqual(12);
  });

  it("is byte-identical across renders", () => {
    expect(barChartSvg(MEDIATION, BAR_OPTIONS)).toBe(svg);
    expect(svg).not.toMatch(/plot-clip-\d/);
  });

  it("grows with the number of bars", () => {
    const h = (n: number) => num(parse(barChartSvg(MEDIATION.slice(0, n), BAR_OPTIONS)), "height");
    expect(h(2)).toBeLessThan(h(4));
    expect(h(4)).toBeLessThan(h(6));
  });

  it("handles one datum and no data", () => {
    const one = parse(barChartSvg(MEDIATION.slice(0, 1), BAR_OPTIONS));
    expect(one.querySelectorAll('g[aria-label="bar"] > rect')).toHaveLength(1);
    const none = parse(barChartSvg([], BAR_OPTIONS));
    expect(none.querySelectorAll('g[aria-label="bar"] > rect')).toHaveLength(0);
    expect(none.textContent).toContain("暂无数据");
    expect(none.querySelector("title")?.textContent).toBe(BAR_OPTIONS.title);
  });

  it("draws a chart of zeros as 0 labels and no bars", () => {
    const zeros = parse(barChartSvg([{ label: "蒲场镇", group: "淄川区", value: 0, qualifier: "exact" }], BAR_OPTIONS));
    expect(zeros.querySelectorAll('g[aria-label="bar"] > rect')).toHaveLength(0);
    expect([...zeros.querySelectorAll("text")].map((t) => t.textContent)).toContain("0");
  });
});

describe("slopeChartSvg", () => {
  const svg = slopeChartSvg(TRAINING, SLOPE_OPTIONS);
  const root = parse(svg);
  const texts = [...root.querySelectorAll("text")].map((t) => t.textContent ?? "");

  it("matches the golden file", () => {
    golden("slope-training", svg);
  });

  it("draws the series with two years or more, with end labels and year ticks", () => {
    expect(texts).toEqual(expect.arrayContaining(["沙市镇 152", "王村镇 95", "古龙镇 约148", "2023年", "2024年"]));
    expect(texts.some((t) => t.startsWith("周营镇"))).toBe(false);
    expect(root.querySelectorAll('g[aria-label="dot"] > circle')).toHaveLength(6);
    // integer year ticks only
    expect(texts.filter((t) => t.endsWith("年"))).toEqual(["2023年", "2024年"]);
  });

  it("is accessible and deterministic", () => {
    expect(root.getAttribute("role")).toBe("img");
    expect(root.querySelector("title")?.textContent).toBe(SLOPE_OPTIONS.title);
    for (const g of root.querySelectorAll("g[aria-label]")) expect(g.getAttribute("role")).toBe("group");
    expect(slopeChartSvg(TRAINING, SLOPE_OPTIONS)).toBe(svg);
  });

  it("says 暂无数据 when no series has two years", () => {
    expect(parse(slopeChartSvg(TRAINING.slice(-1), SLOPE_OPTIONS)).textContent).toContain("暂无数据");
    expect(parse(slopeChartSvg([], SLOPE_OPTIONS)).textContent).toContain("暂无数据");
  });

  it("keeps end labels apart", () => {
    expect(dodge([100, 102, 104], 18, 0, 400)).toEqual([100, 118, 136]);
    expect(dodge([395, 398], 18, 0, 400)).toEqual([382, 400]);
    expect(dodge([50, 10], 18, 0, 400)).toEqual([50, 10]);
  });

  it("thins year ticks that would not fit", () => {
    expect(yearTicks([2023, 2024], 200)).toEqual([2023, 2024]);
    const many = Array.from({ length: 12 }, (_, i) => 2013 + i);
    const ticks = yearTicks(many, 200);
    expect(ticks.length).toBeLessThan(many.length);
    expect(ticks[ticks.length - 1]).toBe(2024);
  });
});

describe("captions", () => {
  it("barSummary", () => {
    expect(barSummary(MEDIATION, "件", ["东城街道", "西城街道"])).toBe(
      "6 个乡镇（街道）报告了此项。最多为古龙镇（约30,000 件），最少为蒲场镇（0 件）；1 个报告为零，3 个为非确数（≥ 近 约）。2 个未报告：东城街道、西城街道。",
    );
    expect(barSummary(MEDIATION.slice(0, 1), "件", [])).toBe("1 个乡镇（街道）报告了此项：王村镇（152 件）。");
    expect(barSummary([], "件", ["古龙镇"])).toBe("尚无乡镇（街道）报告此项。1 个未报告：古龙镇。");
    expect(
      barSummary(
        [
          { label: "王村镇", group: "淄川区", value: 5, qualifier: "exact" },
          { label: "王村镇", group: "沂水县", value: 5, qualifier: "exact" },
          { label: "沙市镇", group: "云阳县", value: 2, qualifier: "exact" },
        ],
        "次",
        [],
      ),
    ).toBe("3 个乡镇（街道）报告了此项。最多为王村镇（沂水县）、王村镇（淄川区）（各 5 次），最少为沙市镇（2 次）。");
  });

  it("slopeSummary", () => {
    expect(slopeSummary(TRAINING, "场")).toBe(
      "沙市镇从2023年的120 场增至2024年的152 场；王村镇从2023年的≥100 场减至2024年的95 场；古龙镇从2023年的40 场增至2024年的约148 场。",
    );
    expect(
      slopeSummary(
        [
          { series: "蒲场镇", year: 2023, value: 3, qualifier: "exact" },
          { series: "蒲场镇", year: 2024, value: 3, qualifier: "exact" },
          { series: "周营镇", year: 2022, value: 9, qualifier: "exact" },
          { series: "周营镇", year: 2024, value: 2, qualifier: "at_least" },
        ],
        "次",
      ),
    ).toBe("蒲场镇2023年和2024年均为3 次；周营镇从2022年的9 次变为2024年的≥2 次。");
    expect(slopeSummary([], "次")).toBe("暂无两个以上年份的数据可比较。");
  });
});
