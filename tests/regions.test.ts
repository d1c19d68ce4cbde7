import { describe, expect, it } from "vitest";
import { extractText } from "../src/lib/extract/extract.ts";
import { normalize } from "../src/lib/extract/normalize.ts";
import { findTownshipNames, isKnownTownship, townshipsNamed, type TownshipEntry } from "../src/lib/extract/gazetteer.ts";
import { resolveRegion } from "../src/lib/extract/regions.ts";

const codes = (entries: TownshipEntry[]) => entries.map((entry) => entry.code).sort();

describe("townshipsNamed / isKnownTownship", () => {
  it("lists every township with the name, with county, city and province", () => {
    const entries = townshipsNamed("沙市镇");
    expect(codes(entries)).toEqual(["360830105", "430181126", "500235123"]);
    expect(entries.find((entry) => entry.code === "430181126")).toEqual({
      code: "430181126",
      township: "沙市镇",
      county: "浏阳市",
      city: "长沙市",
      province: "湖南省",
    });
    expect(townshipsNamed("王村镇")).toHaveLength(11);
  });

  it("uses the municipality as the city of municipal townships", () => {
    expect(townshipsNamed("沙市镇").find((entry) => entry.code === "500235123")).toMatchObject({
      county: "云阳县",
      city: "重庆市",
      province: "重庆市",
    });
    expect(townshipsNamed("长寿路街道")).toEqual([
      { code: "310107015", township: "长寿路街道", county: "普陀区", city: "上海市", province: "上海市" },
    ]);
  });

  it("gives no city to townships of counties directly under a province", () => {
    expect(townshipsNamed("毛嘴镇")).toEqual([
      { code: "429004101", township: "毛嘴镇", county: "仙桃市", city: null, province: "湖北省" },
    ]);
  });

  it("knows township-level names only", () => {
    expect(isKnownTownship("沙市镇")).toBe(true);
    expect(isKnownTownship("人民街街道")).toBe(true);
    expect(isKnownTownship("云阳县")).toBe(false);
    expect(isKnownTownship("不存在镇")).toBe(false);
    expect(townshipsNamed("不存在镇")).toEqual([]);
  });
});

describe("findTownshipNames", () => {
  it("finds the township of a report title with its offsets", () => {
    expect(findTownshipNames("襄垣县王村镇关于2024年法治政府建设情况的报告")).toEqual([
      { name: "王村镇", start: 3, end: 6 },
    ]);
  });

  it("returns non-overlapping names in text order", () => {
    const text = "中共重庆市万州区新田镇委员会、余家镇人民政府";
    expect(findTownshipNames(text)).toEqual([
      { name: "新田镇", start: 8, end: 11 },
      { name: "余家镇", start: 15, end: 18 },
    ]);
  });

  it("takes the longest name at a position", () => {
    // 新镇 and 新镇街道 are both in the list
    expect(isKnownTownship("新镇")).toBe(true);
    expect(findTownshipNames("新镇街道办事处")).toEqual([{ name: "新镇街道", start: 0, end: 4 }]);
  });

  it("does not report generic words that the list happens to contain", () => {
    expect(isKnownTownship("街道")).toBe(true);
    expect(findTownshipNames("各街道、城区和农场")).toEqual([]);
  });
});

