// Writing a synthetic corpus to disk (shared by generate-corpus.ts and run.ts):
//   DIR/reports/*.txt   one file per township-year (the folder to give FZZL_REPORTS_DIR)
//   DIR/truth.json      the figures each report was written with
//   DIR/manifest.json   generator version, seed, size, time
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { GENERATOR_VERSION, corpusPlan, parseYears } from "./synthetic/corpus.ts";
import { createRng } from "./synthetic/prng.ts";
import { generateReport, type ReportTruth } from "./synthetic/report.ts";

export const ROOT = resolve(import.meta.dirname, "..", "..");
export const CACHE = join(ROOT, ".cache", "bench");
export const DEFAULT_SEED = "42";
/** Megabyte as the benchmark counts it: 10^6 bytes of UTF-8. */
export const MB = 1_000_000;

export interface CorpusSpec {
  /** a number of reports, or … */
  n?: number;
  /** … reports until the corpus holds at least this many MB */
  mb?: number;
  seed: string;
  /** draw from one region (a 2-, 4- or 6-digit code): scripts/bench/synthetic/corpus.ts PlanScope */
  within?: string;
  /** every township every year of the range: "2021-2025" */
  years?: string;
}

export interface Manifest {
  generatorVersion: number;
  seed: string;
  n: number | null;
  mb: number | null;
  within?: string | null;
  years?: string | null;
  files: number;
  townships: number;
  chars: number;
  bytes: number;
  /** wall time of the generation, seconds */
  seconds: number;
}

export interface TruthFile {
  generatorVersion: number;
  seed: string;
  reports: (ReportTruth & { file: string; chars: number; bytes: number })[];
}

export function defaultCorpusDir(spec: CorpusSpec): string {
  const size = spec.mb !== undefined ? `${spec.mb}mb` : String(spec.n);
  const scope = `${spec.within ? `-in${spec.within}` : ""}${spec.years ? `-y${spec.years}` : ""}`;
  return join(CACHE, `corpus-${size}${scope}${spec.seed === DEFAULT_SEED ? "" : `-seed${spec.seed}`}`);
}

/** The manifest of a complete corpus in `dir` that matches `spec`, or null. */
export function existingCorpus(dir: string, spec: CorpusSpec): Manifest | null {
  const path = join(dir, "manifest.json");
  if (!existsSync(path)) return null;
  try {
    const m = JSON.parse(readFileSync(path, "utf8")) as Manifest;
    const same = m.generatorVersion === GENERATOR_VERSION && m.seed === spec.seed && m.n === (spec.n ?? null) && m.mb === (spec.mb ?? null) && (m.within ?? null) === (spec.within ?? null) && (m.years ?? null) === (spec.years ?? null);
    if (!same) return null;
    const files = readdirSync(reportsDirOf(dir)).filter((f) => f.endsWith(".txt")).length;
    return files === m.files ? m : null;
  } catch {
    return null;
  }
}

/** The folder of the report files of the corpus in `dir`. */
export function reportsDirOf(dir: string): string {
  return join(dir, "reports");
}

/** Refuses directories that hold anything but a corpus of ours, and the project's own reports. */
function checkTarget(dir: string): void {
  const projectReports = join(ROOT, "data", "reports");
  const rel = relative(projectReports, dir);
  if (rel === "" || (!rel.startsWith("..") && !isAbsolute(rel))) {
    throw new Error(`${dir}: the benchmark corpus is never written into data/reports/`);
  }
  if (!existsSync(dir)) return;
  const names = readdirSync(dir);
  const reports = reportsDirOf(dir);
  const ours =
    names.every((n) => n === "reports" || n === "truth.json" || n === "manifest.json") &&
    (!existsSync(reports) || readdirSync(reports).every((n) => /^\d{6}_\d{9}_\d{4}\.txt$/.test(n)));
  if (!ours) throw new Error(`${dir} holds other files; give an empty or new directory with --out`);
}

