// scripts/extract.ts as users and the evaluation run it.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { generatedSchema } from "../src/lib/schema.ts";
import { textDirOf } from "../src/lib/generated.ts";

const ROOT = join(import.meta.dirname, "..");
const SEEDS = join(ROOT, "tests", "fixtures", "reports", "seeds");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");

function extract(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(TSX, ["scripts/extract.ts", ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("extract FILE... (evaluation contract)", () => {
  const tmp = mkdtempSync(join(tmpdir(), "fzzl-cli-"));
  const good = join(SEEDS, "003_37d3b37060572fdb.txt");
  const empty = join(tmp, "empty.txt");
  writeFileSync(empty, "");
  const binary = join(tmp, "image.txt");
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]));
  const gbk = join(tmp, "gbk report.txt");
  writeFileSync(gbk, iconv.encode(readFileSync(good, "utf8"), "gbk"));
  const noTownship = join(tmp, "notes.txt");
  writeFileSync(noTownship, "会议纪要\n今天讨论了工作安排。");

  it("prints one JSON object with a record per file, in order, and exits 1 when a file had an error", () => {
    const r = extract([good, empty, binary, gbk, join(tmp, "missing.txt"), noTownship]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { reports: Record<string, unknown>[] };
    expect(out.reports.map((x) => x.file)).toEqual([good, empty, binary, gbk, join(tmp, "missing.txt"), noTownship]);
    const [ok, e, b, g, missing, none] = out.reports as { [k: string]: any }[];
    expect(ok).toMatchObject({ township: "王村镇", county: "襄垣县", city: "长治市", province: "山西省", code: "140423106", year: 2024, errors: [] });
    expect(ok!.indicators.disputes_handled).toMatchObject({ value: 152, qualifier: "exact" });
    expect(ok!.indicators.disputes_resolved.value).toBe(148);
    expect(e!.errors.join()).toMatch(/empty\.txt.*empty/);
    expect(b!.errors.join()).toMatch(/image\.txt.*binary/i);
    expect(g).toMatchObject({ township: "王村镇", code: "140423106", errors: [] });
    expect(g!.indicators).toEqual(ok!.indicators);
    expect(missing!.errors.join()).toMatch(/missing\.txt.*cannot be read/);
    expect(none!.errors.join()).toMatch(/notes\.txt.*no township/);
  });

  it("exits 0 and writes nothing but the JSON when every file reads", () => {
    const r = extract([good]);
    expect(r.code).toBe(0);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
  });
});

describe("extract (site data)", () => {
  it("writes validated JSON for every report in the folder, keeping the good ones when one is bad", () => {
    const tmp = mkdtempSync(join(tmpdir(), "fzzl-site-"));
    const dir = join(tmp, "reports");
    mkdirSync(dir);
    copyFileSync(join(SEEDS, "000_cd6ed32ab14735ed.txt"), join(dir, "000.txt"));
    copyFileSync(join(SEEDS, "004_a72cb30ac0344b96.txt"), join(dir, "古龙镇 2024.txt"));
    writeFileSync(join(dir, "broken.txt"), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]));
    writeFileSync(join(dir, "report.docx"), "PK");
    const out = join(tmp, "reports.json");
    const r = extract([], { FZZL_REPORTS_DIR: dir, FZZL_OUT: out });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.txt/);
    expect(r.stderr).toMatch(/report\.docx: .*(unsupported|not a valid)/);
    const data = generatedSchema.parse(JSON.parse(readFileSync(out, "utf8")));
    expect(data.reports.map((x) => x.township ?? "-").sort()).toEqual(["-", "-", "古龙镇", "沙市镇"]);
    const gulong = data.reports.find((x) => x.township === "古龙镇")!;
    expect(gulong.indicators.training_sessions!.value).toBe(4);
    // every evidence span points into the text the site shows
    const text = readFileSync(join(textDirOf(out), `${gulong.textKey}.txt`), "utf8");
    for (const t of Object.values(gulong.indicators)) for (const m of t.mentions) expect(text.slice(m.start, m.end)).toBe(m.quote);
  });
});

