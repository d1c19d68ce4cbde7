// Extraction cached by content: a report is extracted again only when its bytes, its file name or
// the extractor itself changed. Whether a file's bytes changed is judged as git judges its index:
// a file whose size, mtime, ctime and inode are all as recorded when its bytes were last read is
// taken to hold those bytes still, and is not read again; when any of them differs the file is
// read and hashed, and its content decides (a touched but unchanged file is still a cache hit).
// A stat is recorded only for a file whose mtime and ctime were more than RACY_MS older than the
// moment it was looked at: a file written just then could be written again within the same
// timestamp tick without a visible change ("racily clean" in git's words), so it is hashed again
// next time instead.
//
// The cache is one file of lines. The first is a header with the extractor's version; then a line
// per entry: a small JSON head (content key, file, stat, the summary the steps across reports
// need, the record's length), a tab, and the record's JSON exactly as it goes into the index. A
// run parses only the heads (the records are skipped by their length); the records stay in the
// file, copied from it into the index as bytes when the index is written. New and re-stated
// entries are appended; the whole file is rewritten (with only the entries of this run)
// when it is from another version, damaged, changed by another run, or more than a quarter stale.
// A line without a tab records the index written last (its fingerprint, stat and checkpoints), so
// that an index that would come out the same is not written again, and one that changed is
// written again only from where it changed (scripts/extract.ts). A damaged cache is no cache.
// Beside the cache, `<cache>.heads` holds every head in one JSON document (and a line for each
// append since), written with the cache and trusted only while the cache file's size, mtime,
// ctime and inode are those it was last written for (the cache file is written by this script
// alone, appended to or replaced whole): a few parses instead of one a line. When it is missing or
// does not match, the lines are read.
import { createHash } from "node:crypto";
import { appendFileSync, closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import type { SiteReport } from "../src/lib/site/schema.ts";

/** Hash of the extractor's own sources and data: any change to them invalidates the whole cache (see below for which). */
export function extractorVersion(root: string): string {
  const h = createHash("sha1");
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|json)$/.test(e.name)) files.push(p);
    }
  };
  // what makes a cached record: the extraction library, the index record and its schema, the read
  // step, the spec and the installed packages (a change to the pages' code does not re-extract)
  walk(join(root, "src", "lib", "extract"));
  files.push(
    join(root, "src", "lib", "site", "generated.ts"),
    join(root, "src", "lib", "site", "schema.ts"),
    join(root, "scripts", "extract-read.ts"),
    join(root, "spec", "indicators.json"),
    join(root, "package-lock.json"),
  );
  for (const f of files.sort()) if (existsSync(f)) h.update(f.slice(root.length)).update(readFileSync(f));
  return h.digest("hex").slice(0, 16);
}

export function contentKey(label: string, bytes: Uint8Array): string {
  return createHash("sha1").update(label).update("\0").update(bytes).digest("hex");
}

/** A file changed less than this long before it was looked at is not known by its stat next time. */
export const RACY_MS = 3000;

/** The parts of a file's stat that must all stay the same for its bytes to be taken as unchanged. */
export type StatSig = [size: number, mtimeMs: number, ctimeMs: number, ino: number];

export interface FileStat {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

export function statSig(st: FileStat): StatSig {
  return [st.size, st.mtimeMs, st.ctimeMs, st.ino];
}

/**
 * The stat to record for a file whose bytes were read after `lookedAt` (ms since the epoch, taken
 * before the stat), or null when the file changed too recently for its stat to be trusted.
 */
export function trustedSig(st: FileStat, lookedAt: number): StatSig | null {
  return Math.max(st.mtimeMs, st.ctimeMs) < lookedAt - RACY_MS ? statSig(st) : null;
}

export function sameSig(a: StatSig | null, b: StatSig | null): boolean {
  return a === b || (a !== null && b !== null && a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3]);
}

function isSig(st: FileStat, s: StatSig | null): boolean {
  return s !== null && s[0] === st.size && s[1] === st.mtimeMs && s[2] === st.ctimeMs && s[3] === st.ino;
}

/** A report's record in the index, without its id (given across reports, when the index is written). */
export type IndexedRecord = Omit<SiteReport, "id">;

/** What the steps across reports read of a record (duplicates, corrections, ids, texts, messages). */
export interface Summary {
  file: string;
  township: string | null;
  county: string | null;
  code: string | null;
  year: number | null;
  textKey: string | null;
  warnings: string[];
  errors: string[];
}

