// Progress of a long run (the build's extraction of thousands of reports), on stderr:
//  - on a terminal, one redrawn bar line: [██████░░░░░░] 1200/40000  3%  about 4 min left
//  - in logs (not a terminal, or CI=true), plain lines now and then: extracted 2000/40000 (5%) …
//  - nothing at all for short runs (fewer than `minTotal` items).
// No I/O of its own: the caller passes where to write and whether that is a terminal.

export type ProgressMode = "bar" | "lines" | "quiet";

export interface ProgressOptions {
  total: number;
  /** written to stderr or a test's buffer; lines end with "\n", the bar redraws with "\r" */
  write: (s: string) => void;
  /** the stream is a terminal (process.stderr.isTTY) */
  isTTY: boolean;
  /** the environment (CI=true forces plain lines) */
  env?: Record<string, string | undefined>;
  /** quiet below this many items (default 50) */
  minTotal?: number;
  /** what happened to each item, for plain lines (default "extracted") */
  verb?: string;
  /** terminal width (default 80) */
  columns?: number;
  /** milliseconds clock (tests) */
  now?: () => number;
}

export interface Progress {
  mode: ProgressMode;
  /** one more item done; `name` is shown on the bar */
  tick(name?: string): void;
  /** the run is over: ends the bar's line (or prints the last plain line) */
  done(): void;
}

export const MIN_TOTAL = 50;
/** plain lines: at most one per this many ms, unless a 5% step is reached */
const LINE_INTERVAL_MS = 10_000;
/** the bar redraws at most this often */
const BAR_INTERVAL_MS = 100;

export function progressMode(total: number, isTTY: boolean, env: Record<string, string | undefined> = {}, minTotal = MIN_TOTAL): ProgressMode {
  if (total < minTotal) return "quiet";
  const ci = env.CI !== undefined && env.CI !== "" && env.CI !== "0" && env.CI.toLowerCase() !== "false";
  return isTTY && !ci ? "bar" : "lines";
}

/** 1, 2 or 5 × 10^k, about a twentieth of the total: lines at round counts (2000/40000). */
export function lineStep(total: number): number {
  const raw = Math.max(1, total / 20);
  const k = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * k >= raw) return m * k;
  return 10 * k;
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function createProgress(o: ProgressOptions): Progress {
  const now = o.now ?? Date.now;
  const mode = progressMode(o.total, o.isTTY, o.env ?? {}, o.minTotal ?? MIN_TOTAL);
  const verb = o.verb ?? "extracted";
  const columns = Math.max(40, o.columns ?? 80);
  const started = now();
  const step = lineStep(o.total);
  let count = 0;
  // a bar shows at once; plain lines start at the first round count (or after a while)
  let lastWrite = mode === "bar" ? -Infinity : started;
  let finished = false;

  const pct = () => (o.total > 0 ? Math.floor((count / o.total) * 100) : 100);
  const eta = () => {
    const elapsed = now() - started;
    if (count === 0 || count >= o.total || elapsed < 1000) return "";
    return `about ${formatDuration((elapsed / count) * (o.total - count))} left`;
  };

  const line = () => {
    const e = eta();
    o.write(`${verb} ${count}/${o.total} (${pct()}%)${e ? `, ${e}` : ""}\n`);
    lastWrite = now();
  };

  const bar = (name = "") => {
    const counts = `${count}/${o.total}`;
    const tail = ` ${counts} ${String(pct()).padStart(3)}%${eta() ? `  ${eta()}` : ""}`;
    // a steady width: room kept for the longest counts and estimate ("  about 59 min left")
    const width = Math.max(10, Math.min(30, columns - (2 * String(o.total).length + 7 + 20) - 4));
    const filled = o.total > 0 ? Math.round((count / o.total) * width) : width;
    let text = `[${"█".repeat(filled)}${"░".repeat(width - filled)}]${tail}`;
    // the current file, cut to the terminal (a wrapped line would break the redraw)
    const room = columns - 1 - [...text].length - 2;
    if (name && room > 8) text += `  ${[...name].length > room ? `…${[...name].slice(-(room - 1)).join("")}` : name}`;
    o.write(`\r\x1b[2K${text}`);
    lastWrite = now();
  };

  return {
    mode,
    tick(name?: string) {
      if (finished) return;
      count++;
      if (mode === "quiet") return;
      if (mode === "bar") {
        if (now() - lastWrite >= BAR_INTERVAL_MS || count === o.total) bar(name);
        return;
      }
      if (count === o.total || count % step === 0 || now() - lastWrite >= LINE_INTERVAL_MS) line();
    },
    done() {
      if (finished) return;
      finished = true;
      if (mode === "bar") {
        bar();
        o.write("\n");
      } else if (mode === "lines" && count !== o.total) line(); // a run cut short says where it stopped
    },
  };
}
