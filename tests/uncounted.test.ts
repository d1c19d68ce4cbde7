// Uncounted numbers (src/lib/extract/uncounted.ts): every kind of reason with a report-like
// sentence, every row of the reason and near-word tables, and the two properties: no uncounted
// number overlaps a counted figure's evidence, and every counting-unit numeral is one or the other.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractText } from "../src/lib/extract/extract.ts";
import { INDICATOR_IDS, unitFits } from "../src/lib/extract/indicators.ts";
import { findMentions } from "../src/lib/extract/mentions.ts";
import { NEAR_WORDS } from "../src/lib/extract/nearWords.ts";
import { normalize } from "../src/lib/extract/normalize.ts";
import { findSections } from "../src/lib/extract/sections.ts";
import { countingNumerals, findUncounted, indicatorsNamedIn } from "../src/lib/extract/uncounted.ts";
import {
  DURATION_AFTER_WORDS,
  OTHER_COUNTING_UNITS,
  PLANNED_WORDS,
  SUBORDINATE_AFTER_WORDS,
  SUBORDINATE_BEFORE_WORDS,
  UNCOUNTED_KIND_ZH,
  type UncountedKind,
} from "../src/lib/extract/uncountedReasons.ts";
import type { UnitClass } from "../src/lib/extract/units.ts";

const HEAD = "某某镇2024年法治政府建设情况报告\n一、主要工作情况\n";

function uncountedOf(body: string, year = 2024) {
  const text = normalize(HEAD + body).match;
  const sections = findSections(text, year);
  const mentions = findMentions(text, year, sections);
  return { text, mentions, uncounted: findUncounted(text, sections, mentions) };
}

/** The uncounted number whose text (number and unit) is `written`. */
function find(body: string, written: string) {
  const { text, uncounted } = uncountedOf(body);
  const u = uncounted.find((x) => text.slice(x.start, x.end) === written);
  if (!u) throw new Error(`«${written}» not uncounted in «${body}»: ${JSON.stringify(uncounted.map((x) => [text.slice(x.start, x.end), x.kind]))}`);
  return u;
}

describe("every kind of uncounted number", () => {
  const cases: [UncountedKind, string, string][] = [
    ["identifier", "召开第3次联席会议。", "3次"],
    ["identifier", "设立编号A12件。", "12件"],
    ["date", "整改期限为3个月。", "3个"],
    ["date", "全年受理2024件。", "2024件"],
    ["section", "开展普法宣传6场。\n二、下一步工作打算\n开展普法宣传10场。", "10场"],
    ["requirement", "要求班子成员学法不少于4次。", "4次"],
    ["periodic", "坚持每月开展专项检查2次。", "2次"],
    ["planned", "计划新建法治宣传阵地3个。", "3个"],
    ["subordinate", "全镇12个村全部建成法治文化阵地。", "12个"],
    ["subordinate", "各村开展法治讲座30场。", "30场"],
    ["repeat", "全年开展普法宣传12场。开展安全生产宣传12场。", "12场"],
    ["unit", "整改问题5个。", "5个"],
    ["no_indicator", "网站浏览量76次。", "76次"],
  ];
  it.each(cases)("%s: %s", (kind, body, written) => {
    const u = find(body, written);
    expect(u.kind).toBe(kind);
    expect(u.reason.length).toBeGreaterThan(0);
  });

  it("every kind has a Chinese phrase and a case above", () => {
    for (const k of Object.keys(UNCOUNTED_KIND_ZH) as UncountedKind[]) {
      expect(UNCOUNTED_KIND_ZH[k]).toMatch(/[\u4e00-\u9fff]/);
      expect(cases.some(([c]) => c === k), k).toBe(true);
    }
  });

  it("the reason names an ordinal, a section by its title and a unit as written", () => {
    expect(find("召开第3次联席会议。", "3次").reason).toBe("序数（第…）");
    expect(find("开展普法宣传6场。\n二、下一步工作打算\n开展普法宣传10场。", "10场").reason).toBe("在“下一步工作打算”部分（问题或计划，不是成果）");
    expect(find("整改问题5个。", "5个").reason).toBe("单位“个”不是任何指标的计数单位");
    expect(find("全年开展普法宣传12场。开展安全生产宣传12场。", "12场").reason).toContain("普法宣传12场");
  });

  it("a number no indicator fits offers the indicators whose unit fits and whose words are near", () => {
    const u = find("开展安全生产宣传8场。", "8场");
    expect(u.kind).toBe("no_indicator");
    expect(u.plausible).toEqual(["publicity_events"]);
    expect(find("网站浏览量76次。", "76次").plausible).toEqual([]);
    // only no_indicator and repeat numbers carry plausible indicators
    expect(find("开展普法宣传6场。\n二、下一步工作打算\n开展普法宣传10场。", "10场").plausible).toEqual([]);
  });

  it("qualifiers and values are read as for figures", () => {
    const u = find("开展安全生产宣传百余场。", "百余场");
    expect(u).toMatchObject({ value: 100, qualifier: "at_least", unit: "场" });
  });

  it("a counted figure is never listed, nor a number inside its evidence", () => {
    const { text, mentions, uncounted } = uncountedOf("全年开展普法宣传活动12场，化解矛盾纠纷30件。");
    expect(mentions.length).toBe(2);
    expect(uncounted.map((u) => text.slice(u.start, u.end))).toEqual([]);
  });
});

