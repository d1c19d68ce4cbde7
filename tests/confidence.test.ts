// Every mention carries confidence and reason (src/lib/extract/types.ts Confidence): what decides
// each level, that they reach the evaluation contract and the site's index, and that low stays rare
// on the labelled corpora.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractBytes, extractText, toContractRecord } from "../src/lib/extract/extract.ts";
import { findMentions } from "../src/lib/extract/mentions.ts";
import { normalize } from "../src/lib/extract/normalize.ts";
import { implausible, PLAUSIBLE_MAX } from "../src/lib/extract/plausibility.ts";
import { INDICATOR_IDS } from "../src/lib/extract/indicators.ts";
import { toIndexRecord } from "../src/lib/site/generated.ts";
import { mentionSchema, reportSchema } from "../src/lib/site/schema.ts";

function mentionOf(text: string, indicator: string) {
  const n = normalize(text);
  const m = findMentions(n.match, 2024).find((x) => x.indicator === indicator);
  if (!m) throw new Error(`nothing read in ${text}`);
  return m;
}

describe("confidence levels", () => {
  it.each([
    ["high: the deciding cues in the figure's own clause", "开展普法宣传活动12场。", "publicity_events", "high", /publicityActivity (普法|宣传)/],
    ["high: a zero statement", "全年无行政复议案件发生。", "admin_reconsideration_cases", "high", /zero statement/],
    ["medium: the subject one clause back", "镇党委班子成员带头学法,全年开展学习12次。", "leadership_study_sessions", "medium", /subject leader \(previous clause\)/],
    ["medium: participants after a training figure", "开展法治培训4场,覆盖300余人次。", "training_participants", "medium", /after a training figure/],
    ["low: the subject only in an earlier sentence", "镇党委中心组高度重视法治学习。全年开展学习12次。", "leadership_study_sessions", "low", /earlier sentence/],
    ["low: leaders and staff both named", "纳入党委中心组和干部职工学习内容,全年学习法律12次。", "leadership_study_sessions", "low", /both named/],
    ["low: no subject named at all", "开展法治专题学习6次。", "leadership_study_sessions", "low", /no subject named/],
    ["low: a value implausible for its indicator", "党委中心组开展法治学习5000次。", "leadership_study_sessions", "low", /plausible/],
  ])("%s", (_what, text, indicator, confidence, reason) => {
    const m = mentionOf(text, indicator);
    expect(m.confidence).toBe(confidence);
    expect(m.reason).toMatch(reason);
  });

  it("a part inherits at most medium from its total", () => {
    const n = normalize("开展普法宣传56次,其中深入辖区企业10余次。");
    const [total, part] = findMentions(n.match, 2024);
    expect(total!.confidence).toBe("high");
    expect(part!.part).toBe(true);
    expect(part!.confidence).toBe("medium");
    expect(part!.reason).toMatch(/breakdown/);
  });

  it("has a ceiling for every indicator, and rates above 100 are implausible", () => {
    expect(Object.keys(PLAUSIBLE_MAX).sort()).toEqual([...INDICATOR_IDS].sort());
    expect(implausible("dispute_resolution_rate", 120)).toMatch(/plausible/);
    expect(implausible("training_sessions", 40)).toBeNull();
  });
});

describe("confidence and reason reach every output", () => {
  const rec = extractText("x.txt", "某某镇2024年法治政府建设情况报告\n全年开展普法宣传活动12场,发放宣传资料3000份。");

  it("the evaluation contract (npm run extract)", () => {
    const c = toContractRecord(rec);
    const m = c.indicators.publicity_events!.mentions[0]!;
    expect(m.confidence).toBe("high");
    expect(m.reason).toMatch(/unit/);
  });

  it("the site's index, which requires them", () => {
    const idx = reportSchema.parse(toIndexRecord(rec, "x"));
    expect(idx.indicators.publicity_materials!.mentions[0]).toMatchObject({ confidence: "high", reason: expect.stringMatching(/materials/) });
    const { confidence: _c, ...without } = rec.indicators.publicity_events!.mentions[0]!;
    expect(mentionSchema.safeParse(without).success).toBe(false);
    expect(mentionSchema.safeParse({ ...without, confidence: "sure" }).success).toBe(false);
  });
});

describe("on the labelled corpora", () => {
  const dir = join(import.meta.dirname, "fixtures", "reports");
  const mentions = ["seeds", "dev"].flatMap((c) =>
    readdirSync(join(dir, c)).flatMap((f) => Object.values(extractBytes(f, readFileSync(join(dir, c, f))).indicators).flatMap((t) => t.mentions)),
  );

  it("every mention has a confidence and a reason", () => {
    expect(mentions.length).toBeGreaterThan(250);
    for (const m of mentions) {
      expect(["high", "medium", "low"]).toContain(m.confidence);
      expect(m.reason.length).toBeGreaterThan(0);
    }
  });

  it("most are high and few are low (low is shown as 待核实)", () => {
    const share = (c: string) => mentions.filter((m) => m.confidence === c).length / mentions.length;
    console.log(`confidence on the corpora: high ${(share("high") * 100).toFixed(1)}%, medium ${(share("medium") * 100).toFixed(1)}%, low ${(share("low") * 100).toFixed(1)}% of ${mentions.length}`);
    expect(share("high")).toBeGreaterThan(0.6);
    expect(share("low")).toBeLessThan(0.15);
  });
});
