import { describe, expect, it } from "vitest";
import { findNumerals, parseChineseNumeral } from "../src/lib/extract/numbers.ts";
import { findMentions } from "../src/lib/extract/mentions.ts";
import { normalize } from "../src/lib/extract/normalize.ts";
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
    // 零 holds an empty place, 零十 is 一十
    ["一万零十二", 10012],
    ["一百零十万", 1_100_000],
    ["三千零五十", 3050],
    ["二十万零七", 200_007],
    // a digit right after 百/千/万/亿 is the next place down
    ["一千三", 1300],
    ["两万三", 23000],
    ["九十二万四", 924_000],
    ["百三", 130],
    ["一亿二", 120_000_000],
    // but not after 十, nor after 零
    ["三十五", 35],
    ["一千零三", 1003],
    // big units: 亿 after 万 multiplies all, 万 after 亿 only its own group
    ["一万五千亿", 1_500_000_000_000],
    ["三亿零五十万", 300_500_000],
    ["四万万", 400_000_000],
    // financial forms, 廿/卅
    ["壹佰伍拾", 150],
    ["贰仟零捌拾", 2080],
    ["叁万肆仟", 34000],
    ["廿三", 23],
    ["卅", 30],
    // Arabic numbers with Chinese units
    ["3万4000", 34000],
    ["2万6千", 26000],
    ["1千零20", 1020],
    ["12万5千", 125000],
    // years digit by digit
    ["二〇二四", 2024],
    ["二零二三", 2023],
    ["一九九八", 1998],
  ])("%s → %d", (s, v) => expect(parseChineseNumeral(s)).toBe(v));

  it("rejects runs that are not numbers", () => {
    expect(parseChineseNumeral("一一")).toBeNaN();
    expect(parseChineseNumeral("百百")).toBeNaN();
    expect(parseChineseNumeral("一万一万")).toBeNaN();
    expect(parseChineseNumeral("十百")).toBeNaN();
    // two digits side by side are "three or four", not 34
    expect(parseChineseNumeral("三四")).toBeNaN();
    expect(parseChineseNumeral("两三")).toBeNaN();
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
  it("reads numerals that mix Arabic digits and Chinese units as one", () => {
    expect(values("累计3万4000人次")).toEqual([34000]);
    expect(values("发放2万6千余份")).toEqual([26000]);
    expect(values("覆盖12万5千人")).toEqual([125000]);
    expect(values("达1千零20件")).toEqual([1020]);
    expect(values("资金1.5亿元")).toEqual([150_000_000]);
    expect(values("惠及2.3万户")).toEqual([23000]);
  });
  it("an Arabic run takes no Chinese digit after its unit (2万一次 is 2万 and 一次)", () => {
    expect(values("2万一次性")).toEqual([20000, 1]);
    expect(values("3万40000")).toEqual([30000, 40000]);
  });
  it("reads 余/多 inside a numeral, before 万/亿", () => {
    expect(values("受众十余万人次")).toEqual([100_000]);
    expect(values("覆盖500余万人")).toEqual([5_000_000]);
    expect(values("惠及一千多万群众")).toEqual([10_000_000]);
    expect(values("覆盖二十余万人次")).toEqual([200_000]);
    // after the big unit, 余 is outside: the qualifier reader takes it
    expect(values("达2万余人")).toEqual([20000]);
    expect(values("万余份")).toEqual([10000]);
  });
  it("bridges spaces inside a numeral (PDF text), never between two Arabic numbers", () => {
    expect(values("调解一百 五 十 二件")).toEqual([152]);
    expect(values("共 三千 九百 六十五 人")).toEqual([3965]);
    expect(values("覆盖 1000  万人")).toEqual([10_000_000]);
    expect(values("十 余 万人次")).toEqual([100_000]);
    expect(values("分别为12 34")).toEqual([12, 34]);
    // a run that is no numeral across its spaces is read piece by piece
    expect(values("一百 二百")).toEqual([100, 200]);
  });
  it("separators: thousands groups with either comma, lists are not", () => {
    expect(values("1,234人")).toEqual([1234]);
    expect(values("1，234人")).toEqual([1234]);
    expect(values("12,345,678元")).toEqual([12_345_678]);
    expect(values("第1,2条")).toEqual([1, 2]);
  });
  it("full-width digits are folded by normalisation before they are read", () => {
    const text = normalize("发放１２３４份，达１．５万人次").match;
    expect(values(text)).toEqual([1234, 15000]);
  });
  it("reads financial forms, but not the words they are part of", () => {
    expect(values("捐款壹万贰仟元")).toEqual([12000]);
    expect(values("伍拾份")).toEqual([50]);
    for (const word of ["队伍十分整齐", "陆续开展十次", "收拾起来", "拾起三件", "大肆宣扬", "登陆十次"]) {
      expect(findNumerals(word, { chineseWithUnitOnly: true }).map((t) => word.slice(t.start, t.end)), word).not.toContain(expect.stringMatching(/[伍陆肆拾]/));
    }
    // a lone financial character is a word
    expect(findNumerals("没有人拾到")).toEqual([]);
  });
  it("units without a digit are numerals only as 十…, 百… or before 余/多", () => {
    expect(values("十万人")).toEqual([100_000]);
    expect(values("百余次")).toEqual([100]);
    expect(values("千余份")).toEqual([1000]);
    expect(values("千万不要")).toEqual([]);
    expect(values("万万不可")).toEqual([]);
    expect(values("亿万群众")).toEqual([]);
    expect(values("千方百计")).toEqual([100]);
    expect(values("惠及师生近千人")).toEqual([1000]);
    expect(values("覆盖群众超万人次")).toEqual([10000]);
    expect(values("约千份")).toEqual([1000]);
    // an indefinite amount is no figure
    for (const s of ["覆盖数百人", "开展几十次", "发放上千份", "成千上万群众", "数十万人次"]) expect(values(s), s).toEqual([]);
  });
  it("years and dates read as numbers, never as figures (no unit counts them)", () => {
    expect(values("二〇二四年")).toEqual([2024]);
    expect(findNumerals("二〇二四年", { chineseWithUnitOnly: true })).toEqual([]);
    const text = "二〇二四年三月至2024年12月31日，镇党委召开法治建设专题会议3次。";
    expect(findMentions(text, 2024).map((m) => m.value)).toEqual([3]);
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
    ["受众十余万人次", "at_least"],
    ["覆盖500余万人", "at_least"],
    ["近十余万人", "approx"],
    ["十余万左右", "approx"],
  ])("%s → %s", (s, want) => expect(q(s)).toBe(want));

  it("the total is at_least when any summed mention is, else the most uncertain", () => {
    expect(totalQualifier(["exact", "at_least", "approx"])).toBe("at_least");
    expect(totalQualifier(["exact", "at_most"])).toBe("at_most");
    expect(totalQualifier(["at_most", "approx"])).toBe("approx");
    expect(totalQualifier(["exact"])).toBe("exact");
    expect(combine("at_most", "at_least")).toBe("approx");
  });
});

describe("figures read as mentions", () => {
  const mention = (s: string) => findMentions(s, 2024).map((m) => [m.indicator, m.value, m.qualifier]);
  it.each([
    ["开展普法宣传活动，受教育群众十余万人次。", ["publicity_reach", 100_000, "at_least"]],
    ["发放宣传资料2万6千余份。", ["publicity_materials", 26_000, "at_least"]],
    ["发放法治宣传资料3万4000份。", ["publicity_materials", 34_000, "exact"]],
    ["成功调解矛盾纠纷一百 五 十 二件。", ["disputes_resolved", 152, "exact"]],
    ["发放普法宣传册一千三份。", ["publicity_materials", 1300, "exact"]],
  ])("%s", (s, want) => expect(mention(s)).toEqual([want]));
});