export function summaryOf(r: IndexedRecord): Summary {
  return { file: r.file, township: r.township, county: r.county, code: r.code, year: r.year, textKey: r.textKey, warnings: r.warnings, errors: r.errors };
}

/**
 * A record's JSON (UTF-8): bytes start to end of data, or of the cache file when data is null
 * (read through ExtractCache.text and .copy).
 */
export interface RecordBytes {
  data: Buffer | null;
  start: number;
  end: number;
}

export function recordBytes(json: string): RecordBytes {
  const data = Buffer.from(json);
  return { data, start: 0, end: data.length };
}

export interface CacheEntry extends RecordBytes {
  key: string;
  /** the file's name as messages give it (part of the key) */
  file: string;
  /** the file's stat when its bytes were read, if trusted (see trustedSig) */
  stat: StatSig | null;
  /** what the steps across reports need of the record, so that it is not parsed */
  summary: Summary;
}

/** A report's place in the index: its number, the fingerprint of all the index before it, its byte offset. */
export type Checkpoint = [slot: number, fingerprint: string, offset: number];

/** What the index written last was: its fingerprint and the stat it had once written, and checkpoints in it. */
export interface OutputState {
  fingerprint: string;
  stat: StatSig;
  checkpoints?: Checkpoint[];
}

const FORMAT = "fzzl-extract-cache/2";

/**
 * A line of the file of heads: the first holds every entry's head as an array (key, file, stat,
 * where its record is, summary); each later one, those an append added. The last one's `of` is the
 * stat of the cache file they describe, together.
 */
interface HeadsPart {
  format?: string;
  version?: string;
  /** size, mtimeMs, ctimeMs and inode of the cache file */
  of: StatSig;
  lines: number;
  output: OutputState | null;
  entries: [
    key: string,
    file: string,
    stat: StatSig | null,
    start: number,
    end: number,
    township: string | null,
    county: string | null,
    code: string | null,
    year: number | null,
    textKey: string | null,
    warnings: string[],
    errors: string[],
  ][];
}

const NL = 0x0a;
const TAB = 0x09;

/**
 * Writes bytes and strings to a file through one buffer, a few MB a system call: records are
 * copied, not allocated one by one. Writes from where the file's offset is (0 when just opened).
 */
export class BufferedWriter {
  private readonly buf: Buffer;
  private used = 0;
  written = 0;
  /** `at`: where in the file to write; null: at the file's own offset (0 when just opened; the end in append mode). */
  constructor(
    private readonly fd: number,
    private readonly at: number | null = null,
    size = 4 << 20,
  ) {
    this.buf = Buffer.allocUnsafe(size);
  }

  /** Copies bytes start to end of the file `fd` (read straight into the buffer). */
  fromFile(fd: number, start: number, end: number): void {
    if (end - start > this.buf.length - this.used) this.flush();
    for (let at = start; at < end; ) {
      const n = readSync(fd, this.buf, this.used, Math.min(end - at, this.buf.length - this.used), at);
      if (n === 0) throw new Error("the cache file is shorter than it was");
      this.used += n;
      at += n;
      if (this.used === this.buf.length) this.flush();
    }
  }

  bytes(data: Buffer, start = 0, end = data.length): void {
    if (end - start > this.buf.length - this.used) {
      this.flush();
      if (end - start > this.buf.length) return this.out(data, start, end);
    }
    this.used += data.copy(this.buf, this.used, start, end);
  }

  string(s: string): void {
    // a UTF-8 character is at most 3 bytes a UTF-16 unit
    if (s.length * 3 > this.buf.length - this.used) {
      this.flush();
      if (s.length * 3 > this.buf.length) return this.bytes(Buffer.from(s));
    }
    this.used += this.buf.write(s, this.used);
  }

  /** How many bytes have been written so far (buffered ones too); with `at`, where the next one goes. */
  get position(): number {
    return (this.at ?? 0) + this.written + this.used;
  }

  flush(): void {
    this.out(this.buf, 0, this.used);
    this.used = 0;
  }

  private out(data: Buffer, start: number, end: number): void {
    // a short write (a full disk, a signal) goes on from where it stopped
    for (let from = start; from < end; ) from += writeSync(this.fd, data, from, end - from, this.at === null ? null : this.at + this.written + (from - start));
    this.written += end - start;
  }
}