describe("extract (site data): duplicates, corrections, warnings, progress", () => {
  const HEADER = "code,township,year,indicator,value,qualifier,reason,who,date";
  const WANGCUN = join(SEEDS, "003_37d3b37060572fdb.txt");

  /** A reports folder with these files; its parent (`${dir}/..`) holds out.json and corrections. */
  function folder(files: Record<string, string | Buffer>): string {
    const dir = join(mkdtempSync(join(tmpdir(), "fzzl-build-")), "reports");
    mkdirSync(dir);
    for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
    return dir;
  }

  it("two reports of one township-year: an error on both, naming both files, and exit 1", () => {
    const dir = folder({ "a.txt": readFileSync(WANGCUN), "b 副本.txt": readFileSync(WANGCUN), "c.txt": readFileSync(join(SEEDS, "000_cd6ed32ab14735ed.txt")) });
    const out = join(dir, "..", "out.json");
    const r = extract([], { FZZL_REPORTS_DIR: dir, FZZL_OUT: out, FZZL_CORRECTIONS: join(dir, "..", "none.csv") });
    expect(r.code).toBe(1);
    const msg = `${join(dir, "a.txt")} and ${join(dir, "b 副本.txt")} both report 王村镇 2024 (code 140423106)`;
    expect(r.stderr).toContain(`1 error(s); the site is not built until they are fixed:\n  ${msg}\n`);
    const data = generatedSchema.parse(JSON.parse(readFileSync(out, "utf8")));
    expect(data.reports.map((x) => x.errors)).toEqual([[msg], [msg], []]);
    // both keep distinct pages
    expect(data.reports.map((x) => x.id)).toEqual(["140423106-2024", "140423106-2024-2", "500235123-2024"]);
  });

  it("applies FZZL_CORRECTIONS in the site data; the FILE... contract output stays uncorrected", () => {
    const dir = folder({ "wangcun.txt": readFileSync(WANGCUN) });
    const csv = join(dir, "..", "corrections.csv");
    writeFileSync(csv, `\uFEFF${HEADER}\r\n140423106,,2024,disputes_handled,160,,台账为160件,张三,2025-03-01\r\n,王村镇,2024,mediators,12,,名册,张三,2025-03-01\r\n`);
    const out = join(dir, "..", "out.json");
    const r = extract([], { FZZL_REPORTS_DIR: dir, FZZL_OUT: out, FZZL_CORRECTIONS: csv });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`corrected: ${join(dir, "wangcun.txt")}: disputes_handled 152 → 160 (${csv}:2)`);
    expect(r.stderr).toMatch(/2 correction\(s\) applied/);
    const rep = generatedSchema.parse(JSON.parse(readFileSync(out, "utf8"))).reports[0]!;
    expect(rep.indicators.disputes_handled).toMatchObject({ value: 160, corrected: { extractedValue: 152, reason: "台账为160件", who: "张三", date: "2025-03-01" } });
    expect(rep.indicators.mediators).toMatchObject({ value: 12, mentions: [] });

    const plain = extract([join(dir, "wangcun.txt")], { FZZL_CORRECTIONS: join(dir, "..", "none.csv") });
    const withCsv = extract([join(dir, "wangcun.txt")], { FZZL_CORRECTIONS: csv });
    expect(withCsv.code).toBe(0);
    expect(withCsv.stdout).toBe(plain.stdout);
    const rec = JSON.parse(withCsv.stdout).reports[0];
    expect(rec.indicators.disputes_handled).toMatchObject({ value: 152 });
    expect(rec.indicators.disputes_handled).not.toHaveProperty("corrected");
    expect(rec.indicators).not.toHaveProperty("mediators");
  });

  it("a bad correction row fails the run with FILE:LINE and what is wrong; the figures stay as read", () => {
    const dir = folder({ "wangcun.txt": readFileSync(WANGCUN) });
    const csv = join(dir, "..", "corrections.csv");
    writeFileSync(csv, `${HEADER}\n140423106,,2024,disputes_handled,一百六十,,r,w,2025-03-01\n,古龙镇,2024,disputes_handled,1,,r,w,2025-03-01\n`);
    const out = join(dir, "..", "out.json");
    const r = extract([], { FZZL_REPORTS_DIR: dir, FZZL_OUT: out, FZZL_CORRECTIONS: csv });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`  ${csv}:2: value "一百六十" is not a number ≥ 0`);
    expect(r.stderr).toContain(`  ${csv}:3: no report of 古龙镇 2024`);
    expect(r.stderr).toMatch(/2 bad correction\(s\)/);
    expect(generatedSchema.parse(JSON.parse(readFileSync(out, "utf8"))).reports[0]!.indicators.disputes_handled!.value).toBe(152);
  });

  it("warnings (a contradiction) are printed and do not fail the run", () => {
    const text = "王村镇2024年法治政府建设情况报告\n山西省长治市襄垣县王村镇。2024年，全镇排查调处矛盾纠纷152件，化解矛盾纠纷160件。";
    const dir = folder({ "w.txt": text });
    const r = extract([], { FZZL_REPORTS_DIR: dir, FZZL_OUT: join(dir, "..", "out.json"), FZZL_CORRECTIONS: join(dir, "..", "none.csv") });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`warning: ${join(dir, "w.txt")}: disputes_resolved 160 exceeds disputes_handled 152`);
  });

  it("long runs print progress lines when not on a terminal; short runs do not", () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 60; i++) many[`note-${String(i).padStart(2, "0")}.txt`] = `会议纪要${i}\n今天讨论了工作安排。`;
    const dir = folder(many);
    const r = extract([], { FZZL_REPORTS_DIR: dir, FZZL_OUT: join(dir, "..", "out.json"), FZZL_CORRECTIONS: join(dir, "..", "none.csv"), CI: "true" });
    expect(r.stderr).toMatch(/^extracted 5\/60 \(8%\)/m);
    expect(r.stderr).toMatch(/^extracted 60\/60 \(100%\)$/m);
    expect(r.stderr).not.toContain("\r");
    const few = folder({ "w.txt": readFileSync(WANGCUN) });
    const q = extract([], { FZZL_REPORTS_DIR: few, FZZL_OUT: join(few, "..", "out.json"), FZZL_CORRECTIONS: join(few, "..", "none.csv") });
    expect(q.stderr).not.toMatch(/^extracted \d+\/\d+/m);
  });
});

