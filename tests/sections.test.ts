// Section kinds by their titles (src/lib/extract/sections.ts): figures under 存在问题 / 下一步 are no
// results, but a title that names results beside them leaves the decision to its subsections.
import { describe, expect, it } from "vitest";
import { findMentions } from "../src/lib/extract/mentions.ts";
import { normalize } from "../src/lib/extract/normalize.ts";
import { classifyHeading } from "../src/lib/extract/sections.ts";

describe("section titles", () => {
  it.each([
    ["一、主要举措、成效及存在的问题与原因分析", "other"],
    ["一、工作开展情况及存在的不足", "other"],
    ["一、2024年工作成效及下一步工作打算", "other"],
    ["二、存在的问题和不足", "problems"],
    ["三、2024年推进法治政府建设存在的不足和原因", "problems"],
    ["四、2025年推进法治政府建设的工作思路和目标举措", "plans"],
    ["(一)主要举措及成效", "results"],
  ])("%s → %s", (title, kind) => {
    expect(classifyHeading(title, 2024)).toBe(kind);
  });

  it("reads the results subsection of a mixed title and leaves its problems subsection out", () => {
    const text = normalize("一、主要举措、成效及存在的问题\n(一)主要举措及成效\n开展普法宣传活动12场。\n(二)存在的问题\n全年仅开展培训3次。\n").match;
    expect(findMentions(text, 2024).map((m) => [m.indicator, m.value])).toEqual([["publicity_events", 12]]);
  });
});
