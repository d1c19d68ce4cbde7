// The extractor's indexed and shared computations (issue #5: throughput) give the same answers as
// the plain ones they stand for: sentence and clause boundaries indexed once, small code tables,
// one township-name scan shared by metadata and region resolution, zero statements looked for
// near their topic words only, and the quick test for clauses of bare verbs.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isEmptyContext } from "../src/lib/extract/classify.ts";
import { CodeTable } from "../src/lib/extract/codeTable.ts";
import { extractMetadata } from "../src/lib/extract/metadata.ts";
import { normalize } from "../src/lib/extract/normalize.ts";
import { findTownshipNames, fullTownshipName, townshipsNamed } from "../src/lib/extract/gazetteer.ts";
import { resolveRegion } from "../src/lib/extract/regions.ts";
import { Boundaries, clauseEnd, clauseStart, sentenceEnd, sentenceStart } from "../src/lib/extract/segments.ts";
import { findZeroStatements } from "../src/lib/extract/zeros.ts";

const DIR = join(import.meta.dirname, "fixtures", "reports");
const REPORTS = ["seeds", "dev"].flatMap((c) => readdirSync(join(DIR, c)).map((f) => normalize(readFileSync(join(DIR, c, f), "utf8")).match));

describe("Boundaries", () => {
  const pieces = ["。", "！", "？", "!", "?", "\n", "，", ",", "；", ";", "：", ":", "以及", "及", "和", "与", "并且", "开展", "宣传", "3次", "a", " "];
  const textArb = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => p.join(""));

  it("answers as the walking functions do, at every offset", () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const b = new Boundaries(text);
        for (let i = 0; i <= text.length + 1; i++) {
          expect(b.sentenceStart(i)).toBe(sentenceStart(text, i));
          expect(b.clauseStart(i)).toBe(clauseStart(text, i));
          if (i <= text.length) {
            expect(b.sentenceEnd(i)).toBe(sentenceEnd(text, i));
            expect(b.clauseEnd(i)).toBe(clauseEnd(text, i));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("answers as the walking functions do on the reports", () => {
    for (const text of REPORTS.slice(0, 5)) {
      const b = new Boundaries(text);
      for (let i = 0; i <= text.length; i += 7) {
        expect([b.sentenceStart(i), b.sentenceEnd(i), b.clauseStart(i), b.clauseEnd(i)]).toEqual([
          sentenceStart(text, i),
          sentenceEnd(text, i),
          clauseStart(text, i),
          clauseEnd(text, i),
        ]);
      }
    }
  });
});

describe("CodeTable", () => {
  it("finds exactly its code units, with their values", () => {
    const entries = new Map(Array.from("零〇一二两三四五六七八九十百千万亿。，\n", (ch, k) => [ch.charCodeAt(0), k + 1]));
    const table = new CodeTable(entries);
    for (let c = 0; c < 0x10000; c++) expect(table.get(c)).toBe(entries.get(c) ?? 0);
  });

  it("refuses values it cannot hold", () => {
    expect(() => new CodeTable(new Map([[0x4e00, 0]]))).toThrow(RangeError);
    expect(() => new CodeTable(new Map([[0x4e00, 256]]))).toThrow(RangeError);
  });
});

describe("township names", () => {
  /** The longest known names and short forms, left to right, found by trying every length (the definition). */
  const GENERIC = new Set(["街道", "城区", "农场", "林场", "苗圃", "盐场", "牛场"]);
  function naiveScan(text: string): { name: string; start: number; end: number }[] {
    const out: { name: string; start: number; end: number }[] = [];
    for (let i = 0; i < text.length; ) {
      let len = 0;
      for (let l = Math.min(30, text.length - i); l >= 2; l--) {
        const s = text.slice(i, i + l);
        // a known name, or a short form that stands for one (五一街, 新华办事处)
        if (s === s.trim() && !GENERIC.has(s) && (townshipsNamed(s).length > 0 || fullTownshipName(s) !== s)) {
          len = l;
          break;
        }
      }
      if (len) {
        out.push({ name: text.slice(i, i + len), start: i, end: i + len });
        i += len;
      } else i++;
    }
    return out;
  }

  it("are the longest names, left to right, without overlaps", () => {
    const pieces = ["王村镇", "王村", "新华", "新华街道", "新华街", "街道办事处", "办事处", "沙市镇", "长寿镇", "长寿路街道", "经济技术开发区", "滨海新区", "镇", "乡", "县", "开展", "，", "。"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join("");
        expect(findTownshipNames(text)).toEqual(naiveScan(text));
      }),
      { numRuns: 200 },
    );
    for (const text of REPORTS.slice(0, 3)) expect(findTownshipNames(text)).toEqual(naiveScan(text));
  });

  it("scanned once give the same region as scanned again in resolveRegion", () => {
    const texts = [
      ...REPORTS,
      // the township's own name inside a longer name: the shared scan cannot stand for the masked one
      "新华街道办事处、新华街道、新华乡人民政府，屏边县",
      "王村镇王村镇政府，长治市",
      "沙市镇沙市镇沙市镇与浏阳市",
    ];
    for (const text of texts) {
      const names = findTownshipNames(text);
      const township = extractMetadata(text, names).township;
      expect(extractMetadata(text).township).toBe(township);
      for (const t of [township, "新华乡", "新华街道", "王村镇", "沙市镇"]) {
        if (!t) continue;
        expect(resolveRegion(t, text, names)).toEqual(resolveRegion(t, text));
      }
    }
  });
});

describe("zero statements near their topic words", () => {
  it("reads a negation up to 40 characters before the words it negates", () => {
    const far = "无" + "涉及本单位的各类".repeat(4) + "案件行政复议发生";
    expect(far.indexOf("复议") - far.indexOf("无")).toBeLessThan(40);
    expect(findZeroStatements(far).map((z) => z.indicator)).toEqual(["admin_reconsideration_cases"]);
  });

  it("reads 行政应诉, which names no 诉讼", () => {
    expect(findZeroStatements("全年无行政应诉案件").map((z) => z.indicator)).toEqual(["admin_litigation_cases"]);
  });

  it("finds nothing in a text without its topics", () => {
    expect(findZeroStatements("全年无安全事故发生，案件零发生。")).toEqual([]);
  });
});

describe("isEmptyContext", () => {
  it("tells bare verbs and dates from words that name an object", () => {
    expect(isEmptyContext("全年累计开展")).toBe(true);
    expect(isEmptyContext("2024年以来，共组织")).toBe(true);
    expect(isEmptyContext("开展普法宣传")).toBe(false);
    expect(isEmptyContext("年内完成调解")).toBe(false);
    expect(isEmptyContext("共调")).toBe(true);
    expect(isEmptyContext("")).toBe(true);
  });
});

describe("normalize's work buffers", () => {
  it("carry nothing from one call to the next", () => {
    const long = REPORTS[0]!;
    const short = "第一行，\n第二行。\r\n\n\n\n第三行";
    const first = normalize(short);
    normalize(long);
    const again = normalize(short);
    expect(again).toEqual(first);
    expect(normalize(long)).toEqual(normalize(long));
  });
});