describe("the tables, row by row", () => {
  const unitOf: Record<string, UnitClass> = {};
  for (const id of INDICATOR_IDS) {
    unitOf[id] = (["sessions", "cases", "copies", "person_times", "persons", "items", "percent"] as UnitClass[]).find((u) => unitFits(id, u))!;
  }
  it.each(Object.entries(NEAR_WORDS))("near words of %s offer it", (id, re) => {
    const word = re.source.split("|")[0]!.replace(/[()?:.*+\\[\]{}^$]/g, "");
    expect(indicatorsNamedIn(unitOf[id]!, `开展${word}若干`)).toContain(id);
  });
  it("every indicator has a row of near words", () => {
    expect(Object.keys(NEAR_WORDS).sort()).toEqual([...INDICATOR_IDS].sort());
  });
  it.each(OTHER_COUNTING_UNITS.map((u) => [u]))("%s counts something: its numbers are listed", (unit) => {
    const numbers = countingNumerals(`新增15${unit}。`);
    expect(numbers.map((n) => n.unit)).toEqual([unit]);
  });
  it.each(PLANNED_WORDS.map((w) => [w]))("planned: %s", (w) => {
    expect(find(`${w}新建法治宣传阵地3个。`, "3个").kind).toBe("planned");
  });
  it.each(SUBORDINATE_BEFORE_WORDS.map((w) => [w]))("subordinate, before the number: %s", (w) => {
    expect(find(`${w}建成法治阵地3个。`, "3个").kind).toBe("subordinate");
  });
  it.each(SUBORDINATE_AFTER_WORDS.map((w) => [w]))("subordinate, after the unit: %s", (w) => {
    expect(find(`实现全镇12个${w}全覆盖。`, "12个").kind).toBe("subordinate");
  });
  it.each(DURATION_AFTER_WORDS.map((w) => [w]))("date or duration, after the unit: %s", (w) => {
    expect(find(`整改期限为3个${w}。`, "3个").kind).toBe("date");
  });
  it("percentages and units that count nothing (元, 亩, 年) are not counting numerals", () => {
    expect(countingNumerals("满意率98%，资金30万元，土地12亩，2024年")).toEqual([]);
  });
});

