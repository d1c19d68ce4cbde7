import { describe, expect, it } from "vitest";
import { findNumerals, parseChineseNumeral } from "../src/lib/extract/numbers.ts";
import { readQualifier, totalQualifier, combine } from "../src/lib/extract/qualifiers.ts";

describe("parseChineseNumeral", () => {
  it.each([
    ["十", 10],
    ["十五", 15],
    ["二十", 20],
    ["百", 100],
    ["一千二百", 1200],
    ["两万", 20000],
    ["一万零一十二", 10012],
    ["三千零五", 3005],
    ["十二万三千", 123000],
  ])("%s → %d", (s, v) => expect(parseChineseNumeral(s)).toBe(v));

  it("rejects runs that are not numbers", () => {
    expect(parseChineseNumeral("一一")).toBeNaN();
    expect(parseChineseNumeral("百百")).toBeNaN();
  });
});

describe("findNumerals", () => {
  const values = (s: string) => findNumerals(s).map((t) => t.value);
  it("reads Arabic numbers with separators, decimals and multipliers", () => {
    expect(values("发放1,200份、2.5万份、3万份、1.2万人次")).toEqual([1200, 25000, 30000, 12000]);
    expect(values("罚款金额136161元")).toEqual([136161]);
    expect(values("执结率87.5%")).toEqual([87.5]);
  });
  it("reads Chinese numerals", () => {
    expect(values("达百余次")).toEqual([100]);
    expect(values("两万余人次")).toEqual([20000]);
    expect(values("十余场")).toEqual([10]);
  });
  it("gives offsets of the numeral itself", () => {
    const [t] = findNumerals("化解148件");
    expect(t).toMatchObject({ start: 2, end: 5 });
  });
});

describe("qualifiers", () => {
  const q = (s: string) => {
    const [t] = findNumerals(s);
    return readQualifier(s, t!.start, t!.end).qualifier;
  };
  it.each([
    ["发放宣传单3000余份", "at_least"],
    ["覆盖群众300多人", "at_least"],
    ["审查合同超185份", "at_least"],
    ["逾200人次", "at_least"],
    ["近2700名党员", "at_most"],
    ["将近50次", "at_most"],
    ["不足20件", "at_most"],
    ["约300人", "approx"],
    ["近3万余份", "approx"],
    ["化解148件", "exact"],
  ])("%s → %s", (s, want) => expect(q(s)).toBe(want));

  it("the total is at_least when any summed mention is, else the most uncertain", () => {
    expect(totalQualifier(["exact", "at_least", "approx"])).toBe("at_least");
    expect(totalQualifier(["exact", "at_most"])).toBe("at_most");
    expect(totalQualifier(["at_most", "approx"])).toBe("approx");
    expect(totalQualifier(["exact"])).toBe("exact");
    expect(combine("at_most", "at_least")).toBe("approx");
  });
});
