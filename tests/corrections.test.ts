// Hand corrections (src/lib/site/corrections.ts): parsing data/corrections.csv, applying it over
// extracted records, and every kind of bad row as an error naming FILE:LINE.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyCorrections, correctRecords, parseCorrections, type CorrectionTarget } from "../src/lib/site/corrections.ts";
import { extractBytes, extractText } from "../src/lib/extract/extract.ts";
import { reportSchema } from "../src/lib/site/schema.ts";
import { toIndexRecord } from "../src/lib/site/generated.ts";
import { reportSlug } from "../src/lib/site/slug.ts";

const HEADER = "code,township,year,indicator,value,qualifier,reason,who,date";
const SEEDS = join(import.meta.dirname, "fixtures", "reports", "seeds");
const wangcun = () => extractBytes("data/reports/003.txt", readFileSync(join(SEEDS, "003_37d3b37060572fdb.txt")));
const shashi = () => extractBytes("data/reports/000.txt", readFileSync(join(SEEDS, "000_cd6ed32ab14735ed.txt")));

function target(over: Partial<CorrectionTarget> = {}): CorrectionTarget {
  return { file: "a.txt", township: "王村镇", code: "140423106", year: 2024, indicators: {}, warnings: [], ...over };
}

describe("parseCorrections", () => {
  it("reads rows by English header names, with or without BOM and CRLF, skipping blank lines", () => {
    const csv = `\uFEFF${HEADER}\r\n140423106,,2024,disputes_handled,160,,原文漏记调解,张三,2025-03-01\r\n\r\n,沙市镇,2024,publicity_events,"1,200",at_least,核对原件,李四,2025-03-02\r\n`;
    const { rows, errors } = parseCorrections(csv);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 2, code: "140423106", township: null, year: 2024, indicator: "disputes_handled", value: 160, qualifier: "exact", reason: "原文漏记调解", who: "张三", date: "2025-03-01", status: "corrected" },
      { line: 4, code: null, township: "沙市镇", year: 2024, indicator: "publicity_events", value: 1200, qualifier: "at_least", reason: "核对原件", who: "李四", date: "2025-03-02", status: "corrected" },
    ]);
  });

  it("accepts Chinese header names, Chinese indicator labels and qualifiers, and a column order of its own", () => {
    const csv = "乡镇,年度,指标,数值,限定,原因,校正人,日期\n王村镇,2024,化解矛盾纠纷件数,150,约,按台账,王五,2025-01-31\n";
    const { rows, errors } = parseCorrections(csv);
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ township: "王村镇", code: null, indicator: "disputes_resolved", value: 150, qualifier: "approx", line: 2 });
  });

  it("a header-only file (as shipped) or an empty file corrects nothing", () => {
    expect(parseCorrections(`${HEADER}\n`)).toEqual({ rows: [], errors: [] });
    expect(parseCorrections("")).toEqual({ rows: [], errors: [] });
    expect(parseCorrections(readFileSync(join(import.meta.dirname, "..", "data", "corrections.csv"), "utf8"))).toEqual({ rows: [], errors: [] });
  });

  it("a bad row is an error naming the file, the line and what is wrong; the good rows still count", () => {
    const lines = [
      HEADER,
      "140423106,,2024,no_such_thing,1,,r,w,2025-01-01", // 2 unknown indicator
      "140423106,,2024,disputes_handled,abc,,r,w,2025-01-01", // 3 not a number
      "140423106,,2024,disputes_handled,-3,,r,w,2025-01-01", // 4 negative
      "140423106,,2024,disputes_handled,3,maybe,r,w,2025-01-01", // 5 bad qualifier
      "140423106,,2024,disputes_handled,3,,r,w,2025-02-30", // 6 bad date
      "140423106,,2024,disputes_handled,3,,,w,2025-01-01", // 7 no reason
      "14042310,,2024,disputes_handled,3,,r,w,2025-01-01", // 8 bad code
      ",,2024,disputes_handled,3,,r,w,2025-01-01", // 9 no township
      "140423106,,24,disputes_handled,3,,r,w,2025-01-01", // 10 bad year
      "140423106,,2024,dispute_resolution_rate,120,,r,w,2025-01-01", // 11 rate above 100
      "140423106,,2024,disputes_handled,3,,r,,", // 12 no who, no date
      "140423106,,2024,disputes_handled,0,,改为0,w,2025-01-01", // 13 fine
    ];
    const { rows, errors } = parseCorrections(lines.join("\n"), "data/corrections.csv");
    expect(rows.map((r) => r.line)).toEqual([13]);
    expect(rows[0]!.value).toBe(0);
    const at = (line: number) => errors.find((e) => e.startsWith(`data/corrections.csv:${line}: `)) ?? `(no error on line ${line})`;
    expect(errors).toHaveLength(11);
    expect(at(2)).toMatch(/unknown indicator "no_such_thing"/);
    expect(at(3)).toMatch(/value "abc" is not a number/);
    expect(at(4)).toMatch(/value "-3" is not a number/);
    expect(at(5)).toMatch(/qualifier "maybe"/);
    expect(at(6)).toMatch(/date "2025-02-30" is not a date/);
    expect(at(7)).toMatch(/no reason/);
    expect(at(8)).toMatch(/code "14042310" is not a 9-digit/);
    expect(at(9)).toMatch(/no township/);
    expect(at(10)).toMatch(/year "24"/);
    expect(at(11)).toMatch(/above 100 for a rate/);
    expect(at(12)).toMatch(/no who.*no date/);
  });

  it("line numbers count the lines of quoted cells that span lines", () => {
    const csv = `${HEADER}\n140423106,,2024,disputes_handled,3,,"原因\n第二行",w,2025-01-01\n140423106,,2024,nope,3,,r,w,2025-01-01\n`;
    const { rows, errors } = parseCorrections(csv, "c.csv");
    expect(rows[0]).toMatchObject({ line: 2, reason: "原因\n第二行" });
    expect(errors).toEqual([expect.stringMatching(/^c\.csv:4: unknown indicator/)]);
  });

  it("a header without the needed columns, or with unknown ones, is an error on line 1", () => {
    expect(parseCorrections("township,year,indicator,value\n王村镇,2024,disputes_handled,3\n").errors).toEqual([
      "data/corrections.csv:1: missing column(s): reason, who, date",
    ]);
    expect(parseCorrections("year,indicator,value,reason,who,date\n").errors).toEqual(["data/corrections.csv:1: missing column(s): code or township"]);
    expect(parseCorrections(`${HEADER},remark\n`).errors).toEqual([expect.stringMatching(/^data\/corrections\.csv:1: unknown column "remark"/)]);
  });
});

