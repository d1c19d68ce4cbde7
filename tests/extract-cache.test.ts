// scripts/extract-cache.ts: the extraction cache file (stat fast path, racy guard, append and
// rewrite, damage) and scripts/extract-read.ts (plain text without the document readers).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractFile } from "../src/lib/extract/extractFile.ts";
import { ExtractCache, extractorVersion, RACY_MS, recordBytes, statSig, trustedSig, type FileStat, type StatSig, type Summary } from "../scripts/extract-cache.ts";
import { readReport } from "../scripts/extract-read.ts";

const SEED = join(import.meta.dirname, "fixtures", "reports", "seeds", "003_37d3b37060572fdb.txt");

function summary(file: string): Summary {
  return { file, township: "王村镇", county: "襄垣县", code: "140423106", year: 2024, textKey: null, warnings: [], errors: [] };
}

/** A cache file in a folder of its own, and a way to open it again (as the next run does). */
function cacheFile(version = "v1") {
  const path = join(mkdtempSync(join(tmpdir(), "fzzl-xc-")), "cache.json");
  return { path, open: (v = version) => new ExtractCache(path, v) };
}

const T = Date.parse("2025-03-01T08:00:00Z");
const st = (over: Partial<FileStat> = {}): FileStat => ({ size: 100, mtimeMs: T, ctimeMs: T, ino: 7, ...over });

/** The cache as the next run opens it, after a run recorded r/a.txt (key k1) with this stat. */
function nextRun(stat: StatSig | null): ExtractCache {
  const c = cacheFile();
  const run1 = c.open();
  run1.set("k1", "r/a.txt", stat, summary("r/a.txt"), recordBytes('{"file":"r/a.txt","n":1}'));
  run1.save();
  return c.open();
}

describe("stat signature and the racy guard", () => {
  it("trusts a stat only when the file changed more than RACY_MS before it was looked at", () => {
    expect(trustedSig(st(), T + RACY_MS + 1)).toEqual([100, T, T, 7]);
    expect(trustedSig(st(), T + RACY_MS)).toBeNull();
    expect(trustedSig(st(), T + 10)).toBeNull();
    // ctime counts too: a file whose mtime was set back (touch -d, cp -p) but changed just now
    expect(trustedSig(st({ mtimeMs: T - 86_400_000 }), T + 10)).toBeNull();
  });

  it("a racily clean file has no recorded stat, so a same-size same-mtime edit is hashed, not missed", () => {
    // read in the same clock tick as it was written: its stat must not stand for its bytes
    const run2 = nextRun(trustedSig(st(), T + 5));
    // the file edited again in that tick: same size, same times, other bytes
    expect(run2.byStat("r/a.txt", st())).toBeUndefined();
    expect(run2.get("k1")?.stat).toBeNull();
  });

  it("a file known by its stat is found without reading it; any difference of size, times or inode is not", () => {
    const run2 = nextRun(trustedSig(st(), T + 60_000));
    expect(run2.byStat("r/a.txt", st())?.key).toBe("k1");
    expect(run2.byStat("r/b.txt", st())).toBeUndefined();
    for (const over of [{ size: 101 }, { mtimeMs: T + 1 }, { ctimeMs: T + 0.5 }, { ino: 8 }]) expect(run2.byStat("r/a.txt", st(over))).toBeUndefined();
  });
});

