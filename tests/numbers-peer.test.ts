// The numeral reader against a public suite of Chinese numerals: Microsoft Recognizers-Text's
// Specs/Number/Chinese/NumberModel.json (MIT), kept beside the project at ../shared/peer/ (see
// ../shared/peer/README.md). It is read from there, never copied into the project; when it is
// missing this test fails and says where it looked.
//
// Which cases: those that can be figures of a township report.
// - No implementation of the peer is marked as failing them (NotSupported): its own readers disagree.
// - Simplified characters: the input is its own simplified (match) view. Reports in traditional
//   characters are read through that view anyway.
// - Non-negative numbers written as reports write them: no 负 or minus sign, no fractions (分之, 又, /),
//   no Chinese decimal point (点: reports write decimals in Arabic digits), no exponents or SI
//   suffixes (^, e, k, M), no 打 (dozen), 半 (half), 几 (some) or 兆; with or without 余/多 and a unit.
//   An Arabic decimal needs a digit before its point (.5 is not written).
// Every selected case is read as the extractor reads figure candidates: the match view of the
// normalised input, findNumerals(…, { chineseWithUnitOnly: true }). A lone Chinese digit (一, 两,
// 叁) is a word more often than a figure and is left out there by design, so expected results
// that are one Chinese digit are dropped; every other expected numeral must be found with its
// exact span and value, and nothing else. Cases with no expected numeral (一切, 收拾房间, 万万)
// must give none.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { matchView, normalize } from "../src/lib/extract/normalize.ts";
import { findNumerals, isChineseNumeralChar } from "../src/lib/extract/numbers.ts";

const SUITE = fileURLToPath(new URL("../../shared/peer/rt-zh-NumberModel.json", import.meta.url));

interface PeerCase {
  Input: string;
  Results: { Text: string; Resolution: { value: string } }[];
  NotSupported?: string;
}

function loadSuite(): PeerCase[] {
  if (!existsSync(SUITE)) {
    throw new Error(
      `The peer suite of Chinese numerals is missing: expected ${SUITE} (the project's ../shared/peer/rt-zh-NumberModel.json, see ../shared/peer/README.md)`,
    );
  }
  return JSON.parse(readFileSync(SUITE, "utf8")) as PeerCase[];
}

const NOT_AS_REPORTS_WRITE = /负|-|－|点|分之|又|\/|／|\^|[eEkKmM]|打|半|几|兆/;
const NUMERAL_TEXT = /^[0-9０-９,，.．\s零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟廿卅余多]+$/;

function selected(c: PeerCase): boolean {
  if (c.NotSupported) return false;
  if (matchView(c.Input) !== c.Input) return false;
  if (NOT_AS_REPORTS_WRITE.test(c.Input)) return false;
  return c.Results.every((r) => NUMERAL_TEXT.test(r.Text) && Number(r.Resolution.value) >= 0 && !/(^|[^0-9０-９])[.．]/.test(r.Text));
}

/** One Chinese digit alone: not read as a figure candidate by design. */
const loneDigit = (t: string) => t.length === 1 && isChineseNumeralChar(t) && !/[十拾百佰千仟万亿廿卅]/.test(t);

const cases = loadSuite();
const chosen = cases.filter(selected);

describe("Recognizers-Text Chinese numerals (the cases a report can write as figures)", () => {
  it("the suite is there and the selection keeps most of its cases of that kind", () => {
    expect(cases.length).toBeGreaterThan(300);
    expect(chosen.length).toBeGreaterThan(120);
  });

  it.each(chosen.map((c) => [c.Input, c] as const))("%s", (_input, c) => {
    const text = normalize(c.Input).match;
    const got = findNumerals(text, { chineseWithUnitOnly: true }).map((t) => ({ text: text.slice(t.start, t.end), value: t.value }));
    const want = c.Results.filter((r) => !loneDigit(r.Text)).map((r) => ({ text: normalize(r.Text).match.trim(), value: Number(r.Resolution.value) }));
    expect(got).toEqual(want);
  });
});