/** Writes to `path` atomically (a reader sees the old file or the new one, never a part). */
export function replaceFile(path: string, write: (w: BufferedWriter) => void): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, "w");
  try {
    try {
      const w = new BufferedWriter(fd);
      write(w);
      w.flush();
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

export class ExtractCache {
  private readonly entries = new Map<string, CacheEntry>();
  /** the entry last recorded for each file */
  private readonly byFile = new Map<string, CacheEntry>();
  /** entries used in this run */
  private readonly used = new Map<string, CacheEntry>();
  /** entries to append: new ones, and used ones whose stat changed */
  private readonly fresh = new Map<string, CacheEntry>();
  /** entry lines in the file as read (stale ones too) */
  private lines = 0;
  /** the file as read (inode, size), when it can be appended to: it is whole and of this version */
  private appendable: [ino: number, size: number] | null = null;
  private outputRead: OutputState | null = null;
  private outputNow: OutputState | null = null;
  /** the cache file as read, open until close(): the records are read from it */
  private fd: number | null = null;
  /** its heads were read from the file of heads (else it is written, for the next run) */
  private headsRead = false;

  /**
   * Reads the cache file at `path`, if it is of this extractor `version` and whole. `window`: how
   * much of it is read at a time (tests make it small, to cross its edges).
   */
  constructor(
    private readonly path: string,
    private readonly version: string,
    private readonly window = 4 << 20,
  ) {
    try {
      this.fd = openSync(path, "r");
      const st = fstatSync(this.fd);
      this.headsRead = this.readHeads(st);
      if (!this.headsRead) this.read(this.fd, st.size);
      this.appendable = [st.ino, st.size];
    } catch {
      // no cache, or a damaged one (or one of another format or version): no cache
      this.entries.clear();
      this.byFile.clear();
      this.lines = 0;
      this.outputRead = null;
    }
    this.outputNow = this.outputRead;
  }

  /**
   * Reads the heads from the file of heads (`${path}.heads`) that the run which last wrote the
   * cache left beside it, if it was made for the file as it is (same size, mtime, ctime, inode): one
   * JSON.parse instead of one a line. False when there is none to trust (then the lines are read).
   */
  private readHeads(st: FileStat): boolean {
    let parts: HeadsPart[];
    try {
      // the whole of it, then a line for each append since
      parts = readFileSync(`${this.path}.heads`, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as HeadsPart);
    } catch {
      return false;
    }
    const [base, ...appended] = parts;
    if (base?.format !== FORMAT || base.version !== this.version || !sameSig(parts.at(-1)!.of, [st.size, st.mtimeMs, st.ctimeMs, st.ino])) return false;
    const entries: CacheEntry[] = [];
    for (const h of [base, ...appended].flatMap((p) => p.entries)) {
      const [key, file, stat, start, end, township, county, code, year, textKey, warnings, errors] = h;
      if (typeof key !== "string" || typeof file !== "string" || (stat !== null && !validSig(stat)) || !(start > 0 && end > start + 2 && end < st.size)) return false;
      entries.push({ key, file, stat, data: null, start, end, summary: { file, township, county, code, year, textKey, warnings, errors } });
    }
    for (const e of entries) {
      this.entries.set(e.key, e);
      this.byFile.set(e.file, e);
    }
    this.lines = parts.at(-1)!.lines;
    this.outputRead = parts.at(-1)!.output;
    return true;
  }

  /** Reads the heads, a window of the file at a time, skipping each record by its length. */
  private read(fd: number, size: number): void {
    const buf = Buffer.allocUnsafe(Math.max(1, Math.min(this.window, size)));
    let win = buf.subarray(0, 0);
    let winStart = 0;
    const fill = (pos: number) => {
      let n = 0;
      for (let got = -1; got !== 0 && n < buf.length && pos + n < size; n += got) got = readSync(fd, buf, n, Math.min(buf.length, size - pos) - n, pos + n);
      win = buf.subarray(0, n);
      winStart = pos;
    };
    const byteAt = (pos: number) => {
      if (pos < winStart || pos >= winStart + win.length) fill(pos);
      return win[pos - winStart];
    };
    /** Where the line at `pos` has its first tab (a head ends there), or else its end (no tab). */
    const lineAt = (pos: number): { tab: number } | { nl: number } => {
      if (pos < winStart || pos >= winStart + win.length) fill(pos);
      for (;;) {
        const tab = win.indexOf(TAB, pos - winStart);
        const nl = win.indexOf(NL, pos - winStart);
        if (nl >= 0 && (tab < 0 || nl < tab)) return { nl: winStart + nl };
        if (tab >= 0) return { tab: winStart + tab };
        if (winStart + win.length >= size) throw new Error("cut short");
        if (winStart === pos) throw new Error("a line longer than the window");
        fill(pos);
      }
    };
    const text = (from: number, to: number) => win.toString("utf8", from - winStart, to - winStart);

    const first = lineAt(0);
    if (!("nl" in first)) throw new Error("no header");
    const header = JSON.parse(text(0, first.nl)) as { format?: string; version?: string };
    if (header.format !== FORMAT || header.version !== this.version) throw new Error("another cache");
    for (let pos = first.nl + 1; pos < size; ) {
      const line = lineAt(pos);
      if ("nl" in line) {
        // a line without a tab: the index written last
        const o = JSON.parse(text(pos, line.nl)) as OutputState;
        if (typeof o.fingerprint !== "string" || !validSig(o.stat) || !(o.checkpoints === undefined || Array.isArray(o.checkpoints))) throw new Error("bad output line");
        this.outputRead = o;
        pos = line.nl + 1;
        continue;
      }
      const head = JSON.parse(text(pos, line.tab)) as CacheEntry & { bytes: number };
      if (typeof head.key !== "string" || typeof head.file !== "string" || (head.stat !== null && !validSig(head.stat)) || typeof head.summary !== "object") throw new Error("bad head");
      const start = line.tab + 1;
      const end = start + head.bytes;
      // a record is a JSON object with fields, and its line ends right after it
      if (!(head.bytes > 2) || end >= size || byteAt(start) !== 0x7b || byteAt(end - 1) !== 0x7d || byteAt(end) !== NL) throw new Error("bad record");
      const entry: CacheEntry = { key: head.key, file: head.file, stat: head.stat, summary: head.summary, data: null, start, end };
      this.entries.set(entry.key, entry);
      this.byFile.set(entry.file, entry);
      this.lines++;
      pos = end + 1;
    }
  }

  /** The record's JSON text. */
  text(r: RecordBytes): string {
    if (r.data) return r.data.toString("utf8", r.start, r.end);
    const buf = Buffer.allocUnsafe(r.end - r.start);
    for (let at = 0; at < buf.length; ) {
      const n = readSync(this.fd!, buf, at, buf.length - at, r.start + at);
      if (n === 0) throw new Error("the cache file is shorter than it was");
      at += n;
    }
    return buf.toString("utf8");
  }

  /** Writes the record's bytes from its `skip`th on. */
  copy(r: RecordBytes, w: BufferedWriter, skip = 0): void {
    if (r.data) w.bytes(r.data, r.start + skip, r.end);
    else w.fromFile(this.fd!, r.start + skip, r.end);
  }

  /** Closes the cache file as read (after save, and after the index is written). */
  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  /** The entry of a file whose stat is as recorded when it was last read: its bytes need not be read. */
  byStat(file: string, st: FileStat): CacheEntry | undefined {
    const e = this.byFile.get(file);
    return e && isSig(st, e.stat) ? e : undefined;
  }

  get(key: string): CacheEntry | undefined {
    return this.entries.get(key);
  }

  /** Keeps the entry in this run, recording the file's stat as it is now (see trustedSig). */
  use(entry: CacheEntry, stat: StatSig | null): void {
    if (!sameSig(entry.stat, stat) || this.byFile.get(entry.file) !== entry) {
      entry = { ...entry, stat };
      this.entries.set(entry.key, entry);
      this.byFile.set(entry.file, entry);
      this.fresh.set(entry.key, entry);
    }
    this.used.set(entry.key, entry);
  }

  set(key: string, file: string, stat: StatSig | null, summary: Summary, record: RecordBytes): CacheEntry {
    const entry: CacheEntry = { key, file, stat, summary, ...record };
    this.entries.set(key, entry);
    this.byFile.set(file, entry);
    this.fresh.set(key, entry);
    this.used.set(key, entry);
    return entry;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The index written last, as recorded by setOutput (in this run or an earlier one). */
  get output(): OutputState | null {
    return this.outputNow;
  }

  setOutput(state: OutputState): void {
    this.outputNow = state;
  }

  /**
   * Saves what this run changed: appends new and re-stated entries, or rewrites the file with only
   * the entries used in this run when it cannot be appended to (missing, damaged, of another
   * version, or changed by another run since it was read) or would be more than a quarter stale.
   * Writes nothing when nothing changed. Returns what it did.
   */
  save(): "unchanged" | "appended" | "rewritten" {
    const outputChanged = this.outputNow !== this.outputRead;
    // lines of entries not used in this run, or written again since
    const stale = this.lines + this.fresh.size - this.used.size;
    const keep = this.appendable !== null && stale <= this.used.size / 4;
    if (keep && this.fresh.size === 0 && !outputChanged) {
      if (!this.headsRead) this.writeHeads("appended", new Map());
      this.headsRead = true;
      return "unchanged";
    }
    const placed = new Map<string, [start: number, end: number]>();
    const how = keep && this.append(outputChanged, placed) ? "appended" : this.rewrite(placed);
    this.writeHeads(how, placed);
    this.headsRead = true;
    this.fresh.clear();
    this.outputRead = this.outputNow;
    return how;
  }

  /**
   * Writes the file of heads for the cache file as just written (see readHeads), whole, or when
   * the cache was appended to and its heads were read from that file, as a line appended to it.
   * `placed`: where the new records are.
   */
  private writeHeads(how: "appended" | "rewritten", placed: Map<string, [number, number]>): void {
    const st = statSync(this.path);
    const headOf = (e: CacheEntry): HeadsPart["entries"][number] => {
      const [start, end] = placed.get(e.key) ?? [e.start, e.end];
      const s = e.summary;
      return [e.key, e.file, e.stat, start, end, s.township, s.county, s.code, s.year, s.textKey, s.warnings, s.errors];
    };
    const part = { of: [st.size, st.mtimeMs, st.ctimeMs, st.ino] as StatSig, lines: this.lines, output: this.outputNow };
    const headsPath = `${this.path}.heads`;
    try {
      if (how === "appended" && this.headsRead) {
        appendFileSync(headsPath, JSON.stringify({ ...part, entries: [...this.fresh.values()].map(headOf) }) + "\n");
        return;
      }
      // what a reading of the lines would give: every entry (only those of this run, after a
      // rewrite), each file's last one last
      const all = how === "rewritten" ? [...this.used.values()] : [...this.entries.values()];
      const last = new Set(this.byFile.values());
      const entries = [...all.filter((e) => !last.has(e)), ...all.filter((e) => last.has(e))].map(headOf);
      replaceFile(headsPath, (w) => w.string(JSON.stringify({ format: FORMAT, version: this.version, ...part, entries }) + "\n"));
    } catch {
      // only a shortcut: without it the next run reads the lines
      rmSync(headsPath, { force: true });
    }
  }

  /** Appends the fresh entries, if the file is still the one read (else false: nothing written). */
  private append(outputChanged: boolean, placed: Map<string, [number, number]>): boolean {
    const fd = openSync(this.path, "a");
    try {
      const st = fstatSync(fd);
      if (st.ino !== this.appendable?.[0] || st.size !== this.appendable[1]) return false;
      const w = new BufferedWriter(fd);
      for (const e of this.fresh.values()) {
        const [start, end] = this.writeEntry(w, e);
        placed.set(e.key, [st.size + start, st.size + end]);
      }
      if (outputChanged && this.outputNow) w.string(JSON.stringify(this.outputNow) + "\n");
      w.flush();
      this.appendable = [st.ino, st.size + w.written];
    } finally {
      closeSync(fd);
    }
    this.lines += this.fresh.size;
    return true;
  }

  private rewrite(placed: Map<string, [number, number]>): "rewritten" {
    replaceFile(this.path, (w) => {
      w.string(JSON.stringify({ format: FORMAT, version: this.version }) + "\n");
      for (const e of this.used.values()) placed.set(e.key, this.writeEntry(w, e));
      if (this.outputNow) w.string(JSON.stringify(this.outputNow) + "\n");
    });
    const st = statSync(this.path);
    this.appendable = [st.ino, st.size];
    this.lines = this.used.size;
    return "rewritten";
  }

  /** Writes the entry's line; returns where its record is, from where the writer started. */
  private writeEntry(w: BufferedWriter, e: CacheEntry): [start: number, end: number] {
    w.string(`${JSON.stringify({ key: e.key, file: e.file, stat: e.stat, bytes: e.end - e.start, summary: e.summary })}\t`);
    const start = w.position;
    this.copy(e, w);
    const end = w.position;
    w.string("\n");
    return [start, end];
  }
}

function validSig(s: unknown): s is StatSig {
  return Array.isArray(s) && s.length === 4 && s.every((v) => typeof v === "number");
}