describe("cache file", () => {
  const rec = (n: number) => recordBytes(JSON.stringify({ file: `r/${n}.txt`, township: "王村镇", indicators: { a: { value: n } } }));

  it("keeps the records' bytes as written and the summaries as given", () => {
    const c = cacheFile();
    const run1 = c.open();
    run1.set("k1", "r/1.txt", statSig(st()), summary("r/1.txt"), rec(1));
    run1.set("k2", "r/2.txt", null, { ...summary("r/2.txt"), warnings: ["w\t\n\"x\""] }, rec(2));
    expect(run1.save()).toBe("rewritten");
    const run2 = c.open();
    const e = run2.get("k2")!;
    expect(run2.text(e)).toBe(rec(2).data!.toString());
    expect(e.summary.warnings).toEqual(["w\t\n\"x\""]);
    expect(run2.size).toBe(2);
  });

  it("reads the same entries whatever its read window, records longer than it included", () => {
    const c = cacheFile();
    const run1 = c.open();
    for (let i = 0; i < 30; i++) {
      const big = "据".repeat((i * 37) % 400);
      run1.set(`k${i}`, `r/${i}.txt`, i % 3 ? statSig(st({ ino: i })) : null, { ...summary(`r/${i}.txt`), warnings: i % 4 ? [] : [`w${i}`] }, recordBytes(JSON.stringify({ file: `r/${i}.txt`, big })));
    }
    run1.setOutput({ fingerprint: "f", stat: statSig(st()) });
    run1.save();
    // read from the file of heads, then (without it) line by line, a window at a time
    const whole = c.open();
    rmSync(`${c.path}.heads`);
    for (const window of [420, 421, 500, 777, 1024, 4096]) {
      const run = new ExtractCache(c.path, "v1", window);
      expect(run.size, `window ${window}`).toBe(30);
      expect(run.output?.fingerprint).toBe("f");
      for (let i = 0; i < 30; i++) {
        const [a, b] = [run.get(`k${i}`)!, whole.get(`k${i}`)!];
        expect({ ...a, data: null }).toEqual({ ...b, data: null });
        expect(run.text(a)).toBe(whole.text(b));
      }
      run.close();
    }
    // a head longer than the window: no cache, rather than a wrong one
    expect(new ExtractCache(c.path, "v1", 64).size).toBe(0);
  });

  it("its file of heads is read only while the cache file is the one it was written for", () => {
    const c = cacheFile();
    const run1 = c.open();
    run1.set("k1", "r/1.txt", null, summary("r/1.txt"), rec(1));
    run1.save();
    expect(existsSync(`${c.path}.heads`)).toBe(true);
    // a file of heads that says another thing than the lines: believed while the stat matches...
    writeFileSync(`${c.path}.heads`, readFileSync(`${c.path}.heads`, "utf8").replace("王村镇", "李村镇"));
    expect(c.open().get("k1")!.summary.township).toBe("李村镇");
    // ...and not once the cache file was written again
    utimesSync(c.path, new Date(Date.now() + 10_000), new Date(Date.now() + 10_000));
    expect(c.open().get("k1")!.summary.township).toBe("王村镇");
    writeFileSync(`${c.path}.heads`, "{ not json");
    expect(c.open().size).toBe(1);
  });

  it("writes nothing when nothing changed; appends what changed; rewrites when a quarter is stale", () => {
    const c = cacheFile();
    const run1 = c.open();
    for (let i = 0; i < 8; i++) run1.set(`k${i}`, `r/${i}.txt`, statSig(st({ ino: i })), summary(`r/${i}.txt`), rec(i));
    run1.save();
    const size = statSync(c.path).size;

    const run2 = c.open();
    for (let i = 0; i < 8; i++) run2.use(run2.byStat(`r/${i}.txt`, st({ ino: i }))!, statSig(st({ ino: i })));
    expect(run2.save()).toBe("unchanged");
    expect(statSync(c.path).size).toBe(size);

    // one report changed: its new entry is appended, the old one stays until the file is rewritten
    const run3 = c.open();
    for (let i = 1; i < 8; i++) run3.use(run3.get(`k${i}`)!, statSig(st({ ino: i })));
    run3.set("k0b", "r/0.txt", statSig(st({ ino: 0, size: 99 })), summary("r/0.txt"), rec(100));
    expect(run3.save()).toBe("appended");
    expect(statSync(c.path).size).toBeGreaterThan(size);
    // the file of heads too: a line for the append
    expect(readFileSync(`${c.path}.heads`, "utf8").trim().split("\n")).toHaveLength(2);
    const run4 = c.open();
    expect(run4.size).toBe(9);
    expect(run4.byStat("r/0.txt", st({ ino: 0, size: 99 }))?.key).toBe("k0b");

    // three of eight gone: more than a quarter stale, so only the entries used are written again
    const run5 = c.open();
    for (let i = 3; i < 8; i++) run5.use(run5.get(`k${i}`)!, statSig(st({ ino: i })));
    expect(run5.save()).toBe("rewritten");
    expect(c.open().size).toBe(5);
  });

  it("a re-stated entry (the file touched, its bytes the same) is appended with its new stat", () => {
    const c = cacheFile();
    const run1 = c.open();
    for (let i = 1; i <= 4; i++) run1.set(`k${i}`, `r/${i}.txt`, statSig(st({ ino: i })), summary(`r/${i}.txt`), rec(i));
    run1.save();
    const run2 = c.open();
    expect(run2.byStat("r/1.txt", st({ mtimeMs: T + 5000 }))).toBeUndefined();
    run2.use(run2.get("k1")!, statSig(st({ mtimeMs: T + 5000 })));
    for (let i = 2; i <= 4; i++) run2.use(run2.get(`k${i}`)!, statSig(st({ ino: i })));
    expect(run2.save()).toBe("appended");
    expect(c.open().byStat("r/1.txt", st({ mtimeMs: T + 5000 }))?.key).toBe("k1");
  });

  it("records the index written last", () => {
    const c = cacheFile();
    const run1 = c.open();
    expect(run1.output).toBeNull();
    run1.setOutput({ fingerprint: "abc", stat: statSig(st()) });
    expect(run1.save()).toBe("rewritten");
    const run2 = c.open();
    expect(run2.output).toEqual({ fingerprint: "abc", stat: statSig(st()) });
    run2.setOutput({ fingerprint: "def", stat: statSig(st()) });
    expect(run2.save()).toBe("appended");
    expect(c.open().output?.fingerprint).toBe("def");
  });

  it("a cache of another extractor version is no cache", () => {
    const c = cacheFile();
    const run1 = c.open();
    run1.set("k1", "r/1.txt", null, summary("r/1.txt"), rec(1));
    run1.save();
    expect(c.open("v2").size).toBe(0);
    expect(c.open("v1").size).toBe(1);
  });

  it("a damaged cache is no cache: cut short, garbage, a record of the wrong length, a bad head", () => {
    const damages: ((text: string) => string)[] = [
      (t) => t.slice(0, t.length - 7),
      (t) => t.slice(0, t.length - 1),
      () => "\u0000\u0001garbage",
      () => "",
      (t) => t.replace('"n":1', '"n":12'),
      (t) => t.replace('{"key":"k1"', '{"key":1'),
      (t) => t.replace("\t", " "),
      (t) => `${t}{"key":"k9","file":"r/9.txt","stat":null,"bytes":2,"summary":{}}\t{}\n{`,
    ];
    for (const damage of damages) {
      const c = cacheFile();
      const run1 = c.open();
      run1.set("k1", "r/1.txt", null, summary("r/1.txt"), recordBytes('{"file":"r/1.txt","n":1}'));
      run1.set("k2", "r/2.txt", null, summary("r/2.txt"), recordBytes('{"file":"r/2.txt","n":2}'));
      run1.save();
      writeFileSync(c.path, damage(readFileSync(c.path, "utf8")));
      // (damaged later than it was written: not within the clock tick of its writing)
      utimesSync(c.path, new Date(Date.now() + 10_000), new Date(Date.now() + 10_000));
      const run2 = c.open();
      expect(run2.size, damage.toString()).toBe(0);
      // and it is written anew, whole
      run2.set("k3", "r/3.txt", null, summary("r/3.txt"), recordBytes('{"file":"r/3.txt"}'));
      expect(run2.save()).toBe("rewritten");
      expect(c.open().size).toBe(1);
    }
  });

  it("does not append to a cache another run has rewritten since it was read", () => {
    const c = cacheFile();
    const run1 = c.open();
    run1.set("k1", "r/1.txt", null, summary("r/1.txt"), rec(1));
    run1.save();
    const a = c.open();
    const b = c.open("v2");
    b.set("k2", "r/2.txt", null, summary("r/2.txt"), rec(2));
    b.save(); // another version's run rewrote the file
    a.use(a.get("k1")!, null);
    a.set("k3", "r/3.txt", null, summary("r/3.txt"), rec(3));
    expect(a.save()).toBe("rewritten");
    expect(c.open("v1").size).toBe(2);
    // and a file grown by another run's append is not appended to either
    const d = c.open("v1");
    const other = join(c.path + ".copy");
    writeFileSync(other, readFileSync(c.path));
    renameSync(other, c.path);
    d.set("k4", "r/4.txt", null, summary("r/4.txt"), rec(4));
    expect(d.save()).toBe("rewritten");
  });
});