describe("resolveRegion", () => {
  it("resolves by the county's full name (沙市镇 in 云阳县)", () => {
    const result = resolveRegion("沙市镇", "中共云阳县委、县政府：现将沙市镇2024年法治政府建设情况报告如下。");
    expect(result.region).toEqual({
      township: "沙市镇",
      county: "云阳县",
      city: "重庆市",
      province: "重庆市",
      code: "500235123",
    });
    expect(result.candidates).toHaveLength(3);
    expect(result.warning).toBeNull();
  });

  it("resolves one of eleven 王村镇 by 襄垣县", () => {
    const result = resolveRegion("王村镇", "襄垣县王村镇关于2024年法治政府建设情况的报告");
    expect(result.region).toEqual({
      township: "王村镇",
      county: "襄垣县",
      city: "长治市",
      province: "山西省",
      code: "140423106",
    });
    expect(result.candidates).toHaveLength(11);
  });

  it("resolves an autonomous county by its short names (屏边, 红河)", () => {
    const expected = {
      township: "新华乡",
      county: "屏边苗族自治县",
      city: "红河哈尼族彝族自治州",
      province: "云南省",
      code: "532523205",
    };
    expect(resolveRegion("新华乡", "发布机构：屏边县新华乡人民政府").region).toEqual(expected);
    expect(resolveRegion("新华乡", "法治屏边建设").region).toEqual(expected);
    expect(resolveRegion("新华乡", "红河州司法局指导").region).toEqual(expected);
    expect(resolveRegion("新华乡", "红河哈尼族彝族自治州").region).toEqual(expected);
  });

  it("falls back to the city and then the province", () => {
    expect(resolveRegion("王村镇", "长治市委依法治市办").region.code).toBe("140423106");
    expect(resolveRegion("长寿镇", "湖南省司法厅").region.code).toBe("430626104");
    expect(resolveRegion("长寿镇", "湖北省钟祥市").region).toMatchObject({
      county: "钟祥市",
      city: "荆门市",
      province: "湖北省",
      code: "420881101",
    });
  });

  it("resolves a name that occurs once in China whatever the text", () => {
    const result = resolveRegion("寸滩街道", "在区委区政府的坚强领导下");
    expect(result.region).toEqual({
      township: "寸滩街道",
      county: "江北区",
      city: "重庆市",
      province: "重庆市",
      code: "500105005",
    });
    expect(result.warning).toBeNull();
  });

  it("leaves the city empty for a county directly under a province", () => {
    expect(resolveRegion("郑场镇", "仙桃市郑场镇人民政府").region).toEqual({
      township: "郑场镇",
      county: "仙桃市",
      city: null,
      province: "湖北省",
      code: "429004100",
    });
  });

  it("does not guess when the text names no candidate's place (长寿镇)", () => {
    const text = "2023年，长寿镇党委、政府坚持以习近平新时代中国特色社会主义思想为指导，为全镇高质量发展提供法治保障。";
    const result = resolveRegion("长寿镇", text);
    expect(result.region).toEqual({ township: "长寿镇", county: null, city: null, province: null, code: null });
    expect(codes(result.candidates)).toEqual(["420881101", "430626104"]);
    expect(result.warning).toContain("湖北省 荆门市 钟祥市 长寿镇 (420881101)");
    expect(result.warning).toContain("湖南省 岳阳市 平江县 长寿镇 (430626104)");
  });

  it("does not guess 龙华街道 when no place is named", () => {
    const text = "2025年，在区委区政府的坚强领导下，龙华街道全面落实中央、省、市、区关于法治政府建设的系列决策部署。";
    const result = resolveRegion("龙华街道", text);
    expect(result.region.code).toBeNull();
    expect(result.region.county).toBeNull();
    expect(result.candidates).toHaveLength(6);
    expect(result.warning).toContain("广东省 深圳市 龙华区 龙华街道 (440309003)");
    expect(result.warning).toContain("上海市 徐汇区 龙华街道 (310104016)");
  });

  it("does not guess when the deciding level names places of two candidates", () => {
    const result = resolveRegion("沙市镇", "云阳县沙市镇与浏阳市开展交流");
    expect(result.region.code).toBeNull();
    expect(result.warning).toMatch(/沙市镇/);
  });

  it("does not pick among candidates that share the named place", () => {
    // two 王村镇 are in 山西省
    const result = resolveRegion("王村镇", "山西省王村镇");
    expect(result.region.code).toBeNull();
    expect(result.warning).toContain("山西省 长治市 襄垣县 王村镇 (140423106)");
    expect(result.warning).toContain("山西省 忻州市 静乐县 王村镇 (140926105)");
  });

  it("tells candidates in same-named counties apart by their city", () => {
    // 先锋街道 lies in two counties named 西安区 (辽源市, 牡丹江市)
    const liaoyuan = townshipsNamed("先锋街道").filter((entry) => entry.county === "西安区");
    expect(liaoyuan).toHaveLength(2);
    expect(resolveRegion("先锋街道", "西安区先锋街道").region.code).toBeNull();
    const inLiaoyuan = liaoyuan.find((entry) => entry.city === "辽源市")!;
    expect(resolveRegion("先锋街道", "辽源市西安区先锋街道").region.code).toBe(inLiaoyuan.code);
  });

  it("reports a name missing from the list", () => {
    const result = resolveRegion("不存在镇", "云阳县不存在镇");
    expect(result.region).toEqual({ township: "不存在镇", county: null, city: null, province: null, code: null });
    expect(result.candidates).toEqual([]);
    expect(result.warning).toMatch(/^township 不存在镇 not found in the national division list \(created or renamed after it\?\); region left empty$/);
  });

  it("a name the list lacks stays unresolved; the warning names the list's places under another suffix (乡 → 镇)", () => {
    const result = resolveRegion("沙市乡", "云阳县沙市乡");
    expect(result.region).toMatchObject({ township: "沙市乡", county: null, code: null });
    expect(result.warning).toMatch(/not found in the national division list/);
    expect(result.warning).toMatch(/重庆市 云阳县 沙市镇 \(500235123\)/);
  });

  it("resolves a township the text writes by its short form (五一街 for 五一街道), and says so", () => {
    const result = resolveRegion("五一街道", "在石鼓区委的领导下，五一街坚持依法行政");
    expect(result.region).toMatchObject({ township: "五一街道", county: "石鼓区", code: "430407004" });
    expect(result.warning).toMatch(/written 五一街/);
  });

  describe("ordinary words that contain a place name are no evidence", () => {
    it("长治久安 does not name 长治", () => {
      expect(resolveRegion("王村镇", "维护社会长治久安").region.code).toBeNull();
    });

    it("公安 does not name 公安县, but 公安县 does", () => {
      expect(resolveRegion("闸口镇", "联合公安、市场监管开展执法").region.code).toBeNull();
      expect(resolveRegion("闸口镇", "公安县闸口镇人民政府").region.code).toBe("421022103");
    });

    it("全镇安全 does not name 镇安县", () => {
      expect(resolveRegion("月河镇", "确保全镇安全稳定").region.code).toBeNull();
      expect(resolveRegion("月河镇", "镇安县月河镇").region.code).toBe("611025117");
    });

    it("two-character county names count only where they stand as a name", () => {
      // 王楼镇: 延津县 or 范县
      expect(resolveRegion("王楼镇", "争创法治示范县").region.code).toBeNull();
      expect(resolveRegion("王楼镇", "范县王楼镇人民政府").region.code).toBe("410926104");
      expect(resolveRegion("王楼镇", "濮阳市范县王楼镇").region.code).toBe("410926104");
      expect(resolveRegion("王楼镇", "中共范县王楼镇委员会").region.code).toBe("410926104");
    });

    it("the township's own short name does not name a county (延寿 in 延寿镇)", () => {
      // 延寿镇: 北京市昌平区 or 黑龙江省延寿县; both reports may say 法治延寿
      expect(resolveRegion("延寿镇", "延寿镇党委政府着力建设法治延寿").region.code).toBeNull();
      expect(resolveRegion("延寿镇", "延寿县延寿镇").region.code).toBe("230129100");
      expect(resolveRegion("延寿镇", "昌平区延寿镇").region.code).toBe("110114120");
    });
  });

  it("keeps the township as given", () => {
    expect(resolveRegion("王村镇", "").region.township).toBe("王村镇");
  });

  it("never picks a wrong candidate when the text names the full place", () => {
    // every same-named township, introduced by its province, city and county
    for (const name of ["新华乡", "王村镇", "龙华街道", "新市街道", "太平镇", "城关镇"]) {
      for (const entry of townshipsNamed(name)) {
        const text = `${entry.province}${entry.city ?? ""}${entry.county}${entry.township}2024年法治政府建设情况报告`;
        expect(resolveRegion(name, text).region.code, text).toBe(entry.code);
      }
    }
  });
});

