// scripts/extract.ts as users and the evaluation run it.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { generatedSchema } from "../src/lib/site/schema.ts";
import { textDirOf } from "../src/lib/site/generated.ts";

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

describe("extraction cache (by content; a file's stat only spares reading it again)", () => {
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

  const SEED_FILES = ["000_cd6ed32ab14735ed.txt", "003_37d3b37060572fdb.txt", "004_a72cb30ac0344b96.txt"];
  /** A reports folder with the three seeds, and the env of a run writing beside it. */
  function site(): { tmp: string; dir: string; out: string; env: Record<string, string> } {
    const tmp = mkdtempSync(join(tmpdir(), "fzzl-cache-"));
    const dir = join(tmp, "reports");
    mkdirSync(dir);
    for (const f of SEED_FILES) copyFileSync(join(SEEDS, f), join(dir, f));
    const out = join(tmp, "out", "reports.json");
    return { tmp, dir, out, env: { FZZL_REPORTS_DIR: dir, FZZL_OUT: out, FZZL_VERBOSE: "1", FZZL_CORRECTIONS: join(tmp, "corrections.csv") } };
  }
  /** The index a run without any cache writes (into a folder of its own). */
  function coldIndex(env: Record<string, string>): string {
    const out = join(mkdtempSync(join(tmpdir(), "fzzl-cold-")), "reports.json");
    extract([], { ...env, FZZL_OUT: out });
    return readFileSync(out, "utf8");
  }

  it("a file whose stat is as recorded is not read; an edit keeping its size and mtime is still caught", async () => {
    const s = site();
    // stats are trusted only for files older than RACY_MS (3 s) when looked at
    await new Promise((r) => setTimeout(r, 3200));
    expect(extract([], s.env).stderr).toMatch(/cache: 0 unchanged, 3 extracted; 0 known by their stat, 3 read to hash/);
    expect(extract([], s.env).stderr).toMatch(/cache: 3 unchanged, 0 extracted; 3 known by their stat, 0 read to hash; index unchanged; cache unchanged/);

    // same size, the old mtime put back: the ctime still tells
    const p = join(s.dir, "003_37d3b37060572fdb.txt");
    const { mtime } = statSync(p);
    writeFileSync(p, readFileSync(p, "utf8").replace("共排查矛盾纠纷152件", "共排查矛盾纠纷160件"));
    utimesSync(p, mtime, mtime);
    expect(statSync(p).size).toBe(statSync(join(SEEDS, "003_37d3b37060572fdb.txt")).size);
    const third = extract([], s.env);
    expect(third.stderr).toMatch(/cache: 2 unchanged, 1 extracted; 2 known by their stat, 1 read to hash/);
    const data = generatedSchema.parse(JSON.parse(readFileSync(s.out, "utf8")));
    expect(data.reports.find((r) => r.township === "王村镇")!.indicators.disputes_handled!.value).toBe(160);
    // it changed just now: its stat is not trusted yet (racy), so it is read again, not extracted
    expect(extract([], s.env).stderr).toMatch(/cache: 3 unchanged, 0 extracted; 2 known by their stat, 1 read to hash/);
    expect(readFileSync(s.out, "utf8")).toBe(coldIndex(s.env));
  });

  it("touched, edited, deleted and added reports, duplicates and corrections: the index is a cold run's, byte for byte", () => {
    const s = site();
    writeFileSync(join(s.tmp, "corrections.csv"), "code,township,year,indicator,value,qualifier,reason,who,date\n500235123,,2024,mediators,9,,名册,张三,2025-03-01\n");
    extract([], s.env);
    const cold = readFileSync(s.out, "utf8");
    expect(JSON.stringify(JSON.parse(cold))).toBe(cold);

    const later = new Date(Date.now() + 60_000);
    utimesSync(join(s.dir, "000_cd6ed32ab14735ed.txt"), later, later);
    const touched = extract([], s.env);
    expect(touched.stderr).toMatch(/cache: 3 unchanged, 0 extracted/);
    expect(touched.stderr).toContain("corrected: ");
    expect(readFileSync(s.out, "utf8")).toBe(cold);

    // an edit, a copy of a report (a duplicate: an error on both) and a deleted report
    const p = join(s.dir, "003_37d3b37060572fdb.txt");
    writeFileSync(p, readFileSync(p, "utf8").replace("共排查矛盾纠纷152件", "共排查矛盾纠纷171件"));
    copyFileSync(join(SEEDS, "000_cd6ed32ab14735ed.txt"), join(s.dir, "000 副本.txt"));
    unlinkSync(join(s.dir, "004_a72cb30ac0344b96.txt"));
    const r = extract([], s.env);
    expect(r.stderr).toMatch(/cache: 1 unchanged, 2 extracted/);
    expect(r.stderr).toMatch(/both report/);
    expect(r.stderr).toMatch(/2 reports of 500235123 2024/);
    const idx = readFileSync(s.out, "utf8");
    expect(idx).toBe(coldIndex(s.env));
    const data = generatedSchema.parse(JSON.parse(idx));
    expect(data.reports.map((x) => x.file.split("/").pop())).toEqual(["000 副本.txt", "000_cd6ed32ab14735ed.txt", "003_37d3b37060572fdb.txt"]);
    expect(data.reports.find((x) => x.township === "王村镇")!.indicators.disputes_handled!.value).toBe(171);
    // the deleted report's text is gone with it; a text two reports share is kept once
    expect(readdirSync(textDirOf(s.out)).sort()).toEqual([...new Set(data.reports.map((x) => `${x.textKey}.txt`))].sort());

    // the duplicate removed: the correction applies again, and still as a cold run would
    unlinkSync(join(s.dir, "000 副本.txt"));
    const again = extract([], s.env);
    expect(again.stderr).toMatch(/cache: 2 unchanged, 0 extracted/);
    expect(again.stderr).toMatch(/1 correction\(s\) applied/);
    expect(readFileSync(s.out, "utf8")).toBe(coldIndex(s.env));
  });

  it("an index that would come out the same is not written again; one changed by hand is", () => {
    const s = site();
    extract([], s.env);
    const before = readFileSync(s.out, "utf8");
    const st = statSync(s.out);
    expect(extract([], s.env).stderr).toMatch(/index unchanged/);
    expect(statSync(s.out).mtimeMs).toBe(st.mtimeMs);
    writeFileSync(s.out, before.replace('"generatedFrom":"data/reports"', '"generatedFrom":"data/other!!"'));
    expect(extract([], s.env).stderr).toMatch(/index written/);
    expect(readFileSync(s.out, "utf8")).toBe(before);
    // shorter than what was there: no old bytes are left at the end
    writeFileSync(s.out, before + " ".repeat(1000));
    extract([], s.env);
    expect(readFileSync(s.out, "utf8")).toBe(before);
  });

  it("after a change, the index is written again only from the last checkpoint before it, and is a cold run's", () => {
    const tmp = mkdtempSync(join(tmpdir(), "fzzl-cache-"));
    const dir = join(tmp, "reports");
    mkdirSync(dir);
    for (let i = 0; i < 300; i++) writeFileSync(join(dir, `note-${String(i).padStart(3, "0")}.txt`), `会议纪要${i}\n今天讨论了工作安排。`);
    const out = join(tmp, "out.json");
    const env = { FZZL_REPORTS_DIR: dir, FZZL_OUT: out, FZZL_VERBOSE: "1", FZZL_CORRECTIONS: join(tmp, "none.csv") };
    expect(extract([], env).stderr).toMatch(/index written from report 0;/);
    // checkpoints every 128 reports: a change in the 281st is written from the 257th on
    writeFileSync(join(dir, "note-280.txt"), "会议纪要二百八十\n今天讨论了别的安排，写得更长一些。");
    expect(extract([], env).stderr).toMatch(/cache: 299 unchanged, 1 extracted; .*index written from report 256;/);
    expect(readFileSync(out, "utf8")).toBe(coldIndex(env));
    // shorter than before, in the first part
    writeFileSync(join(dir, "note-005.txt"), "短");
    expect(extract([], env).stderr).toMatch(/index written from report 0;/);
    expect(readFileSync(out, "utf8")).toBe(coldIndex(env));
    unlinkSync(join(dir, "note-299.txt"));
    expect(extract([], env).stderr).toMatch(/index written from report 256;/);
    expect(readFileSync(out, "utf8")).toBe(coldIndex(env));
  });

  it("a damaged cache is no cache: everything is extracted again, with the same index", () => {
    const s = site();
    extract([], s.env);
    const before = readFileSync(s.out, "utf8");
    const cacheFile = `${s.out}.cache.json`;
    const text = readFileSync(cacheFile, "utf8");
    writeFileSync(cacheFile, text.slice(0, Math.floor(text.length / 2)));
    const r = extract([], s.env);
    expect(r.stderr).toMatch(/cache: 0 unchanged, 3 extracted/);
    expect(readFileSync(s.out, "utf8")).toBe(before);
    writeFileSync(cacheFile, "not json at all");
    expect(extract([], s.env).stderr).toMatch(/cache: 0 unchanged, 3 extracted/);
    expect(readFileSync(s.out, "utf8")).toBe(before);
    expect(extract([], s.env).stderr).toMatch(/cache: 3 unchanged, 0 extracted/);
  });
});