/** The bytes of a report file: UTF-8, now and then with a BOM or CRLF line ends, as exported files come. */
export function fileBytes(text: string, seed: string, code: string, year: number): Buffer {
  const rng = createRng(seed, "file", code, year);
  const crlf = rng.chance(0.1);
  const bom = rng.chance(0.05);
  const body = Buffer.from(crlf ? text.replace(/\n/g, "\r\n") : text, "utf8");
  return bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

export interface GenerateOptions {
  out?: string;
  /** regenerate even when a matching corpus exists */
  force?: boolean;
  log?: (line: string) => void;
}

/** Writes the corpus (or reuses a matching one) and returns its directory and manifest. */
export function ensureCorpus(spec: CorpusSpec, opts: GenerateOptions = {}): { dir: string; manifest: Manifest; reused: boolean } {
  if ((spec.n === undefined) === (spec.mb === undefined)) throw new Error("give either a number of reports or a size in MB");
  const dir = resolve(opts.out ?? defaultCorpusDir(spec));
  const log = opts.log ?? (() => {});
  if (!opts.force) {
    const m = existingCorpus(dir, spec);
    if (m) {
      log(`corpus ${relative(ROOT, dir) || dir}: ${m.files} reports, ${(m.bytes / MB).toFixed(1)} MB (reused)`);
      return { dir, manifest: m, reused: true };
    }
  }
  checkTarget(dir);
  if (existsSync(dir)) rmSync(dir, { recursive: true });
  const reportsDir = reportsDirOf(dir);
  mkdirSync(reportsDir, { recursive: true });

  const t0 = performance.now();
  const truth: TruthFile = { generatorVersion: GENERATOR_VERSION, seed: spec.seed, reports: [] };
  const townships = new Set<string>();
  let bytes = 0;
  let chars = 0;
  const limitBytes = spec.mb !== undefined ? spec.mb * MB : Infinity;
  const limitFiles = spec.n ?? Infinity;
  let lastLog = t0;
  const scope = { ...(spec.within ? { within: spec.within } : {}), ...(spec.years ? { years: parseYears(spec.years) } : {}) };
  for (const p of corpusPlan(spec.seed, scope)) {
    if (truth.reports.length >= limitFiles || bytes >= limitBytes) break;
    const g = generateReport(p.township, p.year, spec.seed);
    const data = fileBytes(g.text, spec.seed, p.township.code, p.year);
    writeFileSync(join(reportsDir, p.file), data);
    bytes += data.length;
    chars += g.text.length;
    townships.add(p.township.code);
    truth.reports.push({ file: p.file, ...g.truth, chars: g.text.length, bytes: data.length });
    const now = performance.now();
    if (now - lastLog > 5000) {
      lastLog = now;
      log(`  … ${truth.reports.length} reports, ${(bytes / MB).toFixed(0)} MB`);
    }
  }
  if (truth.reports.length < limitFiles && spec.n !== undefined) throw new Error(`only ${truth.reports.length} township-years available`);
  writeFileSync(join(dir, "truth.json"), JSON.stringify(truth));
  const seconds = (performance.now() - t0) / 1000;
  const manifest: Manifest = {
    generatorVersion: GENERATOR_VERSION,
    seed: spec.seed,
    n: spec.n ?? null,
    mb: spec.mb ?? null,
    within: spec.within ?? null,
    years: spec.years ?? null,
    files: truth.reports.length,
    townships: townships.size,
    chars,
    bytes,
    seconds: Math.round(seconds * 100) / 100,
  };
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  log(
    `corpus ${relative(ROOT, dir) || dir}: ${manifest.files} reports of ${manifest.townships} townships, ` +
      `${(bytes / MB).toFixed(1)} MB, ${(chars / 1e6).toFixed(1)} M characters, written in ${seconds.toFixed(1)} s`,
  );
  return { dir, manifest, reused: false };
}