const DIR = join(import.meta.dirname, "fixtures", "reports");
const REPORTS = ["seeds", "dev"].flatMap((c) => readdirSync(join(DIR, c)).map((f) => readFileSync(join(DIR, c, f), "utf8")));
const WORDS = [
  "开展", "普法宣传", "安全生产宣传", "培训", "法治", "干部职工", "中心组", "学法", "其中", "化解", "矛盾纠纷", "各村", "计划", "每年",
  "不少于", "第", "个月", "行政处罚", "案件", "合同", "审查", "发放", "资料", "浏览", "次", "场", "件", "份", "人次", "名", "个", "项",
  "户", "家", "%", "余", "近", "，", "。", "\n", "二、下一步打算\n", "2024年", "百余", "〔2025〕19号", "A", "12345",
];
const reportLike = fc
  .array(fc.oneof(fc.constantFrom(...WORDS), fc.integer({ min: 0, max: 9999 }).map(String)), { maxLength: 60 })
  .map((parts) => HEAD + parts.join(""));

/** Each counting numeral is inside a counted figure's evidence or uncounted, never both, and no uncounted span overlaps a figure's. */
function checkPartition(input: string) {
  const r = extractText("x.txt", input);
  const text = normalize(input).match;
  const spans = Object.values(r.indicators).flatMap((t) => t.mentions);
  for (const u of r.uncounted) {
    for (const m of spans) expect(u.start < m.end && m.start < u.end, `«${text.slice(u.start, u.end)}» overlaps «${text.slice(m.start, m.end)}»`).toBe(false);
  }
  const listed = new Set(r.uncounted.map((u) => u.start));
  for (const n of countingNumerals(text)) {
    const counted = spans.some((m) => m.start < n.end && n.start < m.end);
    expect(counted !== listed.has(n.start), `«${text.slice(n.start, n.end)}» counted ${counted}, uncounted ${listed.has(n.start)}`).toBe(true);
  }
}

describe("properties", () => {
  it("random report-like text: counted or uncounted, never both, never neither", () => {
    fc.assert(fc.property(reportLike, (s) => checkPartition(s)), { numRuns: 300 });
  });
  it("the fixture reports: counted or uncounted, never both, never neither", () => {
    for (const t of REPORTS) checkPartition(t);
  });
});

describe("in the site index", () => {
  it("uncounted numbers reach the index record with their sentence, and the record is valid", async () => {
    const { toIndexRecord } = await import("../src/lib/site/generated.ts");
    const { reportSchema } = await import("../src/lib/site/schema.ts");
    const r = extractText("x.txt", `${HEAD}开展安全生产宣传8场，群众反响良好。\n二、下一步工作打算\n计划开展普法宣传10场。`);
    const rec = reportSchema.parse(toIndexRecord(r, "x"));
    expect(rec.uncounted?.map((u) => [u.kind, u.value, u.sentence])).toEqual([
      ["no_indicator", 8, "开展安全生产宣传8场,群众反响良好"],
      // (the sentence is stored only for numbers the review lists: the profile cuts the others from the text)
      ["section", 10, undefined],
    ]);
    expect(rec.uncounted?.[0]?.plausible).toEqual(["publicity_events"]);
  });

  it("a mention's confidence and reason reach the index (absent: high)", async () => {
    const { toIndexRecord } = await import("../src/lib/site/generated.ts");
    const { reportSchema } = await import("../src/lib/site/schema.ts");
    const r = extractText("x.txt", `${HEAD}全年开展普法宣传活动12场。`);
    const m = r.indicators.publicity_events!.mentions[0]!;
    Object.assign(m, { confidence: "low", reason: "只凭“宣传”一词判断" });
    const rec = reportSchema.parse(toIndexRecord(r, "x"));
    expect(rec.indicators.publicity_events!.mentions[0]).toMatchObject({ confidence: "low", reason: "只凭“宣传”一词判断", quote: "全年开展普法宣传活动12场" });
  });

  it("a long run-on sentence is cut around the number", async () => {
    const { sentenceAround, SENTENCE_REACH } = await import("../src/lib/site/generated.ts");
    const text = `${"甲".repeat(200)}开展宣传8场${"乙".repeat(200)}。`;
    const at = text.indexOf("8");
    const s = sentenceAround(text, at, at + 2);
    expect(s.startsWith("…") && s.endsWith("…")).toBe(true);
    expect(s.length).toBe(2 * SENTENCE_REACH + 2 + 2);
  });
});