describe("extraction cache (by content, never by file times)", () => {
  it("re-extracts only reports whose content changed, with the same output", () => {
    const tmp = mkdtempSync(join(tmpdir(), "fzzl-cache-"));
    const dir = join(tmp, "reports");
    mkdirSync(dir);
    for (const f of ["000_cd6ed32ab14735ed.txt", "003_37d3b37060572fdb.txt", "004_a72cb30ac0344b96.txt"]) copyFileSync(join(SEEDS, f), join(dir, f));
    const out = join(tmp, "reports.json");
    const env = { FZZL_REPORTS_DIR: dir, FZZL_OUT: out, FZZL_VERBOSE: "1", FZZL_CORRECTIONS: join(tmp, "none.csv") };
    const first = extract([], env);
    expect(first.stderr).toMatch(/cache: 0 unchanged, 3 extracted/);
    const before = readFileSync(out, "utf8");

    // same bytes, new file time: still cached
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, "003_37d3b37060572fdb.txt"), later, later);
    const second = extract([], env);
    expect(second.stderr).toMatch(/cache: 3 unchanged, 0 extracted/);
    expect(readFileSync(out, "utf8")).toBe(before);

    // one report edited: only it is read again
    const p = join(dir, "003_37d3b37060572fdb.txt");
    writeFileSync(p, readFileSync(p, "utf8").replace("共排查矛盾纠纷152件", "共排查矛盾纠纷160件"));
    const third = extract([], env);
    expect(third.stderr).toMatch(/cache: 2 unchanged, 1 extracted/);
    const data = generatedSchema.parse(JSON.parse(readFileSync(out, "utf8")));
    expect(data.reports.find((r) => r.township === "王村镇")!.indicators.disputes_handled!.value).toBe(160);
    // texts no report refers to are removed
    expect(readdirSync(textDirOf(out))).toHaveLength(3);
  });
});
