// Extraction throughput on ≥ 100 MB of synthetic report text (the extractor alone, no site build):
//
//   npx tsx scripts/bench/extract-throughput.ts [--mb 110] [--dir CORPUS] [--workers N] [--repeat 3] [--json OUT]
//
// Modes, each in a child process of its own so that its peak RSS is its own:
//   single, text in memory   extractText() in a loop over texts already decoded in memory
//   single, reading files    readFileSync + decode + extract per file (what `npm run extract` does per .txt)
//   all cores, in memory     one worker_thread per core (os.availableParallelism()), texts preloaded
//   all cores, reading files the same workers, reading and decoding each file again
// The first report of each process (division list and conversion tables loading) and a warm-up of
// 100 reports (JIT) are not timed. Each mode runs --repeat times (default 3); the median counts.
// MB = 10^6 bytes of UTF-8 report files. Prints a table and writes JSON (default
// .cache/bench/throughput.json); the JSON is also the last line of stdout.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { CACHE, DEFAULT_SEED, MB, ensureCorpus, reportsDirOf } from "./corpus.ts";

export interface ThroughputRow {
  mode: string;
  /** seconds of each run; the row gives the median */
  runs: number[];
  workers: number;
  reports: number;
  mb: number;
  seconds: number;
  mbPerSecond: number;
  reportsPerSecond: number;
  /** peak resident set size of the process that ran the mode, MB */
  peakRssMb: number;
}

export interface ThroughputResult {
  corpus: string;
  reports: number;
  mb: number;
  loadSeconds: number;
  warmupMs: number;
  /** runs of each mode (the median is reported) */
  repeat: number;
  /** 1-minute load average before and after: other work on the machine makes the figures noisy */
  loadBefore: number;
  loadAfter: number;
  rows: ThroughputRow[];
}

const SELF = fileURLToPath(import.meta.url);
/** reports extracted untimed before the first timed run of each process or worker */
export const WARM_UP_REPORTS = 100;

/** The report files of a corpus directory (its reports/ folder) or of a plain folder of reports. */
function corpusFiles(dir: string): { files: string[]; bytes: number } {
  if (existsSync(reportsDirOf(dir))) dir = reportsDirOf(dir);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => join(dir, f));
  return { files, bytes: files.reduce((s, f) => s + statSync(f).size, 0) };
}

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
}

