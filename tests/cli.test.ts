// scripts/extract.ts as users and the evaluation run it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { generatedSchema } from "../src/lib/schema.ts";

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
    for (const t of Object.values(gulong.indicators)) for (const m of t.mentions) expect(gulong.text.slice(m.start, m.end).length).toBeGreaterThan(0);
  });
});
