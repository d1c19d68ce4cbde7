// npm run extract                 → reads data/reports/*, writes src/generated/reports.json for the site
// npm run --silent extract -- F…  → prints {"reports": [...]} for those files (the evaluation contract)
// Exit code 1 when any file had an error; every other file is still extracted.
// Site mode also checks for duplicate township-years and applies data/corrections.csv
// (FZZL_CORRECTIONS); a bad correction row is an error too. The FILE… output is never corrected.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { duplicateErrors } from "../src/lib/checks.ts";
import { correctRecords } from "../src/lib/corrections.ts";
import { toContractRecord, type ExtractedReport } from "../src/lib/extract.ts";
import { extractFile } from "../src/lib/extractFile.ts";
import { createProgress } from "../src/lib/progress.ts";
import { textDirOf, toIndexRecord } from "../src/lib/generated.ts";
import { reportSchema, type SiteReport } from "../src/lib/schema.ts";
import { ExtractCache, contentKey, extractorVersion } from "./extract-cache.ts";
import { uniqueSlugs } from "../src/lib/slug.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
// overridable for tests and for sites kept elsewhere
const REPORTS_DIR = resolve(process.env.FZZL_REPORTS_DIR ?? join(root, "data", "reports"));
const OUT = resolve(process.env.FZZL_OUT ?? join(root, "src", "generated", "reports.json"));
const CORRECTIONS = resolve(process.env.FZZL_CORRECTIONS ?? join(root, "data", "corrections.csv"));
// the site's cache is .cache/extract/ (CI keeps it between runs); another output keeps its own beside it
const CACHE_FILE = resolve(process.env.FZZL_CACHE ?? (process.env.FZZL_OUT ? `${OUT}.cache.json` : join(root, ".cache", "extract", "records.json")));
/** below this many changed reports, extracting in this thread is faster than starting workers */
const PARALLEL_FROM = 200;

type IndexedRecord = Omit<SiteReport, "id">;

function withoutId(r: SiteReport): IndexedRecord {
  const { id: _id, ...rest } = r;
  return rest;
}

/** Extracts the files in worker threads, one per core, handing each record to `keep` as it comes. */
async function extractInWorkers<M extends { index: number; path: string; label: string }>(
  jobs: M[],
  count: number,
  keep: (job: M, rec: ExtractedReport) => void,
): Promise<void> {
  const byIndex = new Map(jobs.map((j) => [j.index, j]));
  let next = 0;
  await Promise.all(
    Array.from({ length: count }, () => {
      const worker = new Worker(new URL("./extract-worker.mjs", import.meta.url));
      return new Promise<void>((done, fail) => {
        const send = () => {
          const job = jobs[next++];
          if (job) worker.postMessage({ path: job.path, label: job.label, index: job.index });
          else void worker.terminate().then(() => done());
        };
        worker.on("message", (msg: { index: number; record: ExtractedReport }) => {
          keep(byIndex.get(msg.index)!, msg.record);
          send();
        });
        worker.on("error", fail);
        send();
      });
    }),
  );
}

/** Removes text files no report refers to any more. */
function pruneTexts(dir: string, records: (IndexedRecord | undefined)[]): void {
  const live = new Set(records.map((r) => (r?.textKey ? `${r.textKey}.txt` : "")));
  for (const f of readdirSync(dir)) if (f.endsWith(".txt") && !live.has(f)) unlinkSync(join(dir, f));
}

/** How messages name a file: relative to the project when inside it, else its absolute path. */
function labelOf(path: string): string {
  const rel = relative(root, path);
  return rel && rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel) ? rel : path;
}

async function readReport(path: string, label: string): Promise<ExtractedReport> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const rec = await extractFile(label, new Uint8Array());
    return { ...rec, errors: [`${label}: cannot be read (${err.code ?? err.message})`] };
  }
  return extractFile(label, bytes);
}

