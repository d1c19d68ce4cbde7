// npm run extract                 → reads data/reports/*, writes src/generated/reports.json for the site
// npm run --silent extract -- F…  → prints {"reports": [...]} for those files (the evaluation contract)
// Exit code 1 when any file had an error; every other file is still extracted.
// Site mode also checks for duplicate township-years and applies data/corrections.csv
// (FZZL_CORRECTIONS); a bad correction row is an error too. The FILE… output is never corrected.
// Site mode keeps each unchanged report's record as the JSON bytes its cache entry holds
// (scripts/extract-cache.ts): only the records a step across reports changes are parsed, and the
// index is written by joining the records' bytes — the bytes JSON.stringify of the whole index gives.
import { createHash } from "node:crypto";
import { closeSync, constants, existsSync, ftruncateSync, mkdirSync, openSync, readFileSync, readdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { duplicateErrors } from "../src/lib/extract/checks.ts";
import { applyCorrections, parseCorrections } from "../src/lib/site/corrections.ts";
import type { ExtractedReport } from "../src/lib/extract/extract.ts";
import { createProgress } from "./progress.ts";
import { textDirOf } from "../src/lib/site/generated.ts";
import {
  BufferedWriter,
  ExtractCache,
  contentKey,
  extractorVersion,
  recordBytes,
  sameSig,
  statSig,
  summaryOf,
  trustedSig,
  type IndexedRecord,
  type RecordBytes,
  type Checkpoint,
  type FileStat,
  type OutputState,
  type StatSig,
  type Summary,
} from "./extract-cache.ts";
import type { IndexEntry } from "./extract-read.ts";
import { uniqueSlugs } from "../src/lib/site/slug.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
// overridable for tests and for sites kept elsewhere
const REPORTS_DIR = resolve(process.env.FZZL_REPORTS_DIR ?? join(root, "data", "reports"));
const OUT = resolve(process.env.FZZL_OUT ?? join(root, "src", "generated", "reports.json"));
const CORRECTIONS = resolve(process.env.FZZL_CORRECTIONS ?? join(root, "data", "corrections.csv"));
// the site's cache is .cache/extract/ (CI keeps it between runs); another output keeps its own beside it
const CACHE_FILE = resolve(process.env.FZZL_CACHE ?? (process.env.FZZL_OUT ? `${OUT}.cache.json` : join(root, ".cache", "extract", "records.json")));
/** from this many reports to extract, one worker per core (below, one worker is enough) */
const PARALLEL_FROM = 200;

/** Jobs sent to a worker ahead of the one it is on, so that it never waits for this thread to answer. */
const IN_FLIGHT = 2;

/**
 * Worker threads that extract reports (scripts/extract-worker.ts) from one queue, each with up to
 * IN_FLIGHT jobs sent (it answers them in order).
 */
class Extractors {
  private readonly workers: { worker: Worker; jobs: Job[] }[] = [];
  private readonly queue: Job[] = [];
  private next = 0;
  private failed: Error | null = null;

  constructor(readonly count: number) {
    for (let i = 0; i < count; i++) {
      const w: { worker: Worker; jobs: Job[] } = { worker: new Worker(new URL("./extract-worker.mjs", import.meta.url)), jobs: [] };
      w.worker.on("message", (entry: IndexEntry) => {
        w.jobs.shift()!.done(entry);
        this.pump();
      });
      const fail = (e: Error) => {
        this.failed ??= e;
        for (const job of w.jobs.splice(0)) job.fail(e);
        for (const job of this.queue.splice(this.next)) job.fail(e);
      };
      w.worker.on("error", fail);
      // a worker that ends with a job in hand (killed, out of memory) fails it rather than leave it waiting
      w.worker.on("exit", (code) => fail(new Error(`an extraction worker stopped (exit code ${code})`)));
      this.workers.push(w);
    }
  }

  extract(path: string, label: string): Promise<IndexEntry> {
    return new Promise((done, fail) => {
      if (this.failed) return fail(this.failed);
      this.queue.push({ path, label, done, fail });
      this.pump();
    });
  }

  private pump(): void {
    for (const w of this.workers) {
      while (w.jobs.length < IN_FLIGHT && this.next < this.queue.length) {
        const job = this.queue[this.next++]!;
        w.jobs.push(job);
        w.worker.postMessage({ path: job.path, label: job.label });
      }
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}

interface Job {
  path: string;
  label: string;
  done: (entry: IndexEntry) => void;
  fail: (e: Error) => void;
}

/** A report of this run: its record as JSON bytes (as cached), or as an object once a step across reports changed it. */
interface Slot {
  summary: Summary;
  /** the record's JSON while the record is as extracted */
  bytes: RecordBytes | null;
  /** the record, once parsed (see objectOf) */
  record: IndexedRecord | null;
  /** content key (null: the file could not be read, and is not cached) */
  key: string | null;
}

/** The slot's record as an object, parsed from its JSON the first time. */
function objectOf(slot: Slot, cache: ExtractCache): IndexedRecord {
  return (slot.record ??= JSON.parse(cache.text(slot.bytes!)) as IndexedRecord);
}

/** A step across reports changed the slot's record: its JSON is made anew for the index. */
function changed(slot: Slot, record: IndexedRecord): void {
  slot.record = record;
  slot.bytes = null;
  slot.summary = summaryOf(record);
}

/** The files of the folder and their stats (scripts/extract-list.mjs), by name. */
function listReports(dir: string): Promise<{ names: string[]; stats: Map<string, FileStat> }> {
  return new Promise((done, fail) => {
    // plain JavaScript: without the tsx loader the main thread was started with, it starts at once
    const worker = new Worker(new URL("./extract-list.mjs", import.meta.url), { workerData: { dir }, execArgv: [] });
    worker.once("message", ({ names, stats: s }: { names: string[]; stats: Float64Array }) => {
      const stats = new Map(names.map((n, i) => [n, { size: s[4 * i]!, mtimeMs: s[4 * i + 1]!, ctimeMs: s[4 * i + 2]!, ino: s[4 * i + 3]! }]));
      done({ names, stats });
    });
    worker.once("error", fail);
  });
}

/** How messages name a file: relative to the project when inside it, else its absolute path. */
function labelOf(path: string): string {
  const rel = relative(root, path);
  return rel && rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel) ? rel : path;
}

/** every this many reports, the index's layout notes where it stands (see layoutOf) */
const CHECKPOINT_EVERY = 128;
const INDEX_HEAD = '{"generatedFrom":"data/reports","reports":[';

/** The lead of the ith report in the index: its id, before the record's fields. */
function leadOf(i: number, id: string): string {
  return `${i > 0 ? "," : ""}{"id":${JSON.stringify(id)},`;
}

/**
 * The fingerprint of the index: what its bytes are made of (the extractor's version, each
 * report's content key and id, and the JSON of every record not known by its key alone), so that
 * an index that would come out the same is not written again; and every CHECKPOINT_EVERY reports,
 * the fingerprint of all before and the byte offset there, so that only the part after the last
 * checkpoint that did not change is written again. Gives each changed record its JSON.
 */
function layoutOf(slots: Slot[], ids: readonly string[], version: string, cache: ExtractCache): { fingerprint: string; checkpoints: Checkpoint[] } {
  const h = createHash("sha1").update(version);
  const checkpoints: Checkpoint[] = [];
  let offset = INDEX_HEAD.length;
  slots.forEach((s, i) => {
    if (i % CHECKPOINT_EVERY === 0) checkpoints.push([i, h.copy().digest("hex"), offset]);
    h.update(`${s.key ?? ""}\0${ids[i]}\0`);
    if (!s.bytes) s.bytes = recordBytes(JSON.stringify(s.record));
    if (!s.key || s.record) h.update(cache.text(s.bytes)).update("\0");
    // the record without its "{"
    offset += Buffer.byteLength(leadOf(i, ids[i]!)) + s.bytes.end - s.bytes.start - 1;
  });
  return { fingerprint: h.digest("hex"), checkpoints };
}

/**
 * Writes the index over the file, in place (rewriting pages the file already has is several times
 * faster than filling a new file, which a rename would need), from the report `from.slot` on at
 * byte `from.offset` (the bytes before are as they should be): JSON.stringify({ generatedFrom,
 * reports: [{ id, ...record }] }), a record's bytes at a time. Not atomic, as no plain write of
 * the file is; a run cut short leaves an index the next run does not trust (its stat is not the
 * one recorded) and writes again whole.
 */
function writeIndex(path: string, slots: readonly Slot[], ids: readonly string[], cache: ExtractCache, from: { slot: number; offset: number }): void {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT, 0o666);
  try {
    const w = new BufferedWriter(fd, from.slot === 0 ? 0 : from.offset);
    if (from.slot === 0) w.string(INDEX_HEAD);
    for (let i = from.slot; i < slots.length; i++) {
      // every record is an object with fields (checked when cached): its "{" is the one before "id"
      w.string(leadOf(i, ids[i]!));
      cache.copy(slots[i]!.bytes!, w, 1);
    }
    w.string("]}");
    w.flush();
    ftruncateSync(fd, w.position);
  } finally {
    closeSync(fd);
  }
}

/** Where the index written last can be written from again: after the last of its checkpoints that the new one has too. */
function unchangedUpTo(last: OutputState | null, now: { checkpoints: Checkpoint[] }, fileNow: StatSig | null): { slot: number; offset: number } {
  const from = { slot: 0, offset: 0 };
  if (!last?.checkpoints || !fileNow || !sameSig(last.stat, fileNow)) return from;
  for (let k = 0; k < now.checkpoints.length && k < last.checkpoints.length; k++) {
    const [a, b] = [now.checkpoints[k]!, last.checkpoints[k]!];
    if (a[0] !== b[0] || a[1] !== b[1] || a[2] !== b[2]) break;
    [from.slot, from.offset] = [a[0], a[2]];
  }
  return from;
}

async function main(argv: string[]): Promise<number> {
  if (argv.length > 0) {
    const { readReport } = await import("./extract-read.ts");
    const { toContractRecord } = await import("../src/lib/extract/extract.ts");
    const records: ExtractedReport[] = [];
    for (const f of argv) records.push((await readReport(resolve(f), f)).record);
    process.stdout.write(JSON.stringify({ reports: records.map(toContractRecord) }) + "\n");
    return records.some((r) => r.errors.length > 0) ? 1 : 0;
  }

  // stats older than this moment (less RACY_MS) can be trusted next time: see extract-cache.ts
  const listedAt = Date.now();
  // the folder is listed and its files stat'ed in a worker, while this thread reads the cache
  const listing = listReports(REPORTS_DIR);

  // extraction cached by content (.cache/extract): only new or changed reports are read again, and a
  // file whose stat is as when it was last read is not even hashed
  const version = extractorVersion(root);
  const cache = new ExtractCache(CACHE_FILE, version);

  const { names: files, stats } = await listing;
  // hidden files (.DS_Store, .gitkeep, ..report.txt) are not read; said, so no report vanishes unnoticed
  const hidden = files.filter((n) => n.startsWith(".") && n !== ".gitkeep" && n !== ".DS_Store");
  if (hidden.length > 0) console.error(`note: skipped ${hidden.length} hidden file(s) (name starts with "."): ${hidden.join(", ")}`);
  const names = files.filter((n) => !n.startsWith(".")).sort();
  // every file of the folder is named alike: its label is the folder's label and its name
  const dirLabel = labelOf(join(REPORTS_DIR, "-")).slice(0, -1);
  const progress = createProgress({
    total: names.length,
    write: (s) => process.stderr.write(s),
    isTTY: process.stderr.isTTY === true,
    env: process.env,
    columns: process.stderr.columns,
  });

  const textDir = textDirOf(OUT);
  mkdirSync(textDir, { recursive: true });
  const texts = new Set(readdirSync(textDir));
  // nothing cached (first run, or the extractor changed) and many reports: the workers start now, so
  // that they load the extractor while this thread hashes the files
  const cold = cache.size === 0 && names.length >= PARALLEL_FROM;
  let extractors: Extractors | null = cold ? new Extractors(Math.min(availableParallelism(), 8)) : null;
  const slots: Slot[] = new Array(names.length);
  const misses: { index: number; path: string; label: string; key: string | null; stat: StatSig | null }[] = [];
  let hashed = 0;
  names.forEach((name, index) => {
    const label = dirLabel + name;
    const st = stats.get(name)!;
    let entry = cache.byStat(label, st);
    let key = entry?.key ?? null;
    let stat = entry?.stat ?? null;
    if (!entry) {
      try {
        key = contentKey(label, readFileSync(join(REPORTS_DIR, name)));
      } catch {
        key = null; // extracted below, with the error saying why it cannot be read
      }
      hashed++;
      entry = key ? cache.get(key) : undefined;
      stat = trustedSig(st, listedAt);
    }
    if (entry && (entry.summary.textKey === null || texts.has(`${entry.summary.textKey}.txt`))) {
      cache.use(entry, stat);
      slots[index] = { summary: entry.summary, bytes: entry, record: null, key: entry.key };
      progress.tick(name);
    } else misses.push({ index, path: join(REPORTS_DIR, name), label, key, stat });
  });

  const keep = (m: (typeof misses)[number], { key, json, summary, text }: IndexEntry) => {
    const bytes = recordBytes(json);
    const textFile = summary.textKey ? `${summary.textKey}.txt` : null;
    if (textFile && !texts.has(textFile)) {
      writeFileSync(join(textDir, textFile), text);
      texts.add(textFile);
    }
    // the stat read before hashing stands for the bytes extracted only if they are the bytes hashed
    if (key) cache.set(key, m.label, key === m.key ? m.stat : null, summary, bytes);
    slots[m.index] = { summary, bytes, record: null, key };
    progress.tick(m.label);
  };
  // many reports: a worker per core; a few: this thread (a worker loads the extractor through tsx
  // anew, which costs more than it saves)
  if (!extractors && misses.length >= PARALLEL_FROM) extractors = new Extractors(Math.min(availableParallelism(), 8));
  if (extractors) {
    try {
      await Promise.all(misses.map(async (m) => keep(m, await extractors.extract(m.path, m.label))));
    } finally {
      await extractors.close();
    }
  } else if (misses.length > 0) {
    const { indexEntry } = await import("./extract-read.ts");
    for (const m of misses) keep(m, await indexEntry(m.path, m.label));
  }
  progress.done();

  // texts no report refers to any more are removed
  const live = new Set(slots.map((s) => (s.summary.textKey ? `${s.summary.textKey}.txt` : "")));
  for (const f of texts) if (f.endsWith(".txt") && !live.has(f)) unlinkSync(join(textDir, f));

  // across reports: two reports of one township-year are an error on both
  duplicateErrors(slots.map((s) => s.summary)).forEach((errs, i) => {
    if (errs.length === 0) return;
    const record = objectOf(slots[i]!, cache);
    record.errors.push(...errs);
    changed(slots[i]!, record);
  });

  // hand corrections over the extracted figures (never in the FILE... output above); a row names
  // its report by year and code or name, so only the reports some row names are parsed
  let correctionErrors: string[] = [];
  let applied: string[] = [];
  if (existsSync(CORRECTIONS)) {
    const source = labelOf(CORRECTIONS);
    const parsed = parseCorrections(readFileSync(CORRECTIONS, "utf8"), source);
    const named = new Set(parsed.rows.map((r) => (r.code ? `${r.year}|code|${r.code}` : `${r.year}|name|${r.township}`)));
    const at = named.size === 0 ? [] : slots.flatMap((s, i) => (named.has(`${s.summary.year}|code|${s.summary.code}`) || named.has(`${s.summary.year}|name|${s.summary.township}`) ? [i] : []));
    const res = applyCorrections(at.map((i) => objectOf(slots[i]!, cache)) as unknown as ExtractedReport[], parsed.rows, source);
    res.records.forEach((r, j) => {
      const slot = slots[at[j]!]!;
      if ((r as unknown) !== slot.record) changed(slot, r as unknown as IndexedRecord);
    });
    correctionErrors = [...parsed.errors, ...res.errors];
    applied = res.applied;
  }

  // the index; not written again when it would come out the same (and is as this run last left it)
  const ids = uniqueSlugs(slots.map((s) => s.summary));
  const layout = layoutOf(slots, ids, version, cache);
  const last = cache.output;
  const st = statSync(OUT, { throwIfNoEntry: false });
  const fileNow = st ? statSig(st) : null;
  const rewrite = !(last && last.fingerprint === layout.fingerprint && sameSig(last.stat, fileNow));
  const from = unchangedUpTo(last, layout, fileNow);
  if (rewrite) {
    writeIndex(OUT, slots, ids, cache, from);
    cache.setOutput({ ...layout, stat: statSig(statSync(OUT)) });
  }
  const saved = cache.save();
  cache.close();
  if (process.env.FZZL_VERBOSE) {
    console.error(
      `cache: ${names.length - misses.length} unchanged, ${misses.length} extracted${extractors ? ` in ${extractors.count} workers` : ""}; ` +
        `${names.length - hashed} known by their stat, ${hashed} read to hash; index ${rewrite ? `written from report ${from.slot}` : "unchanged"}; cache ${saved}`,
    );
  }

  const summaries = slots.map((s) => s.summary);
  process.stderr.write(summaries.flatMap((r) => r.warnings.map((w) => `warning: ${w}\n`)).join(""));
  for (const a of applied) console.error(`corrected: ${a}`);
  const failed = summaries.filter((r) => r.errors.length > 0);
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
  console.error(`extracted ${summaries.length} report(s) → ${labelOf(OUT)}${notes.length ? `; ${notes.join(", ")}` : ""}`);
  return errors.length > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