describe("applyCorrections", () => {
  it("replaces the shown figure and keeps what was extracted, with reason, who and date", () => {
    const rec = wangcun();
    expect(rec.indicators.disputes_handled).toMatchObject({ value: 152, qualifier: "exact" });
    const res = correctRecords(`${HEADER}\n140423106,,2024,disputes_handled,160,at_least,台账为160余件,张三,2025-03-01\n`, [rec]);
    expect(res.errors).toEqual([]);
    const t = res.records[0]!.indicators.disputes_handled!;
    expect(t).toMatchObject({ value: 160, qualifier: "at_least" });
    expect(t.corrected).toEqual({
      value: 160,
      qualifier: "at_least",
      reason: "台账为160余件",
      who: "张三",
      date: "2025-03-01",
      extractedValue: 152,
      extractedQualifier: "exact",
      source: "data/corrections.csv:2",
      status: "corrected",
    });
    // the evidence stays
    expect(t.mentions).toEqual(rec.indicators.disputes_handled!.mentions);
    // the input record is untouched (the contract output is never corrected)
    expect(rec.indicators.disputes_handled!.value).toBe(152);
    expect(rec.indicators.disputes_handled!.corrected).toBeUndefined();
    expect(res.applied).toEqual(["data/reports/003.txt: disputes_handled 152 → 160 (data/corrections.csv:2)"]);
    // and the corrected record is valid site data
    const r = res.records[0]!;
    expect(() => reportSchema.parse({ ...toIndexRecord(r, reportSlug(r)) })).not.toThrow();
  });

  it("adds an indicator the extractor missed (no mentions: valid only because it is corrected), and sets a value to 0", () => {
    const rec = wangcun();
    expect(rec.indicators.mediators).toBeUndefined();
    const csv = `${HEADER}\n,王村镇,2024,mediators,25,,见人民调解委员会名册,张三,2025-03-01\n,王村镇,2024,disputes_resolved,0,,原文数字属上年,张三,2025-03-01\n`;
    const sh = shashi();
    const res = correctRecords(csv, [rec, sh]);
    expect(res.errors).toEqual([]);
    const r = res.records[0]!;
    expect(r.indicators.mediators).toMatchObject({ value: 25, qualifier: "exact", mentions: [], corrected: { extractedValue: null, extractedQualifier: null } });
    expect(r.indicators.disputes_resolved).toMatchObject({ value: 0, corrected: { extractedValue: 148 } });
    expect(() => reportSchema.parse({ ...toIndexRecord(r, "x") })).not.toThrow();
    // without the correction, a figure without evidence is invalid
    const { corrected: _, ...bare } = r.indicators.mediators!;
    expect(() => reportSchema.parse({ ...toIndexRecord(r, "x"), indicators: { ...r.indicators, mediators: bare } })).toThrow(/unless corrected/);
    // the other report is left alone
    expect(res.records[1]).toBe(sh);
  });

  it("unknown township or year, a name that two reports share, a name that disagrees with the code, and a second correction of one figure are errors", () => {
    const records = [target({ file: "a.txt" }), target({ file: "b.txt", code: null, township: "长寿镇", county: "钟祥市" } as Partial<CorrectionTarget>), target({ file: "c.txt", code: null, township: "长寿镇" })];
    const csv = [
      HEADER,
      "140423106,,2023,disputes_handled,1,,r,w,2025-01-01", // 2 no such year
      ",古龙镇,2024,disputes_handled,1,,r,w,2025-01-01", // 3 no such township
      ",长寿镇,2024,disputes_handled,1,,r,w,2025-01-01", // 4 two reports
      "140423106,沙市镇,2024,disputes_handled,1,,r,w,2025-01-01", // 5 name disagrees with code
      "140423106,王村镇,2024,disputes_handled,1,,r,w,2025-01-01", // 6 fine
      "140423106,,2024,disputes_handled,2,,r,w,2025-01-01", // 7 again
    ].join("\n");
    const res = correctRecords(csv, records);
    expect(res.errors).toEqual([
      "data/corrections.csv:2: no report of 140423106 2023",
      "data/corrections.csv:3: no report of 古龙镇 2024",
      "data/corrections.csv:4: 2 reports of 长寿镇 2024 (b.txt, c.txt); give the township's code",
      "data/corrections.csv:5: code 140423106 is 王村镇, not 沙市镇",
      "data/corrections.csv:7: disputes_handled of 140423106 2024 is already corrected on line 6",
    ]);
    expect(res.records[0]!.indicators.disputes_handled?.value).toBe(1);
  });

  it("a correction that settles a contradiction removes its warning; one that makes one adds it", () => {
    const text = "王村镇2024年法治政府建设情况报告\n山西省长治市襄垣县王村镇。2024年，全镇排查调处矛盾纠纷152件，化解矛盾纠纷160件。";
    const rec = extractText("w.txt", text);
    expect(rec.warnings.join()).toMatch(/exceeds/);
    const fixed = correctRecords(`${HEADER}\n140423106,,2024,disputes_resolved,150,,笔误,张三,2025-03-01\n`, [rec]);
    expect(fixed.records[0]!.warnings.join()).not.toMatch(/exceeds/);
    const broken = correctRecords(`${HEADER}\n140423106,,2024,disputes_resolved,150,,笔误,张三,2025-03-01\n140423106,,2024,disputes_handled,100,,笔误,张三,2025-03-01\n`, [rec]);
    expect(broken.records[0]!.warnings).toEqual([expect.stringMatching(/^w\.txt: disputes_resolved 150 exceeds disputes_handled 100/)]);
  });

  it("applyCorrections takes parsed rows", () => {
    const { rows } = parseCorrections(`${HEADER}\n140423106,,2024,training_sessions,9,,r,w,2025-01-01\n`);
    const res = applyCorrections([target()], rows);
    expect(res.records[0]!.indicators.training_sessions?.value).toBe(9);
  });
});

