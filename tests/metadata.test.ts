import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractText } from "../src/lib/extract/extract.ts";
import { extractMetadata, findTitle, findYear } from "../src/lib/extract/metadata.ts";
import { normalize } from "../src/lib/extract/normalize.ts";
import { excludedRanges, findSections } from "../src/lib/extract/sections.ts";

const fixture = (c: string, f: string) => readFileSync(join(import.meta.dirname, "fixtures", "reports", c, f), "utf8");

describe("title and year covered", () => {
  it("reads a title broken over two lines", () => {
    const n = normalize(fixture("seeds", "003_37d3b37060572fdb.txt"));
    expect(findTitle(n.match)).toBe("襄垣县王村镇关于2024年法治政府建设情况的报告");
  });
  it("the year covered, not the year published", () => {
    expect(findYear("发布日期: 2024-01-31\n澧浦镇2023年度法治政府建设工作报告\n今年以来……", findTitle("澧浦镇2023年度法治政府建设工作报告"))).toEqual({ year: 2023, source: "title" });
    expect(findYear("现将我镇2023年度法治政府建设工作开展情况汇报如下：", null).year).toBe(2023);
    expect(findYear("2022年,在区委、区政府的正确领导下……", null).year).toBe(2022);
  });
  it.each([
    // a statement of what follows: 现将/现对/现就 … 年
    ["现对2024年所做工作总结如下：", 2024, "statement"],
    ["现就2023年度依法行政工作报告如下：", 2023, "statement"],
    // the first heading
    ["今年以来，我镇坚持依法行政。\n一、2023年度主要工作及成效\n（一）……", 2023, "heading"],
    ["（一）2025年推进法治建设的主要举措\n……", 2025, "heading"],
    // the opening sentence's time, after a preamble
    ["为贯彻落实上级部署，2024年，新城街道以习近平法治思想为指导……", 2024, "opening"],
    ["法治政府建设是全面依法治国的重点任务。2023年以来，某镇坚持……", 2023, "opening"],
    // years written digit by digit
    ["二〇二四年，某镇坚持依法行政……", 2024, "opening"],
    ["现将二○二三年度法治政府建设情况报告如下：", 2023, "statement"],
    ["一、二零二五年主要工作及成效\n……", 2025, "heading"],
  ])("the year covered from the opening: %s", (text, year, source) => {
    expect(findYear(text, null)).toEqual({ year, source });
  });
  it("not a plan's heading, nor a year that only dates something", () => {
    expect(findYear("今年以来，我镇坚持依法行政。\n三、2026年工作计划\n……", null).year).toBeNull();
    expect(findYear("截至2023年，全镇建成法治文化阵地12个。", null).year).toBeNull();
    expect(findYear("认真落实《法治社会建设实施纲要（2020—2025年）》，全面推进……", null).year).toBeNull();
  });
  it("a year inside a cited document's name is not the report's year", () => {
    const text = "认真贯彻落实《城中区2026年法治政府建设工作要点》要求。现将2025年工作情况总结如下:";
    expect(findYear(text, findTitle(text)).year).toBe(2025);
  });
  it("page fields glued before the title are cut off", () => {
    const n = normalize("  • 发文时间:2026年01月28日\n  • 标  题:山亭区徐庄镇2025年度法治政府建设情况报告\n");
    expect(extractMetadata(n.match)).toMatchObject({ year: 2025, township: "徐庄镇" });
  });
  it("falls back to the publication date, with a warning", () => {
    const r = extractText("x.txt", "发布日期：2025-02-10\n今年以来，龙颈镇坚持依法行政。");
    expect(r.year).toBe(2024);
    expect(r.warnings.join()).toMatch(/publication date/);
  });
  it("reads the report date and issuer", () => {
    const m = extractMetadata(normalize(fixture("seeds", "002_7bb0ea24405235a1.txt")).match);
    expect(m).toMatchObject({ township: "周营镇", year: 2023, reportDate: "2023-12-13" });
  });
});

