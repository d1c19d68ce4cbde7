import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { INDICATOR_IDS, INDICATORS, indicatorSpec } from "../src/lib/extract/indicators.ts";
import { DEFINITIONS } from "../src/lib/site/definitions.ts";
import { parseDefinitions } from "../src/lib/site/specText.ts";
import { englishRuns, hanShare } from "./englishRuns.ts";

const english = parseDefinitions(readFileSync(join(import.meta.dirname, "..", "spec", "indicators.md"), "utf8"));

it("reads a definition for each of the 25 indicators from the spec", () => {
  expect([...english.keys()].sort()).toEqual([...INDICATOR_IDS].sort());
  expect(english.get("publicity_materials")!.not).toContain("横幅");
  expect(english.get("leadership_study_sessions")!.not).toContain("training of ordinary staff");
});

describe("the Chinese 统计口径 of spec/indicators.json", () => {
  it("is what the pages show, for every indicator", () => {
    expect([...DEFINITIONS.keys()].sort()).toEqual([...INDICATOR_IDS].sort());
    expect(DEFINITIONS.get("publicity_materials")!.not).toContain("横幅");
  });

  for (const ind of INDICATORS) {
    describe(ind.id, () => {
      const en = english.get(ind.id)!;
      it("says what counts, in Chinese", () => {
        expect(ind.counts_zh.trim()).not.toBe("");
        expect(hanShare(ind.counts_zh)).toBeGreaterThan(0.9);
        expect(englishRuns(ind.counts_zh, 2)).toEqual([]);
      });
      it("says what does not count exactly where the English spec does, in Chinese", () => {
        expect(ind.not_zh.trim() !== "", `spec: "${en.not}"`).toBe(en.not.trim() !== "");
        if (ind.not_zh) {
          expect(hanShare(ind.not_zh)).toBeGreaterThan(0.9);
          expect(englishRuns(ind.not_zh, 2)).toEqual([]);
        }
      });
      it("names, by their Chinese labels, the indicators the spec sends a figure to instead", () => {
        const arrows = [...readFileSync(join(import.meta.dirname, "..", "spec", "indicators.md"), "utf8").matchAll(new RegExp(`^\\|\\s*\`${ind.id}\`.*$`, "gm"))]
          .flatMap((row) => [...row[0].matchAll(/→\s*([a-z_]+)/g)].map((m) => m[1]!));
        for (const id of arrows) expect(ind.not_zh).toContain(`「${indicatorSpec(id)!.label_zh}」`);
        for (const m of `${ind.counts_zh}${ind.not_zh}`.matchAll(/「([^」]+)」/g)) {
          expect(INDICATORS.map((i) => i.label_zh), "a quoted name is an indicator's label").toContain(m[1]);
        }
      });
    });
  }
});

describe("englishRuns", () => {
  it.each([
    ["disputes found, received or handled: 排查", ["disputes found, received or handled"]],
    ["cases of the courts", ["cases of the courts"]],
    ["下载 CSV、JSON 文件", []],
    ["Pagefind 搜索，需要 JavaScript", []],
    ["003_37d3b37060572fdb.txt 无法读取", []],
    ["法治 the two 镇", []],
  ])("%s", (text, runs) => {
    expect(englishRuns(text)).toEqual(runs);
  });
});

describe("englishRuns", () => {
  it("finds a run of English words, and passes the allowed tokens and phrases", () => {
    expect(englishRuns("本页 disputes found or handled 件数")).toEqual(["disputes found or handled"]);
    expect(englishRuns("按 Frictionless Data Package 描述，以 Creative Commons Attribution 许可；运行 npm run build 后下载 CSV、JSON、SVG 文件")).toEqual([]);
  });
});
