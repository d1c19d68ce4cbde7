// Hostile input without a browser: a 50 MB text file, file names with "..", markup in reports.
// (tests/browser/hostile.test.ts builds and opens a site of tests/fixtures/hostile/.)
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { extractFile } from "../src/lib/extract/extractFile.ts";
import { MAX_REPORT_CHARS } from "../src/lib/extract/extract.ts";
import { generatedSchema } from "../src/lib/site/schema.ts";
import { reportSlug, uniqueSlugs } from "../src/lib/site/slug.ts";

const ROOT = join(import.meta.dirname, "..");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const SEED = join(ROOT, "tests", "fixtures", "reports", "seeds", "003_37d3b37060572fdb.txt");
const tmp = mkdtempSync(join(tmpdir(), "fzzl-hostile-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function extract(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(TSX, ["scripts/extract.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, FZZL_CORRECTIONS: join(tmp, "no-corrections.csv"), ...env },
    maxBuffer: 256 * 1024 * 1024,
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, error: r.error };
}

/** A URL path segment that cannot climb out of /townships/. */
function expectSafeId(id: string): void {
  expect(id).not.toMatch(/\.\.|[\\/?#%]|^\.|\s/);
  expect(id.length).toBeGreaterThan(0);
  expect(encodeURIComponent(id)).not.toContain("%2F");
}

describe("a 50 MB text file", () => {
  const big = join(tmp, "big report.txt");
  const seed = readFileSync(SEED);
  const copies = Math.ceil((50 * 1024 * 1024) / seed.length);
  writeFileSync(big, Buffer.concat(Array.from({ length: copies }, () => seed)));

  it("is a clear error, not a crash or a hang, in the contract output", { timeout: 120_000 }, () => {
    const started = Date.now();
    const r = extract([big, SEED]);
    expect(r.error).toBeUndefined();
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { reports: { file: string; errors: string[]; indicators: Record<string, unknown> }[] };
    expect(out.reports).toHaveLength(2);
    expect(out.reports[0]!.errors).toEqual([expect.stringMatching(/big report\.txt: too long for one report \(\d+ characters; the limit is 5000000\)/)]);
    expect(out.reports[0]!.indicators).toEqual({});
    // the next file is read as usual
    expect(out.reports[1]!.errors).toEqual([]);
    expect(Object.keys(out.reports[1]!.indicators).length).toBeGreaterThan(5);
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it("extractFile says the same", { timeout: 60_000 }, async () => {
    const rec = await extractFile("big.txt", readFileSync(big));
    expect(rec.errors).toEqual([expect.stringMatching(/too long/)]);
    expect(rec.text).toBe("");
    expect(MAX_REPORT_CHARS).toBeGreaterThan(100 * seed.length); // a long real report is far below it
  });
});

describe("file names with ..", () => {
  it("never make an id or URL that climbs out of /townships/", () => {
    const cases = ["../../etc/passwd", "..", "..txt", "a/../../b.txt", "..\\..\\windows\\win.ini", "%2e%2e%2f.txt", "....//....//x.txt", " .. .txt"];
    for (const file of cases) {
      expectSafeId(reportSlug({ file, township: null, code: null, year: null }));
      expectSafeId(reportSlug({ file, township: "../王村镇", code: null, year: 2024 }));
    }
    for (const id of uniqueSlugs(cases.map((file) => ({ file, township: null, code: null, year: null })))) expectSafeId(id);
  });

  it("a folder of such names is extracted into valid site data, reports kept apart", { timeout: 60_000 }, () => {
    const dir = join(tmp, "dots");
    mkdirSync(dir);
    copyFileSync(SEED, join(dir, "王村镇..2024..txt"));
    writeFileSync(join(dir, "a..b..c"), "会议纪要2\n今天讨论了工作安排。");
    writeFileSync(join(dir, "..%2F..%2Fnotes.txt"), "会议纪要\n今天讨论了工作安排。"); // hidden: skipped, and said so
    const out = join(tmp, "dots.json");
    const r = extract([], { FZZL_REPORTS_DIR: dir, FZZL_OUT: out });
    expect(r.code).toBe(1); // the note has no township
    expect(r.stderr).toContain('skipped 1 hidden file(s) (name starts with "."): ..%2F..%2Fnotes.txt');
    const data = generatedSchema.parse(JSON.parse(readFileSync(out, "utf8")));
    expect(data.reports).toHaveLength(2);
    for (const rep of data.reports) expectSafeId(rep.id);
    const wangcun = data.reports.find((x) => x.township === "王村镇")!;
    expect(wangcun.id).toBe("140423106-2024");
    expect(wangcun.file).toBe(join(dir, "王村镇..2024..txt"));
    expect(data.reports.find((x) => x.township === null)!.id).toBe("a-b-unknown");
    expect(r.stderr).toMatch(/a\.\.b\.\.c: no township/);
  });

  it("a path with .. on the command line reads the file it names, and keeps the name given", () => {
    const arg = join("tests", "..", "tests", "fixtures", "reports", "seeds", "003_37d3b37060572fdb.txt");
    const r = extract([arg]);
    expect(r.code).toBe(0);
    const rec = (JSON.parse(r.stdout) as { reports: { file: string; township: string }[] }).reports[0]!;
    expect(rec).toMatchObject({ file: arg, township: "王村镇" });
  });
});
