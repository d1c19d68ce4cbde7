// npm run bench [-- --build] [--sizes 100,1000] [--scopes county,city] [--skip-build] [--skip-throughput]
//                 [--mb 110] [--repeat 3] [--seed 42] [--timeout-min 90] [--keep-builds] [--browser] [--no-write]
//
// The national-scale benchmark:
//  1. synthetic corpora (scripts/bench/generate-corpus.ts) of each size, generated when missing;
//  2. extraction throughput on ≥ 100 MB of synthetic text (scripts/bench/extract-throughput.ts);
//  3. the whole build for each size: the steps of package.json's "build" script — the extract step
//     (FZZL_REPORTS_DIR=corpus, FZZL_OUT=.cache/bench/build-N/reports.json), `astro build --outDir
//     .cache/bench/build-N/dist` and the steps on its output (pagefind) — each under GNU time for
//     wall time and peak RSS (or /proc polling where /usr/bin/time is missing); then the size of the
//     output, the largest page and the median profile page, raw and gzip; the extract step again,
//     with nothing changed and with one report changed;
//  4. --browser: the browser scale tests (tests/browser/scale.test.ts, FZZL_SCALE_SITE) on each built
//     site — every page's size, and axe, 320 px, figures and search on a sample of its pages.
// Sizes built: 100 and 1,000 by default (a few minutes); --build: 100, 1,000, 10,000 and 40,000
// (national scale: long, and memory-hungry); --sizes: exactly these. --skip-build builds nothing but
// still records the corpora of --sizes that exist.
// --scopes: sites of one region instead (SCOPES below: a county of 20 townships × 5 years, a city, a
// province of ~7,500 reports, the nation of 40,000), each built as above; then a plain Astro site of as
// many trivial pages, and the ratio of this site's `astro build` time per page to the plain one's.
// Prints the figures and writes BENCHMARKS.md (machine, date, commit), keeping the rows of sizes
// not run this time. The builds use their own Astro cache dir and output dir: dist/ and the
// project's data are not touched.
import { spawn, execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, totalmem } from "node:os";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { CACHE, DEFAULT_SEED, MB, ROOT, defaultCorpusDir, ensureCorpus, existingCorpus, reportsDirOf, type Manifest } from "./corpus.ts";
import { formatThroughput, measureThroughput, type ThroughputResult } from "./extract-throughput.ts";

const BENCHMARKS_MD = join(ROOT, "BENCHMARKS.md");
/** built by default */
const DEFAULT_SIZES = [100, 1000];
/** built with --build: national scale */
const FULL_SIZES = [100, 1000, 10000, 40000];

/** The sites of one region the benchmark builds with --scopes: a corpus drawn from the region (synthetic/corpus.ts). */
export const SCOPES: Record<string, { n: number; within?: string; years?: string; what: string }> = {
  county: { n: 100, within: "130283", years: "2021-2025", what: "迁安市: 20 townships × 5 years" },
  city: { n: 640, within: "1404", years: "2021-2025", what: "长治市: 128 townships × 5 years" },
  province: { n: 7500, within: "14", years: "2019-2025", what: "山西省: 7,500 of its 1,286 townships × 7 years" },
  nation: { n: 40000, what: "the nation: 40,000 reports, 2 or 3 years of 2022–2025 a township" },
};

// --- machine and run identity ------------------------------------------------------------------------

export interface RunInfo {
  date: string;
  /** `git rev-parse --short HEAD`, `+changes` with uncommitted changes */
  commit: string;
  /** hash of the extractor's sources (src/lib, without synthetic/): tells apart runs on one dirty tree */
  lib?: string;
  machine: string;
}

function machineInfo(): { text: string; cpus: number; memGb: number; cpu: string; node: string } {
  let cpu = "unknown CPU";
  try {
    cpu = /model name\s*:\s*(.+)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1]?.trim() ?? cpu;
  } catch {
    /* not Linux */
  }
  let memKb = totalmem() / 1024;
  try {
    memKb = Number(/MemTotal:\s*(\d+)/.exec(readFileSync("/proc/meminfo", "utf8"))?.[1] ?? memKb);
  } catch {
    /* not Linux */
  }
  let cpus = availableParallelism();
  try {
    cpus = Number(execFileSync("nproc", { encoding: "utf8" }).trim()) || cpus;
  } catch {
    /* no nproc */
  }
  const memGb = Math.round((memKb / 1024 / 1024) * 10) / 10;
  const node = process.version;
  return { text: `${cpu}, ${cpus} cores, ${memGb} GB, Node ${node}`, cpus, memGb, cpu, node };
}

function gitCommit(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: ROOT, encoding: "utf8" }).trim() !== "";
    return dirty ? `${head}+changes` : head;
  } catch {
    return "unknown";
  }
}