describe("the operator's guide's example", () => {
  it("parses and applies to the seeds without errors", () => {
    const guide = readFileSync(join(import.meta.dirname, "..", "docs", "operating.md"), "utf8");
    const block = /```csv\ncode,township,year,indicator([\s\S]*?)```/.exec(guide)?.[0];
    expect(block, "a ```csv block of corrections in docs/operating.md").toBeDefined();
    const res = correctRecords(block!.replace(/^```csv\n|```$/g, ""), [wangcun(), shashi()]);
    expect(res.errors).toEqual([]);
    expect(res.applied).toHaveLength(2);
  });
});

describe("confirming rows (status 已核实/verified)", () => {
  const H = `${HEADER},status`;
  it("a confirming row keeps the figure as read and marks it verified, with who and when; value and qualifier may be left empty", () => {
    const rec = wangcun();
    const csv = `${H}\n140423106,,2024,disputes_handled,152,exact,核对台账无误,张三,2025-03-01,已核实\n140423106,,2024,disputes_resolved,,,,张三,2025-03-01,verified\n`;
    const parsed = parseCorrections(csv);
    // a confirming row needs a reason (what was checked) like any other
    expect(parsed.errors).toEqual(["data/corrections.csv:3: no reason given"]);
    const ok = `${H}\n140423106,,2024,disputes_handled,152,exact,核对台账无误,张三,2025-03-01,已核实\n140423106,,2024,disputes_resolved,,,与原文一致,李四,2025-03-02,verified\n`;
    const res = correctRecords(ok, [rec]);
    expect(res.errors).toEqual([]);
    const t = res.records[0]!.indicators.disputes_handled!;
    expect(t).toMatchObject({ value: 152, qualifier: "exact" });
    expect(t.corrected).toMatchObject({ status: "verified", who: "张三", date: "2025-03-01", extractedValue: 152, value: 152 });
    const read = rec.indicators.disputes_resolved!;
    expect(res.records[0]!.indicators.disputes_resolved).toMatchObject({ value: read.value, qualifier: read.qualifier, corrected: { status: "verified", who: "李四" } });
    expect(res.applied).toEqual([
      "data/reports/003.txt: disputes_handled 152 verified (data/corrections.csv:2)",
      `data/reports/003.txt: disputes_resolved ${read.value} verified (data/corrections.csv:3)`,
    ]);
    const r = res.records[0]!;
    expect(() => reportSchema.parse(toIndexRecord(r, reportSlug(r)))).not.toThrow();
  });

  it("status words: empty or 已校正/corrected correct, 已核实/verified confirm; Chinese header 状态 too", () => {
    const csv = `乡镇,年度,指标,数值,原因,校正人,日期,状态\n王村镇,2024,disputes_handled,1,r,w,2025-01-01,\n王村镇,2024,disputes_handled,1,r,w,2025-01-01,已校正\n王村镇,2024,disputes_handled,1,r,w,2025-01-01,Corrected\n王村镇,2024,disputes_handled,1,r,w,2025-01-01,已核实\n`;
    expect(parseCorrections(csv).rows.map((r) => r.status)).toEqual(["corrected", "corrected", "corrected", "verified"]);
  });

  it("the review list's sentence and note columns are read and ignored", () => {
    const csv = `${H},sentence,note\n140423106,,2024,disputes_handled,152,,无误,张三,2025-03-01,已核实,"全年排查矛盾纠纷152件,化解150件",待核实\n`;
    const { rows, errors } = parseCorrections(csv);
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ value: 152, status: "verified" });
  });

  it("every kind of bad confirming row stops with FILE:LINE and what is wrong", () => {
    const rec = wangcun();
    const lines = [
      H,
      "140423106,,2024,disputes_handled,160,,核对,张三,2025-03-01,已核实", // 2 not the value read
      "140423106,,2024,disputes_resolved,,at_least,核对,张三,2025-03-01,已核实", // 3 not the qualifier read
      "140423106,,2024,mediators,,,核对,张三,2025-03-01,已核实", // 4 nothing read to confirm
      "140423106,,2024,enforcement_cases,3,,核对,张三,2025-03-01,待定", // 5 unknown status
      "140423106,,2024,training_sessions,,,核对,张三,2025-03-01,", // 6 a correction needs a value
      "140423106,,2024,disputes_handled,152,,核对,张三,2025-03-01,已核实", // 7 fine
      "140423106,,2024,disputes_handled,152,,再核对,李四,2025-03-02,已核实", // 8 twice
    ];
    const res = correctRecords(lines.join("\n"), [rec], "data/corrections.csv");
    const at = (line: number) => res.errors.find((e) => e.startsWith(`data/corrections.csv:${line}: `)) ?? `(no error on line ${line})`;
    expect(at(2)).toMatch(/status verified, but value 160 is not the figure read \(152\)/);
    expect(at(3)).toMatch(/status verified, but qualifier at_least is not the one read/);
    expect(at(4)).toMatch(/no mediators figure was read in this report: nothing to confirm/);
    expect(at(5)).toMatch(/status "待定" is not 已核实\/verified or 已校正\/corrected/);
    expect(at(6)).toMatch(/value "" is not a number/);
    expect(at(8)).toMatch(/already corrected on line 7/);
    expect(res.errors).toHaveLength(6);
    expect(res.records[0]!.indicators.disputes_handled!.corrected?.status).toBe("verified");
  });
});