async function main(argv: string[]): Promise<number> {
  if (argv.length > 0) {
    const records: ExtractedReport[] = [];
    for (const f of argv) records.push(await readReport(resolve(f), f));
    process.stdout.write(JSON.stringify({ reports: records.map(toContractRecord) }) + "\n");
    return records.some((r) => r.errors.length > 0) ? 1 : 0;
  }

  const files = readdirSync(REPORTS_DIR).filter((n) => statSync(join(REPORTS_DIR, n)).isFile());
  // hidden files (.DS_Store, .gitkeep, ..report.txt) are not read; said, so no report vanishes unnoticed
  const hidden = files.filter((n) => n.startsWith(".") && n !== ".gitkeep" && n !== ".DS_Store");
  if (hidden.length > 0) console.error(`note: skipped ${hidden.length} hidden file(s) (name starts with "."): ${hidden.join(", ")}`);
  const names = files.filter((n) => !n.startsWith(".")).sort();
  const progress = createProgress({
    total: names.length,
    write: (s) => process.stderr.write(s),
    isTTY: process.stderr.isTTY === true,
    env: process.env,
    columns: process.stderr.columns,
  });

  // extraction cached by content (.cache/extract): only new or changed reports are read again
  const cache = new ExtractCache(CACHE_FILE, extractorVersion(root));
  const textDir = textDirOf(OUT);
  mkdirSync(textDir, { recursive: true });
  const slots: (IndexedRecord | undefined)[] = new Array(names.length);
  const misses: { index: number; path: string; label: string; key: string }[] = [];
  names.forEach((name, index) => {
    const path = join(REPORTS_DIR, name);
    const label = labelOf(path);
    let key: string;
    try {
      key = contentKey(label, readFileSync(path));
    } catch {
      key = contentKey(label, new Uint8Array()) + ":unreadable";
    }
    const hit = key.endsWith(":unreadable") ? undefined : cache.get(key);
    if (hit && (hit.record.textKey === null || existsSync(join(textDir, `${hit.record.textKey}.txt`)))) {
      slots[index] = structuredClone(hit.record);
      progress.tick(name);
    } else misses.push({ index, path, label, key });
  });

  const keep = (m: (typeof misses)[number], rec: ExtractedReport) => {
    const record = withoutId(toIndexRecord(rec, "-"));
    // validated once, when extracted; the cache holds only valid records
    const checked = reportSchema.safeParse({ ...record, id: "-" });
    if (!checked.success) record.errors.push(`${m.label}: invalid record: ${checked.error.issues.map((i) => i.message).join("; ")}`);
    if (record.textKey) {
      const textPath = join(textDir, `${record.textKey}.txt`);
      if (!existsSync(textPath)) writeFileSync(textPath, rec.text);
    }
    if (!m.key.endsWith(":unreadable")) cache.set(m.key, { record: structuredClone(record) });
    slots[m.index] = record;
    progress.tick(m.label);
  };
  const workers = misses.length >= PARALLEL_FROM ? Math.min(availableParallelism(), 8) : 1;
  if (workers > 1) await extractInWorkers(misses, workers, keep);
  else for (const m of misses) keep(m, await readReport(m.path, m.label));
  progress.done();
  cache.save();
  if (process.env.FZZL_VERBOSE) console.error(`cache: ${names.length - misses.length} unchanged, ${misses.length} extracted${workers > 1 ? ` in ${workers} workers` : ""}`);
  pruneTexts(textDir, slots);

  let records = slots as IndexedRecord[];
  // across reports: two reports of one township-year are an error on both
  duplicateErrors(records as unknown as ExtractedReport[]).forEach((errs, i) => records[i]!.errors.push(...errs));

  // hand corrections over the extracted figures (never in the FILE... output above)
  let correctionErrors: string[] = [];
  let applied: string[] = [];
  if (existsSync(CORRECTIONS)) {
    const res = correctRecords(readFileSync(CORRECTIONS, "utf8"), records as unknown as ExtractedReport[], labelOf(CORRECTIONS));
    records = res.records as unknown as IndexedRecord[];
    correctionErrors = res.errors;
    applied = res.applied;
  }

  const ids = uniqueSlugs(records);
  const data = { generatedFrom: "data/reports", reports: records.map((r, i) => ({ id: ids[i]!, ...r })) };
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify(data));

  for (const r of records) for (const w of r.warnings) console.error(`warning: ${w}`);
  for (const a of applied) console.error(`corrected: ${a}`);
  const failed = records.filter((r) => r.errors.length > 0);
  // (a duplicate's error is on each of its reports: listed once)
  const errors = [...new Set([...failed.flatMap((r) => r.errors), ...correctionErrors])];
  if (errors.length > 0) {
    console.error(`\n${errors.length} error(s); the site is not built until they are fixed:`);
    for (const e of errors) console.error(`  ${e}`);
    console.error("");
  }
  const notes = [
    failed.length ? `${failed.length} with errors` : "",
    correctionErrors.length ? `${correctionErrors.length} bad correction(s) in ${labelOf(CORRECTIONS)}` : "",
    applied.length ? `${applied.length} correction(s) applied` : "",
  ].filter(Boolean);
  console.error(`extracted ${records.length} report(s) → ${labelOf(OUT)}${notes.length ? `; ${notes.join(", ")}` : ""}`);
  return errors.length > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