describe("plain text is extracted as extractFile does, without loading the document readers", () => {
  it("gives the record extractFile gives, for .txt, .TXT and .text", async () => {
    const bytes = readFileSync(SEED);
    for (const label of ["r/a.txt", "r/B.TXT", "r/c.text"]) {
      const dir = mkdtempSync(join(tmpdir(), "fzzl-xr-"));
      writeFileSync(join(dir, "f"), bytes);
      const { key, record } = await readReport(join(dir, "f"), label);
      expect(record).toEqual(await extractFile(label, bytes));
      expect(key).toMatch(/^[0-9a-f]{40}$/);
    }
    const missing = await readReport(join(tmpdir(), "fzzl-no-such-file.txt"), "r/gone.txt");
    expect(missing.key).toBeNull();
    expect(missing.record.errors.join()).toMatch(/r\/gone\.txt: cannot be read \(ENOENT\)/);
  });
});

describe("extractorVersion", () => {
  it("changes with the extraction library and the index schema, not with the pages' code", () => {
    const root = mkdtempSync(join(tmpdir(), "fzzl-version-"));
    const put = (path: string, text: string) => {
      mkdirSync(join(root, path, ".."), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    put("src/lib/extract/classify.ts", "a");
    put("src/lib/site/schema.ts", "s");
    put("src/lib/site/aggregate.ts", "g");
    const v0 = extractorVersion(root);
    put("src/lib/site/aggregate.ts", "g2");
    expect(extractorVersion(root)).toBe(v0);
    put("src/lib/extract/classify.ts", "a2");
    const v1 = extractorVersion(root);
    expect(v1).not.toBe(v0);
    put("src/lib/site/schema.ts", "s2");
    expect(extractorVersion(root)).not.toBe(v1);
    rmSync(root, { recursive: true, force: true });
  });
});