describe("township and region", () => {
  it("a township the text writes by its short form (X街 for X街道)", () => {
    const r = extractText("x.txt", "2024年，在石鼓区委、区政府的正确领导下，五一街深入推进法治建设。五一街党工委召开专题会议3次。");
    expect(r).toMatchObject({ township: "五一街道", county: "石鼓区", code: "430407004" });
  });
  it.each([
    ["石鼓区五一街办二〇二四年法治政府建设情况报告\n今年以来……", 2024],
    ["石鼓区五一办事处关于二零二五年度法治政府建设工作的报告\n……", 2025],
    ["石鼓区五一街道办事处2023年法治政府建设年度报告\n……", 2023],
    ["石鼓区五一街道办2023年法治政府建设年度报告\n……", 2023],
  ])("the 街道 by its office's names: %s", (text, year) => {
    expect(extractText("x.txt", text)).toMatchObject({ township: "五一街道", county: "石鼓区", year });
  });
  it("镇人民政府 and the 党委 name the 镇", () => {
    expect(extractText("x.txt", "云阳县沙市镇人民政府关于2024年法治政府建设情况的报告\n中共沙市镇委员会……")).toMatchObject({ township: "沙市镇", code: "500235123" });
  });
  it("a township the list lacks is not read as the known name its own name ends with", () => {
    // 西街道 (相山区) is the tail of 澜西街道, which the list does not have
    const r = extractText("x.txt", "某某县澜西街道2025年法治政府建设工作报告\n2025年，澜西街道认真履行法治建设职责。澜西街道党工委召开专题会议4次。");
    expect(r).toMatchObject({ township: "澜西街道", county: null, province: null, code: null });
    expect(r.warnings.join()).toMatch(/澜西街道 not found in the national division list/);
  });
  it("a known name after a county's name, 在 or 、 is the township itself", () => {
    const r = extractText("x.txt", "相山区西街道2024年法治政府建设情况报告\n2024年，在区委领导下，西街道坚持依法行政。");
    expect(r).toMatchObject({ township: "西街道", county: "相山区", code: "340603003" });
  });
  it("a known name always after a year or 赴 is still the township itself", () => {
    const r = extractText("x.txt", "淮北市2024年西街道法治政府建设情况报告\n2024年西街道坚持依法行政，组织干部赴西街道综治中心学习。");
    expect(r).toMatchObject({ township: "西街道", code: "340603003" });
  });
  it("reads traditional-Chinese reports through the simplified view", () => {
    const r = extractText("r037.txt", fixture("dev", "r037.txt"));
    expect(r).toMatchObject({ township: "云湖桥镇", county: "湘潭县", code: "430321111", year: 2025 });
  });
  it("leaves the region empty, with the candidates, when the text does not settle it", () => {
    const r = extractText("r010.txt", fixture("dev", "r010.txt"));
    expect(r).toMatchObject({ township: "长寿镇", county: null, city: null, province: null, code: null });
    expect(r.warnings.join("\n")).toMatch(/430626104/);
  });
  it("the township's own name is no evidence for a county of the same name (龙华街道 ≠ 龙华区)", () => {
    const r = extractText("x.txt", "龙华街道2025年法治政府建设情况报告\n2025年，龙华街道开展普法宣传12场。");
    expect(r.code).toBeNull();
  });
  it("a report without a township or year is an error naming the file", () => {
    const r = extractText("notes.txt", "工作总结\n今年开展了很多工作。");
    expect(r.errors).toEqual(expect.arrayContaining([expect.stringMatching(/^notes\.txt: no township/), expect.stringMatching(/^notes\.txt: the year/)]));
  });
});

describe("sections", () => {
  it("excludes 存在问题 and 下一步 sections, and headings naming a later year", () => {
    const text = normalize(fixture("seeds", "000_cd6ed32ab14735ed.txt")).match;
    const kinds = findSections(text, 2024).filter((s) => s.heading.level === 1).map((s) => [s.heading.title.slice(0, 8), s.kind]);
    expect(kinds).toEqual([
      ["一、2024年推", "results"],
      ["二、2024年党", "results"],
      ["三、2024年推", "problems"],
      ["四、2025年推", "plans"],
    ]);
    expect(excludedRanges(text, 2024)).toHaveLength(2);
  });
});

describe("street offices", () => {
  it("X街道办事处 is read as X街道 when that is a known township", () => {
    const r = extractText("x.txt", "新华街道办事处2024年法治政府建设情况报告\n2024年，石家庄市长安区新华街道办事处坚持依法行政。");
    expect(r.township).toBe("新华街道");
  });
});

describe("township names inside county names", () => {
  it("a township name that is part of the county's name does not outscore the township", () => {
    const text =
      "临沂高新技术产业开发区罗西街道关于2022年法治政府建设情况的报告\n区委、区政府：\n对照《中共临沂高新技术产业开发区委全面依法治区委员会2022年度工作要点》《临沂高新技术产业开发区党政主要负责人履行推进法治建设第一责任人职责工作指引》，罗西街道坚决履行法治建设工作职责。";
    expect(extractMetadata(text).township).toBe("罗西街道");
    expect(extractMetadata("天津市滨海新区新村街道2025年法治政府建设工作报告\n滨海新区区委：新村街道……").township).toBe("新村街道");
    expect(extractMetadata("永兴县黄泥镇2023年法治政府建设情况报告\n黄泥镇……").township).toBe("黄泥镇");
  });
  it("is read when no other township is named", () => {
    expect(extractMetadata("滨海新区2024年法治政府建设情况报告").township).toBe("滨海新区");
  });
});
