// The small multiples chart (src/lib/charts/smallMultiples.ts): one panel a township over the years.
import { describe, expect, it } from "vitest";
import { latestWithChange, smallMultiplesSvg } from "../src/lib/charts/smallMultiples.ts";
import { seriesOf, type SeriesDatum } from "../src/lib/charts/slopeChart.ts";
import { golden, parse } from "./golden.ts";

const YEARS = [2021, 2022, 2023, 2024, 2025];
const TOWNS = ["永顺街道", "兴安街道", "滨河街道", "沙河驿镇", "蔡园镇", "马兰庄镇", "夏官营镇"];
/** seven townships, five years; 滨河街道 gives ≥ in 2024, 蔡园镇 skips 2023 */
const DATA: SeriesDatum[] = TOWNS.flatMap((series, i) =>
  YEARS.filter((y) => !(series === "蔡园镇" && y === 2023)).map((year, k) => ({
    series,
    year,
    value: 20 + i * 15 + k * (i % 3 === 0 ? 4 : -3),
    qualifier: series === "滨河街道" && year === 2024 ? ("at_least" as const) : ("exact" as const),
  })),
);
const OPTIONS = { title: "排查调处矛盾纠纷件数：迁安市各乡镇（街道）的年度变化", description: "小多图", unit: "件", id: "sm" };

describe("smallMultiplesSvg", () => {
  const svg = smallMultiplesSvg(DATA, OPTIONS);
  const root = parse(svg);
  const texts = [...root.querySelectorAll("text")].map((t) => t.textContent ?? "");

  it("matches the golden file", () => {
    golden("small-multiples-disputes", svg);
  });

  it("draws a panel per township, headed by its name, its latest figure and the change from the year before", () => {
    for (const t of TOWNS) expect(texts).toContain(t);
    // 永顺街道 20 + 4 a year, 兴安街道 35 − 3 a year
    expect(texts).toContain("36（+4）");
    expect(texts).toContain("23（−3）");
    // every figure a dot; the one not exact hollow, with the legend saying so
    expect(root.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(DATA.length);
    expect(texts.join(" ")).toContain("非确数");
    expect(root.getAttribute("role")).toBe("img");
    expect(root.querySelector("title")?.textContent).toBe(OPTIONS.title);
  });

  it("leaves out series of one year, and gives 暂无数据 without any of two", () => {
    const one = smallMultiplesSvg([...DATA, { series: "孤镇", year: 2025, value: 5, qualifier: "exact" }], OPTIONS);
    expect(one).not.toContain("孤镇");
    expect(parse(smallMultiplesSvg(DATA.slice(0, 1), OPTIONS)).textContent).toContain("暂无数据");
  });

  it("says a change only between consecutive years, 约 where a figure is not exact", () => {
    const [s] = seriesOf([{ series: "a", year: 2022, value: 5, qualifier: "exact" }, { series: "a", year: 2024, value: 9, qualifier: "exact" }]);
    expect(latestWithChange(s!, "件")).toBe("9");
    const [q] = seriesOf([{ series: "a", year: 2023, value: 5, qualifier: "exact" }, { series: "a", year: 2024, value: 9, qualifier: "at_least" }]);
    expect(latestWithChange(q!, "件")).toBe("≥9（约+4）");
    const [r] = seriesOf([{ series: "a", year: 2023, value: 50, qualifier: "exact" }, { series: "a", year: 2024, value: 60, qualifier: "exact" }]);
    expect(latestWithChange(r!, "%")).toBe("60%（+10）");
  });
});
