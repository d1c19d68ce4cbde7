import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { INDICATOR_IDS } from "../src/lib/extract/indicators.ts";
import { parseDefinitions } from "../src/lib/site/specText.ts";

it("reads a definition for each of the 25 indicators from the spec", () => {
  const defs = parseDefinitions(readFileSync(join(import.meta.dirname, "..", "spec", "indicators.md"), "utf8"));
  expect([...defs.keys()].sort()).toEqual([...INDICATOR_IDS].sort());
  expect(defs.get("publicity_materials")!.not).toContain("横幅");
  expect(defs.get("leadership_study_sessions")!.not).toContain("training of ordinary staff");
});