/** Wall times (ms) of `n` runs of `fn`. */
function repeated(n: number, fn: () => void): number[] {
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

function row(mode: string, workers: number, reports: number, bytes: number, ms: number, runsMs: number[] = [ms]): Omit<ThroughputRow, "peakRssMb"> {
  const seconds = ms / 1000;
  return {
    runs: runsMs.map((x) => Math.round(x) / 1000),
    mode,
    workers,
    reports,
    mb: Math.round((bytes / MB) * 10) / 10,
    seconds: Math.round(seconds * 100) / 100,
    mbPerSecond: Math.round((bytes / MB / seconds) * 100) / 100,
    reportsPerSecond: Math.round(reports / seconds),
  };
}

// --- child: single process ----------------------------------------------------------------------

async function runSingle(dir: string, repeat: number): Promise<object> {
  const { decodeBytes } = await import("../../src/lib/extract/decode.ts");
  const { extractBytes, extractText } = await import("../../src/lib/extract/extract.ts");
  const { files, bytes } = corpusFiles(dir);
  let t0 = performance.now();
  const texts = files.map((f) => decodeBytes(readFileSync(f)).text);
  const loadSeconds = (performance.now() - t0) / 1000;
  t0 = performance.now();
  extractText(files[0]!, texts[0]!);
  const warmupMs = performance.now() - t0;
  // JIT warm-up on a few reports, so that the first timed mode is not at a disadvantage
  for (let i = 0; i < Math.min(WARM_UP_REPORTS, files.length); i++) extractText(files[i]!, texts[i]!);

  let checksum = 0;
  const memoryMs = repeated(repeat, () => {
    for (let i = 0; i < files.length; i++) checksum += Object.keys(extractText(files[i]!, texts[i]!).indicators).length;
  });
  const memory = row("single process, text in memory", 1, files.length, bytes, median(memoryMs), memoryMs);
  const rssMemory = peakRssMb();
  const filesMs = repeated(repeat, () => {
    for (const f of files) checksum += Object.keys(extractBytes(f, readFileSync(f)).indicators).length;
  });
  const withFiles = row("single process, reading files", 1, files.length, bytes, median(filesMs), filesMs);
  return {
    loadSeconds: Math.round(loadSeconds * 100) / 100,
    warmupMs: Math.round(warmupMs),
    checksum,
    rows: [
      { ...memory, peakRssMb: rssMemory },
      { ...withFiles, peakRssMb: peakRssMb() },
    ],
  };
}

// --- child: all cores ---------------------------------------------------------------------------

async function runParallel(dir: string, n: number, repeat: number): Promise<object> {
  const { files, bytes } = corpusFiles(dir);
  // contiguous shares of about equal bytes
  const shares: string[][] = Array.from({ length: n }, () => []);
  const target = bytes / n;
  let acc = 0;
  for (const f of files) {
    const i = Math.min(n - 1, Math.floor(acc / target));
    shares[i]!.push(f);
    acc += statSync(f).size;
  }
  // workers do not inherit tsx's loader: register it in each before loading the TypeScript worker
  const workerUrl = new URL("./throughput-worker.ts", import.meta.url).href;
  const boot = `import("tsx/esm/api").then((m) => { m.register(); return import(${JSON.stringify(workerUrl)}); })`;
  const workers = shares.map((share) => new Worker(boot, { eval: true, workerData: { files: share } }));
  interface WorkerMessage {
    type: string;
    ms?: number;
    checksum?: number;
    errors?: number;
  }
  /** the worker's next message, which must be `expected` */
  const next = (w: Worker, expected: "ready" | "done") =>
    new Promise<WorkerMessage>((res, rej) => {
      const onError = (e: Error) => {
        w.off("message", onMessage);
        rej(e);
      };
      const onMessage = (m: WorkerMessage) => {
        w.off("error", onError);
        if (m.type === expected) res(m);
        else rej(new Error(`throughput worker sent ${m.type}, expected ${expected}`));
      };
      w.once("message", onMessage);
      w.once("error", onError);
    });
  await Promise.all(workers.map((w) => next(w, "ready")));
  const run = async (type: "memory" | "files") => {
    const t0 = performance.now();
    const done = Promise.all(workers.map((w) => next(w, "done")));
    for (const w of workers) w.postMessage({ type });
    const results = await done;
    return { ms: performance.now() - t0, checksum: results.reduce((s, r) => s + (r.checksum ?? 0), 0) };
  };
  const runs = async (type: "memory" | "files") => {
    const out: { ms: number; checksum: number }[] = [];
    for (let k = 0; k < repeat; k++) out.push(await run(type));
    return out;
  };
  const memoryRuns = await runs("memory");
  const rssMemory = peakRssMb();
  const filesRuns = await runs("files");
  const memory = { ms: median(memoryRuns.map((r) => r.ms)), checksum: memoryRuns[0]!.checksum };
  const withFiles = { ms: median(filesRuns.map((r) => r.ms)), checksum: filesRuns[0]!.checksum };
  for (const w of workers) w.postMessage({ type: "exit" });
  await Promise.all(workers.map((w) => w.terminate()));
  return {
    checksum: memory.checksum + withFiles.checksum,
    rows: [
      { ...row(`all cores (${n} workers), text in memory`, n, files.length, bytes, memory.ms, memoryRuns.map((r) => r.ms)), peakRssMb: rssMemory },
      { ...row(`all cores (${n} workers), reading files`, n, files.length, bytes, withFiles.ms, filesRuns.map((r) => r.ms)), peakRssMb: peakRssMb() },
    ],
  };
}

// --- parent ----------------------------------------------------------------------------------------

function child(args: string[]): { rows: ThroughputRow[]; loadSeconds?: number; warmupMs?: number } {
  const r = spawnSync(process.execPath, [...process.execArgv, SELF, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "inherit"] });
  if (r.status !== 0) throw new Error(`throughput child ${args.join(" ")} failed (exit ${r.status})`);
  const last = r.stdout.trim().split("\n").at(-1) ?? "";
  return JSON.parse(last);
}