/** Short SHA-1 of the extractor's sources: the .ts files of src/lib but the synthetic corpus generator. */
function libHash(): string {
  const hash = createHash("sha1");
  const walkTs = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .flatMap((e) => (e.isDirectory() ? (e.name === "synthetic" ? [] : walkTs(join(dir, e.name))) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
  for (const f of walkTs(join(ROOT, "src", "lib"))) hash.update(relative(ROOT, f)).update(readFileSync(f));
  return hash.digest("hex").slice(0, 7);
}

// --- timed child processes --------------------------------------------------------------------------

interface Timed {
  ok: boolean;
  code: number | null;
  timedOut: boolean;
  seconds: number;
  peakRssMb: number | null;
  log: string;
}

const GNU_TIME = "/usr/bin/time";

function hasGnuTime(): boolean {
  try {
    execFileSync(GNU_TIME, ["-v", "true"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Peak VmHWM (kB) over the process tree of `pid`, read from /proc. */
function treeHwmKb(pid: number): number {
  let max = 0;
  const children = (p: number): number[] => {
    try {
      return readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  const visit = (p: number) => {
    try {
      const hwm = /VmHWM:\s*(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      if (hwm) max = Math.max(max, Number(hwm[1]));
    } catch {
      /* gone */
    }
    for (const c of children(p)) visit(c);
  };
  visit(pid);
  return max;
}

/**
 * Runs a command with its output in `logFile`, measuring wall time and peak RSS (the largest
 * process of its tree: GNU time's "Maximum resident set size", else VmHWM polled every 100 ms).
 */
function runTimed(cmd: string, args: string[], env: NodeJS.ProcessEnv, logFile: string, timeoutMs: number): Promise<Timed> {
  const gnu = hasGnuTime();
  const statsFile = `${logFile}.time`;
  const fd = openSync(logFile, "w");
  const argv = gnu ? ["-v", "-o", statsFile, cmd, ...args] : args;
  const t0 = performance.now();
  const child = spawn(gnu ? GNU_TIME : cmd, argv, { cwd: ROOT, env, stdio: ["ignore", fd, fd], detached: true });
  let polledKb = 0;
  const poll = gnu ? null : setInterval(() => (polledKb = Math.max(polledKb, child.pid ? treeHwmKb(child.pid) : 0)), 100);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    // the command's own process group, started above
    if (child.pid) process.kill(-child.pid, "SIGKILL");
  }, timeoutMs);
  return new Promise((resolvePromise) => {
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      closeSync(fd);
      const seconds = (performance.now() - t0) / 1000;
      let peakKb: number | null = gnu ? null : polledKb || null;
      if (gnu && existsSync(statsFile)) {
        const m = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(readFileSync(statsFile, "utf8"));
        if (m) peakKb = Number(m[1]);
      }
      resolvePromise({
        ok: code === 0 && !timedOut,
        code,
        timedOut,
        seconds: Math.round(seconds * 10) / 10,
        peakRssMb: peakKb === null ? null : Math.round(peakKb / 1024),
        log: logFile,
      });
    });
  });
}

// --- the site build ---------------------------------------------------------------------------------

export interface PageSize {
  path: string;
  raw: number;
  gzip: number;
}

export interface StepResult {
  /** the step of package.json's "build" script */
  step: string;
  name: string;
  seconds: number;
  peakRssMb: number | null;
  ok: boolean;
}

export interface BuildResult extends RunInfo {
  n: number;
  /** --scopes: the scope built (SCOPES) */
  scope?: string;
  /** --scopes: a plain Astro site of as many trivial pages, and this site's astro build time per page over its */
  plain?: { pages: number; seconds: number; peakRssMb: number | null; ratio: number | null } | null;
  ok: boolean;
  error?: string;
  steps: StepResult[];
  /** steps of the build script the benchmark does not run (e.g. cleaning dist/, which it does not use) */
  skipped: string[];
  totalSeconds: number;
  reportsJsonMb: number | null;
  /** everything the extract step wrote (reports.json, the texts beside it, its cache), MB */
  extractOutputMb?: number | null;
  /** the extract step run again on the unchanged corpus (its cache warm): not part of the total */
  rerun?: { seconds: number; peakRssMb: number | null; ok: boolean } | null;
  /** the extract step run again after one report of the corpus changed (then changed back) */
  rerunOne?: { seconds: number; peakRssMb: number | null; ok: boolean; file: string } | null;
  /** --browser: the scale browser tests (tests/browser/scale.test.ts) on this build, a sample of its pages */
  browser?: { passed: number; failed: number; skipped: number; seconds: number; log: string } | null;
  dist: { mb: number; files: number; pages: number; largest: PageSize | null; medianProfile: PageSize | null; profiles: number } | null;
}

interface PlannedStep {
  step: string;
  name: string;
  cmd: string;
  args: string[];
  /** variables the script sets for the command (`NODE_OPTIONS=… astro build`) */
  env?: Record<string, string>;
}

/**
 * The steps of the project's `npm run build`, read from package.json, as the benchmark runs them:
 * the extract step as is (its input and output come from FZZL_REPORTS_DIR / FZZL_OUT), `astro build`
 * with a config of its own (own cache dir) and --outDir, `pagefind --site dist` on that outDir.
 * Cleaning dist/ is not needed (the output directory is new); other steps are reported as skipped.
 */
export function buildSteps(buildScript: string, extractScript: string, work: { config: string; dist: string }): { run: PlannedStep[]; skipped: string[] } {
  const bin = (name: string) => join(ROOT, "node_modules", ".bin", name);
  const words = (s: string) => s.trim().split(/\s+/).filter(Boolean);
  const run: PlannedStep[] = [];
  const skipped: string[] = [];
  for (const raw of buildScript.split("&&").map((s) => s.trim()).filter(Boolean)) {
    const all = words(raw);
    const assignments = all.findIndex((x) => !/^[A-Z_][A-Z0-9_]*=/.test(x));
    const w = all.slice(assignments);
    const env = Object.fromEntries(all.slice(0, assignments).map((a) => [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)]));
    if (/^npm run( --silent| -s)? extract\b/.test(raw)) {
      const [tool = "tsx", ...rest] = words(extractScript);
      run.push({ step: raw, name: "extract", cmd: bin(tool), args: rest });
    } else if (w[0] === "astro" && w[1] === "build") {
      run.push({ step: raw, name: "astro build", cmd: bin("astro"), args: ["build", ...w.slice(2), "--config", relative(ROOT, work.config), "--outDir", work.dist], env });
    } else if (w[0] === "pagefind") {
      const args = w.slice(1).map((a, i, all) => (all[i - 1] === "--site" || all[i - 1] === "-s" ? work.dist : a));
      run.push({ step: raw, name: "pagefind", cmd: bin("pagefind"), args });
    } else if (w[0] === "tsx" && w[1] === "scripts/search-index.ts") {
      // the search index (Pagefind, in shards on large sites) of the built directory
      run.push({ step: raw, name: "pagefind", cmd: bin("tsx"), args: [w[1], work.dist] });
    } else skipped.push(raw);
  }
  return { run, skipped };
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

/** Bytes of a file, or of every file under a directory. */
function treeBytes(path: string): number {
  const st = statSync(path);
  return st.isDirectory() ? walk(path).reduce((sum, f) => sum + statSync(f).size, 0) : st.size;
}

function pageSize(dist: string, path: string): PageSize {
  const bytes = readFileSync(path);
  return { path: relative(dist, path), raw: bytes.length, gzip: gzipSync(bytes).length };
}

function distStats(dist: string): NonNullable<BuildResult["dist"]> {
  const files = walk(dist);
  const sizes = new Map(files.map((f) => [f, statSync(f).size]));
  const pages = files.filter((f) => f.endsWith(".html"));
  const largestPath = pages.reduce<string | null>((a, b) => (a === null || sizes.get(b)! > sizes.get(a)! ? b : a), null);
  // profile pages: /townships/{slug}/index.html (one per report), not the index of them
  const profiles = pages
    .filter((f) => /^townships[\\/][^\\/]+[\\/]index\.html$/.test(relative(dist, f)))
    .sort((a, b) => sizes.get(a)! - sizes.get(b)!);
  const median = profiles.length ? profiles[Math.floor((profiles.length - 1) / 2)]! : null;
  return {
    mb: Math.round(([...sizes.values()].reduce((a, b) => a + b, 0) / MB) * 10) / 10,
    files: files.length,
    pages: pages.length,
    largest: largestPath ? pageSize(dist, largestPath) : null,
    medianProfile: median ? pageSize(dist, median) : null,
    profiles: profiles.length,
  };
}

/**
 * A plain Astro site of `pages` trivial pages (a heading and a paragraph each, one route), built with
 * the project's Astro into `dir`: what a page costs Astro itself on this machine.
 */
export async function plainAstroBuild(pages: number, dir: string, timeoutMs: number): Promise<{ pages: number; seconds: number; peakRssMb: number | null }> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "src", "pages", "p"), { recursive: true });
  writeFileSync(join(dir, "astro.config.mjs"), `export default { cacheDir: ${JSON.stringify(join(dir, "astro-cache"))} };\n`);
  writeFileSync(
    join(dir, "src", "pages", "p", "[n].astro"),
    `---\nexport function getStaticPaths() {\n  return Array.from({ length: ${pages} }, (_, i) => ({ params: { n: String(i + 1) } }));\n}\nconst { n } = Astro.params;\n---\n<html lang="zh-CN"><head><meta charset="utf-8" /><title>第 {n} 页</title></head><body><h1>第 {n} 页</h1><p>一个简单的页面。</p></body></html>\n`,
  );
  const t = await runTimed(join(ROOT, "node_modules", ".bin", "astro"), ["build", "--root", dir, "--outDir", join(dir, "dist")], { ...process.env, CI: "1" }, join(dir, "..", "plain-astro.log"), timeoutMs);
  rmSync(dir, { recursive: true, force: true });
  if (!t.ok) throw new Error(`the plain Astro site did not build (see ${relative(ROOT, t.log)})`);
  return { pages, seconds: t.seconds, peakRssMb: t.peakRssMb };
}

/** A sentence added to one report to change it (a figure the extractor reads). */
const CHANGE = "\n另，年内新增人民调解案件3件。\n";

/** Runs the browser scale tests on a built site (FZZL_SCALE_SITE) and reads their summary line. */
async function browserCheck(work: string, timeoutMs: number): Promise<NonNullable<BuildResult["browser"]>> {
  const logFile = join(work, "browser-tests.log");
  const env = { ...process.env, FZZL_SCALE_SITE: relative(ROOT, work), SKIP_BUILD: "1" };
  const t = await runTimed(join(ROOT, "node_modules", ".bin", "vitest"), ["run", "--project", "browser", "tests/browser/scale.test.ts"], env, logFile, timeoutMs);
  const m = /tests: (\d+) passed, (\d+) failed, (\d+) skipped/.exec(readFileSync(logFile, "utf8"));
  const [passed, failed, skipped] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 1, 0];
  return { passed, failed: t.ok ? failed : Math.max(failed, 1), skipped, seconds: t.seconds, log: relative(ROOT, logFile) };
}

async function measureBuild(n: number, corpusDir: string, info: RunInfo, timeoutMs: number, o: { keep: boolean; browser: boolean; scope?: string }, log: (l: string) => void): Promise<BuildResult> {
  const work = join(CACHE, o.scope ? `build-${o.scope}` : `build-${n}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const out = join(work, "reports.json");
  const dist = join(work, "dist");
  // the project's config with an Astro cache of its own, so that the build shares nothing with dist/ or other builds
  const config = join(work, "astro.config.mjs");
  writeFileSync(
    config,
    `import base from ${JSON.stringify(join(ROOT, "astro.config.mjs"))};\nexport default { ...base, cacheDir: ${JSON.stringify(join(work, "astro-cache"))} };\n`,
  );
  const env = {
    ...process.env,
    FZZL_REPORTS_DIR: reportsDirOf(corpusDir),
    FZZL_OUT: out,
    // hand corrections name real reports: none for a synthetic corpus
    FZZL_CORRECTIONS: join(work, "no-corrections.csv"),
    CI: "1",
  };
  const scripts = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts as Record<string, string>;
  const plan = buildSteps(scripts.build ?? "", scripts.extract ?? "tsx scripts/extract.ts", { config, dist });
  const result: BuildResult = { ...info, n, ...(o.scope ? { scope: o.scope } : {}), ok: false, steps: [], skipped: plan.skipped, totalSeconds: 0, reportsJsonMb: null, dist: null };
  for (const step of plan.run) {
    log(`build ${n}: ${step.name} …`);
    const t = await runTimed(step.cmd, step.args, { ...env, ...step.env }, join(work, `${step.name.replace(/\W+/g, "-")}.log`), timeoutMs);
    result.steps.push({ step: step.step, name: step.name, seconds: t.seconds, peakRssMb: t.peakRssMb, ok: t.ok });
    result.totalSeconds = Math.round((result.totalSeconds + t.seconds) * 10) / 10;
    if (step.name === "extract" && existsSync(out)) {
      result.reportsJsonMb = Math.round((statSync(out).size / MB) * 10) / 10;
      const written = readdirSync(work).filter((name) => !/\.log(\.time)?$/.test(name) && name !== "astro.config.mjs");
      const bytes = written.reduce((sum, name) => sum + treeBytes(join(work, name)), 0);
      result.extractOutputMb = Math.round((bytes / MB) * 10) / 10;
    }
    log(`build ${n}: ${step.name} ${t.ok ? "done" : "FAILED"} in ${t.seconds} s, peak ${t.peakRssMb} MB`);
    if (!t.ok) {
      result.error = t.timedOut ? `${step.name} timed out after ${timeoutMs / 60000} min` : `${step.name} exited ${t.code} (see ${relative(ROOT, t.log)})`;
      return result;
    }
  }
  if (existsSync(dist)) result.dist = distStats(dist);
  result.ok = true;
  // an unchanged corpus extracted again: what adding one report costs, at most
  const extract = plan.run.find((st) => st.name === "extract");
  if (extract) {
    log(`build ${n}: extract again, nothing changed …`);
    const t = await runTimed(extract.cmd, extract.args, env, join(work, "extract-again.log"), timeoutMs);
    result.rerun = { seconds: t.seconds, peakRssMb: t.peakRssMb, ok: t.ok };
    // one report changed (the one in the middle of the folder), extracted again, then restored
    const reports = reportsDirOf(corpusDir);
    const names = readdirSync(reports).filter((f) => !f.startsWith(".")).sort();
    const file = join(reports, names[Math.floor(names.length / 2)]!);
    const original = readFileSync(file);
    log(`build ${n}: extract again, one report changed (${relative(ROOT, file)}) …`);
    try {
      writeFileSync(file, Buffer.concat([original, Buffer.from(CHANGE)]));
      const one = await runTimed(extract.cmd, extract.args, env, join(work, "extract-one-changed.log"), timeoutMs);
      result.rerunOne = { seconds: one.seconds, peakRssMb: one.peakRssMb, ok: one.ok, file: relative(ROOT, file) };
    } finally {
      writeFileSync(file, original);
    }
  }
  if (o.scope && result.dist) {
    log(`build ${o.scope}: a plain Astro site of ${result.dist.pages} trivial pages …`);
    const plain = await plainAstroBuild(result.dist.pages, join(work, "plain"), timeoutMs);
    const astro = result.steps.find((st) => st.name === "astro build");
    const ratio = astro && plain.seconds > 0 ? Math.round((astro.seconds / result.dist.pages / (plain.seconds / plain.pages)) * 10) / 10 : null;
    result.plain = { ...plain, ratio };
    log(`build ${o.scope}: plain Astro ${plain.seconds} s for ${plain.pages} pages; this site's astro build per page ×${ratio}`);
  }
  if (o.browser && result.dist) {
    log(`build ${n}: browser tests on a sample of its pages …`);
    result.browser = await browserCheck(work, timeoutMs);
    log(`build ${n}: browser tests ${result.browser.passed} passed, ${result.browser.failed} failed, ${result.browser.skipped} skipped (${result.browser.log})`);
  }
  if (!o.keep) {
    // everything but the logs: the output, the Astro cache, reports.json and whatever the extract step keeps beside it
    for (const name of readdirSync(work)) if (!/\.log(\.time)?$/.test(name)) rmSync(join(work, name), { recursive: true, force: true });
  }
  return result;
}

// --- BENCHMARKS.md ------------------------------------------------------------------------------------

export interface CorpusRow extends RunInfo {
  n: number | null;
  mb: number | null;
  files: number;
  townships: number;
  bytes: number;
  chars: number;
  seconds: number;
}

export interface BenchData {
  corpora: CorpusRow[];
  throughput: (ThroughputResult & RunInfo) | null;
  builds: BuildResult[];
}

const DATA_MARK = "<!-- bench-data:";
const NOTES_START = "<!-- notes: kept by npm run bench -->";
const NOTES_END = "<!-- /notes -->";

/** The hand-written notes of BENCHMARKS.md, kept from run to run. */
function readNotes(): string {
  if (!existsSync(BENCHMARKS_MD)) return "";
  const md = readFileSync(BENCHMARKS_MD, "utf8");
  const a = md.indexOf(NOTES_START);
  const b = md.indexOf(NOTES_END);
  return a >= 0 && b > a ? md.slice(a + NOTES_START.length, b).trim() : "";
}

function readData(): BenchData {
  const empty: BenchData = { corpora: [], throughput: null, builds: [] };
  if (!existsSync(BENCHMARKS_MD)) return empty;
  const md = readFileSync(BENCHMARKS_MD, "utf8");
  const at = md.indexOf(DATA_MARK);
  if (at < 0) return empty;
  try {
    return { ...empty, ...JSON.parse(md.slice(at + DATA_MARK.length, md.indexOf("-->", at)).trim()) };
  } catch {
    return empty;
  }
}

const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
const mbText = (v: number | null | undefined) => (v === null || v === undefined ? "–" : `${v}`);
const runOf = (r: RunInfo) => `${r.date.slice(0, 16).replace("T", " ")}, ${r.commit}${r.lib ? `, lib ${r.lib}` : ""}`;

function table(head: string[], rows: string[][], right: boolean[] = []): string {
  const sep = head.map((_, i) => (right[i] ? "---:" : "---"));
  return [head, sep, ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
}

export function renderMarkdown(data: BenchData, notes = ""): string {
  const machines = [...new Set([...data.corpora, ...(data.throughput ? [data.throughput] : []), ...data.builds].map((r) => r.machine))];
  const lines: string[] = [
    "# Benchmarks",
    "",
    "Written by `npm run bench` (`scripts/bench/run.ts`; see docs/maintaining.md, “Benchmarks”). The reports are synthetic:",
    "real township names, counties and years from the national division list, report prose from",
    "templates of the sections and wordings real reports use, figures drawn at random",
    "(`scripts/bench/synthetic/`). Each table keeps the latest run of each row; every row says when (UTC) and at",
    "which commit it was measured (`+changes`: with uncommitted changes; `lib`: a hash of the extractor's",
    "sources in `src/lib/`, which tells runs on one uncommitted tree apart). MB = 10⁶ bytes.",
    "",
    "## Machine",
    "",
    ...machines.map((m) => `- ${m}`),
    "",
  ];
  lines.push("## Synthetic corpora", "");
  if (data.corpora.length) {
    const rows = [...data.corpora]
      .sort((a, b) => (a.n ?? Infinity) - (b.n ?? Infinity) || (a.mb ?? 0) - (b.mb ?? 0))
      .map((c) => [c.n !== null ? `--n ${c.n}` : `--mb ${c.mb}`, String(c.files), String(c.townships), (c.bytes / MB).toFixed(1), (c.chars / 1e6).toFixed(1), `${Math.round(c.bytes / c.files / 1000)} KB`, c.seconds.toFixed(1), runOf(c)]);
    lines.push(table(["corpus", "reports", "townships", "MB", "M chars", "mean report", "generated in s", "measured"], rows, [false, true, true, true, true, true, true, false]), "");
  } else lines.push("Not measured yet.", "");

  lines.push("## Extraction throughput", "");
  const t = data.throughput;
  if (t) {
    lines.push(
      `${t.reports} reports, ${t.mb} MB of UTF-8 text (${runOf(t)}). \`extractText\` only, no site build; the`,
      `first report of each process (loading the division list) and 100 warm-up reports are not timed.`,
      `Median of ${t.repeat ?? 1} runs of each mode (seconds of each run in the data below). Reading the files into memory`,
      `took ${t.loadSeconds} s; the first report ${t.warmupMs} ms. One-minute load average ${t.loadBefore ?? "?"} before, ${t.loadAfter ?? "?"} after`,
      `(the machine's other work, if any, slows the figures down).`,
      "",
      table(
        ["mode", "reports", "MB", "seconds", "MB/s", "reports/s", "peak RSS MB"],
        t.rows.map((r) => [r.mode, String(r.reports), r.mb.toFixed(1), r.seconds.toFixed(2), r.mbPerSecond.toFixed(2), String(r.reportsPerSecond), String(r.peakRssMb)]),
        [false, true, true, true, true, true, true],
      ),
      "",
    );
  } else lines.push("Not measured yet.", "");

  lines.push("## Site build", "");
  if (data.builds.length) {
    lines.push(
      "The steps of `npm run build` (package.json) on the corpus: the extract step (FZZL_REPORTS_DIR, FZZL_OUT),",
      "`astro build` into a directory of its own (own Astro cache: a cold build), and the steps after it on that",
      "directory. Each cell: wall time / peak RSS of the largest process of the step (GNU time). “Extract again”:",
      "the extract step run once more on the unchanged corpus (its cache warm), and once more after one report",
      "changed (a sentence with a figure added; restored afterwards); not part of the total. Browser tests: with",
      "`--browser`, tests/browser/scale.test.ts run on the built site (page sizes of every page; axe, 320 px and",
      "content checks on a sample of pages; search). Extract output: everything the extract step writes (the",
      "reports.json index, the texts beside it, its cache). Scoped rows (`--scopes`): a corpus drawn from one region",
      `(${Object.entries(SCOPES).map(([k, v]) => `${k}: ${v.what}`).join("; ")}), and a plain Astro site of as many`,
      "trivial pages built in the same run: “× plain” is this site's `astro build` time per page over the plain site's.",
      "",
    );
    const stepNames = [...new Set(data.builds.flatMap((b) => b.steps.map((st) => st.name)))];
    const rows = [...data.builds]
      .sort((a, b) => a.n - b.n || (a.scope ?? "").localeCompare(b.scope ?? ""))
      .map((b) => [
        b.scope ? `${b.n} (${b.scope})` : String(b.n),
        b.ok ? "ok" : `**failed**: ${b.error ?? ""}`,
        ...stepNames.map((name) => {
          const st = b.steps.find((x) => x.name === name);
          return st ? `${st.seconds} s / ${mbText(st.peakRssMb)} MB` : "–";
        }),
        `${b.totalSeconds}`,
        b.rerun ? `${b.rerun.seconds} s / ${mbText(b.rerun.peakRssMb)} MB` : "–",
        b.rerunOne ? `${b.rerunOne.seconds} s / ${mbText(b.rerunOne.peakRssMb)} MB${b.rerunOne.ok ? "" : " (failed)"}` : "–",
        b.browser ? `${b.browser.passed} passed, ${b.browser.failed} failed${b.browser.skipped ? `, ${b.browser.skipped} skipped` : ""}` : "–",
        b.extractOutputMb !== undefined && b.extractOutputMb !== null ? `${b.extractOutputMb} (index ${mbText(b.reportsJsonMb)})` : mbText(b.reportsJsonMb),
        b.dist ? `${b.dist.mb}` : "–",
        b.dist ? `${b.dist.files}` : "–",
        b.dist ? `${b.dist.pages}` : "–",
        b.dist?.largest ? `${kb(b.dist.largest.raw)} / ${kb(b.dist.largest.gzip)} (\`${b.dist.largest.path}\`)` : "–",
        b.dist?.medianProfile ? `${kb(b.dist.medianProfile.raw)} / ${kb(b.dist.medianProfile.gzip)}` : "–",
        b.plain ? `${b.plain.seconds} s for ${b.plain.pages} pages; ×${b.plain.ratio ?? "?"}` : "–",
        runOf(b),
      ]);
    const skipped = [...new Set(data.builds.flatMap((b) => b.skipped))];
    lines.push(
      table(
        ["reports", "result", ...stepNames.map((s) => `${s}: time / peak RSS`), "total s", "extract again, unchanged", "extract again, one report changed", "browser tests (sample)", "extract output MB", "dist MB", "files", "pages", "largest page raw / gzip", "median profile page raw / gzip", "plain Astro site; astro build per page × plain", "measured"],
        rows,
        [true, false, ...stepNames.map(() => true), true, true, true, false, true, true, true, true, false, false, false, false],
      ),
      "",
      ...(skipped.length ? [`Steps of the build script not run here: ${skipped.map((x) => `\`${x}\``).join(", ")} (the output directory is new).`, ""] : []),
    );
  } else lines.push("Not measured yet.", "");
  lines.push("## Notes", "", NOTES_START, notes || "(observations by hand: kept when the tables are rewritten)", NOTES_END, "");
  lines.push(`${DATA_MARK}\n${JSON.stringify(data)}\n-->`, "");
  return lines.join("\n");
}

// --- main -------------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string" },
      scopes: { type: "string" },
      build: { type: "boolean", default: false },
      "skip-build": { type: "boolean", default: false },
      "skip-throughput": { type: "boolean", default: false },
      mb: { type: "string", default: "110" },
      repeat: { type: "string", default: "3" },
      seed: { type: "string", default: DEFAULT_SEED },
      "timeout-min": { type: "string", default: "90" },
      "keep-builds": { type: "boolean", default: false },
      browser: { type: "boolean", default: false },
      "no-write": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(readFileSync(new URL(import.meta.url), "utf8").split("\n").filter((l) => l.startsWith("//")).map((l) => l.slice(3)).join("\n") + "\n");
    return 0;
  }
  const scopes = values.scopes ? values.scopes.split(",").map((x) => x.trim()) : [];
  const unknownScope = scopes.find((x) => !SCOPES[x]);
  if (unknownScope) {
    process.stderr.write(`--scopes: ${unknownScope} is not one of ${Object.keys(SCOPES).join(", ")}\n`);
    return 2;
  }
  if (scopes.length) return runScopes(scopes, values);
  const sizes = values.sizes ? values.sizes.split(",").map((s) => Number(s.trim().replace(/_/g, ""))) : values.build ? FULL_SIZES : DEFAULT_SIZES;
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) {
    process.stderr.write("--sizes: positive integers, comma-separated (100,1000)\n");
    return 2;
  }
  const log = (l: string) => process.stderr.write(l + "\n");
  const machine = machineInfo();
  const info: RunInfo = { date: new Date().toISOString(), commit: gitCommit(), lib: libHash(), machine: machine.text };
  log(`bench: ${machine.text}; commit ${info.commit}, extractor sources ${info.lib}`);
  const data = readData();
  const notes = readNotes();
  const keepCorpus = (row: CorpusRow) => {
    data.corpora = [...data.corpora.filter((c) => !(c.n === row.n && c.mb === row.mb)), row];
  };
  /** a reused corpus keeps the row of the run that generated it (its time is that run's) */
  const corpusRow = (m: Manifest, reused: boolean, previous: CorpusRow | undefined): CorpusRow =>
    reused && previous && previous.files === m.files && previous.bytes === m.bytes
      ? previous
      : { ...info, n: m.n, mb: m.mb, files: m.files, townships: m.townships, bytes: m.bytes, chars: m.chars, seconds: m.seconds };

  // 1. corpora
  const dirs = new Map<number, string>();
  for (const n of sizes) {
    const previous = data.corpora.find((c) => c.n === n && c.mb === null);
    if (values["skip-build"]) {
      // not needed: recorded only if it is there
      const m = existingCorpus(defaultCorpusDir({ n, seed: values.seed }), { n, seed: values.seed });
      if (m) keepCorpus(corpusRow(m, true, previous));
      continue;
    }
    const { dir, manifest, reused } = ensureCorpus({ n, seed: values.seed }, { log });
    dirs.set(n, dir);
    keepCorpus(corpusRow(manifest, reused, previous));
  }

  // 2. throughput
  if (!values["skip-throughput"]) {
    const mb = Number(values.mb);
    const { manifest, reused } = ensureCorpus({ mb, seed: values.seed }, { log });
    keepCorpus(corpusRow(manifest, reused, data.corpora.find((c) => c.mb === mb && c.n === null)));
    const res = measureThroughput({ mb, seed: values.seed, repeat: Number(values.repeat), log });
    process.stdout.write(`\nExtraction throughput (${res.reports} reports, ${res.mb} MB):\n${formatThroughput(res)}\n\n`);
    data.throughput = { ...res, corpus: relative(ROOT, res.corpus), ...info };
  }

  // 3. builds
  if (!values["skip-build"]) {
    const timeoutMs = Number(values["timeout-min"]) * 60_000;
    for (const n of sizes) {
      const b = await measureBuild(n, dirs.get(n)!, info, timeoutMs, { keep: values["keep-builds"], browser: values.browser }, log);
      data.builds = [...data.builds.filter((x) => x.scope !== undefined || x.n !== n), b];
      const d = b.dist;
      process.stdout.write(
        `build ${n}: ${b.ok ? "ok" : `FAILED (${b.error})`}; ` +
          b.steps.map((st) => `${st.name} ${st.seconds} s / ${st.peakRssMb} MB peak`).join("; ") +
          `; total ${b.totalSeconds} s` +
          (b.rerun ? `; extract again (unchanged) ${b.rerun.seconds} s` : "") +
          (b.rerunOne ? `; extract again (one report changed) ${b.rerunOne.seconds} s` : "") +
          (b.browser ? `; browser tests ${b.browser.passed} passed, ${b.browser.failed} failed` : "") +
          (b.reportsJsonMb !== null ? `; extract output ${b.extractOutputMb ?? "?"} MB (reports.json ${b.reportsJsonMb} MB)` : "") +
          (d ? `; dist ${d.mb} MB, ${d.files} files, ${d.pages} pages` : "") +
          (d?.largest ? `; largest page ${kb(d.largest.raw)} / ${kb(d.largest.gzip)} gzip (${d.largest.path})` : "") +
          (d?.medianProfile ? `; median profile page ${kb(d.medianProfile.raw)} / ${kb(d.medianProfile.gzip)} gzip` : "") +
          "\n",
      );
      if (!values["no-write"]) writeFileSync(BENCHMARKS_MD, renderMarkdown(data, notes));
    }
  }
  if (!values["no-write"]) {
    writeFileSync(BENCHMARKS_MD, renderMarkdown(data, notes));
    log(`wrote ${relative(ROOT, BENCHMARKS_MD)}`);
  }
  const failed = data.builds.filter((b) => sizes.includes(b.n) && !b.ok && !values["skip-build"]);
  return failed.length ? 1 : 0;
}

/** --scopes: each scope's corpus and build (no throughput), rows keyed by scope. */
async function runScopes(scopes: string[], values: { seed: string; "timeout-min": string; "keep-builds": boolean; browser: boolean; "no-write": boolean }): Promise<number> {
  const log = (l: string) => process.stderr.write(l + "\n");
  const machine = machineInfo();
  const info: RunInfo = { date: new Date().toISOString(), commit: gitCommit(), lib: libHash(), machine: machine.text };
  log(`bench --scopes ${scopes.join(",")}: ${machine.text}; commit ${info.commit}`);
  const data = readData();
  const notes = readNotes();
  let failed = 0;
  for (const scope of scopes) {
    const sc = SCOPES[scope]!;
    const spec = { n: sc.n, seed: values.seed, ...(sc.within ? { within: sc.within } : {}), ...(sc.years ? { years: sc.years } : {}) };
    const { dir } = ensureCorpus(spec, { log });
    const b = await measureBuild(sc.n, dir, info, Number(values["timeout-min"]) * 60_000, { keep: values["keep-builds"], browser: values.browser, scope }, log);
    if (!b.ok) failed++;
    data.builds = [...data.builds.filter((x) => x.scope !== scope), b];
    process.stdout.write(
      `build ${scope} (${sc.n}): ${b.ok ? "ok" : `FAILED (${b.error})`}; ${b.steps.map((st) => `${st.name} ${st.seconds} s / ${st.peakRssMb} MB peak`).join("; ")}; total ${b.totalSeconds} s` +
        (b.dist?.largest ? `; ${b.dist.pages} pages, largest ${kb(b.dist.largest.raw)} (${b.dist.largest.path})` : "") +
        (b.dist?.medianProfile ? `; median profile ${kb(b.dist.medianProfile.raw)} / ${kb(b.dist.medianProfile.gzip)} gzip` : "") +
        (b.plain ? `; plain Astro ${b.plain.seconds} s for ${b.plain.pages} pages, astro build per page ×${b.plain.ratio}` : "") +
        "\n",
    );
    if (!values["no-write"]) writeFileSync(BENCHMARKS_MD, renderMarkdown(data, notes));
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (e) => {
    process.stderr.write(`${(e as Error).stack ?? e}\n`);
    process.exitCode = 1;
  },
);