describe("names that are parts of other names", () => {
  it("a county short form beginning inside an ordinary word names no county", () => {
    // 兴和 (兴和县) in 振兴和: without it, 夏邑县 alone decides among the 88 城关镇
    const text = "在中共夏邑县委的领导下，城关镇结合乡村振兴和基层治理工作，推进法治建设。";
    expect(resolveRegion("城关镇", text).region).toMatchObject({ county: "夏邑县", code: "411426100" });
    // standing on its own it still counts
    expect(resolveRegion("城关镇", "兴和城关镇法治建设").region.county).toBe("兴和县");
  });
});

describe("names the match view writes otherwise", () => {
  // the match view (normalize().match) writes 乾 as 干 and 鷺 as 鹭; the list's names are looked for as it writes them
  it("finds and resolves them, and reports them as the list writes them", () => {
    const text = normalize("婺城区乾西乡关于2023年法治政府建设情况的报告\n乾西乡坚持……").match;
    expect(text.startsWith("婺城区干西乡")).toBe(true);
    expect(findTownshipNames(text).map((m) => m.name)).toEqual(["干西乡", "干西乡"]);
    expect(resolveRegion("干西乡", text).region).toMatchObject({ township: "乾西乡", code: "330702201" });
    expect(townshipsNamed("干西乡").map((e) => e.township)).toEqual(["乾西乡"]);
    expect(isKnownTownship("乾西乡")).toBe(true);
  });

  it("counties too: 乾安县 names its 乾安镇", () => {
    const r = extractText("r.txt", "乾安县乾安镇2024年法治政府建设情况报告\n2024年，乾安镇在乾安县委、县政府的领导下……");
    expect(r).toMatchObject({ township: "乾安镇", county: "乾安县", code: "220723100" });
  });

  it("reads full-width brackets as the text's ASCII ones", () => {
    expect(townshipsNamed("中国(上海)自由贸易试验区(保税片区)").map((e) => e.township)).toEqual(["中国（上海）自由贸易试验区（保税片区）"]);
  });
});