export function formatThroughput(res: ThroughputResult): string {
  const head = ["mode", "reports", "MB", "seconds", "MB/s", "reports/s", "peak RSS MB"];
  const rows = res.rows.map((r) => [r.mode, String(r.reports), r.mb.toFixed(1), r.seconds.toFixed(2), r.mbPerSecond.toFixed(2), String(r.reportsPerSecond), String(r.peakRssMb)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

export interface ThroughputOptions {
  dir?: string;
  /** runs of each mode; the median is reported (default 3) */
  repeat?: number;
  mb?: number;
  seed?: string;
  workers?: number;
  log?: (line: string) => void;
}

/** Runs every mode on the corpus (generated when needed) and returns the figures. */
export function measureThroughput(opts: ThroughputOptions = {}): ThroughputResult {
  const log = opts.log ?? ((l: string) => process.stderr.write(l + "\n"));
  const dir = opts.dir ? resolve(opts.dir) : ensureCorpus({ mb: opts.mb ?? 110, seed: opts.seed ?? DEFAULT_SEED }, { log }).dir;
  const { files, bytes } = corpusFiles(dir);
  if (bytes < 100 * MB) log(`note: ${dir} holds ${(bytes / MB).toFixed(1)} MB, less than the 100 MB the measurement is meant for`);
  const workers = opts.workers ?? availableParallelism();
  log(`extraction throughput: ${files.length} reports, ${(bytes / MB).toFixed(1)} MB; single process …`);
  const repeat = String(opts.repeat ?? 3);
  const load = loadavg()[0]!;
  const single = child(["--child", "single", "--dir", dir, "--repeat", repeat]);
  log(`… all cores (${workers} workers) …`);
  const parallel = child(["--child", "parallel", "--dir", dir, "--workers", String(workers), "--repeat", repeat]);
  return {
    corpus: dir,
    reports: files.length,
    mb: Math.round((bytes / MB) * 10) / 10,
    loadSeconds: single.loadSeconds ?? 0,
    warmupMs: single.warmupMs ?? 0,
    repeat: Number(repeat),
    loadBefore: Math.round(load * 100) / 100,
    loadAfter: Math.round(loadavg()[0]! * 100) / 100,
    rows: [...single.rows, ...parallel.rows],
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      child: { type: "string" },
      dir: { type: "string" },
      mb: { type: "string", default: "110" },
      seed: { type: "string", default: DEFAULT_SEED },
      workers: { type: "string" },
      repeat: { type: "string", default: "3" },
      json: { type: "string", default: join(CACHE, "throughput.json") },
    },
  });
  if (values.child === "single") {
    process.stdout.write(JSON.stringify(await runSingle(values.dir!, Number(values.repeat))) + "\n");
    return 0;
  }
  if (values.child === "parallel") {
    process.stdout.write(JSON.stringify(await runParallel(values.dir!, Number(values.workers), Number(values.repeat))) + "\n");
    return 0;
  }
  const res = measureThroughput({
    dir: values.dir,
    mb: Number(values.mb),
    seed: values.seed,
    workers: values.workers ? Number(values.workers) : undefined,
    repeat: Number(values.repeat),
  });
  process.stderr.write(
    `\n${formatThroughput(res)}\n(median of ${res.repeat} runs; reading ${res.mb} MB into memory: ${res.loadSeconds} s; first report, loading the division list: ${res.warmupMs} ms; load average ${res.loadBefore} → ${res.loadAfter})\n`,
  );
  mkdirSync(dirname(values.json), { recursive: true });
  writeFileSync(values.json, JSON.stringify(res, null, 2) + "\n");
  process.stdout.write(JSON.stringify(res) + "\n");
  return 0;
}

// run as a script (not when imported by run.ts)
if (process.argv[1] && resolve(process.argv[1]) === SELF) {
  main().then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`${(e as Error).stack ?? e}\n`);
      process.exitCode = 1;
    },
  );
}
