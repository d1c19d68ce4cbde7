// The data's date and commit: what citations, the data package and the files inside the zip carry.
// Taken from the data, never from the clock, so that two builds of the same data are byte-identical:
// the last commit that changed data/ (`git log -1 -- data`), else SOURCE_DATE_EPOCH (seconds, the
// reproducible-builds convention), else a fixed date.
import { execFileSync } from "node:child_process";

export interface DataVersion {
  /** ISO 8601 with offset, e.g. 2026-11-30T17:04:11+08:00 */
  date: string;
  /** the date alone (YYYY-MM-DD, in the commit's own offset): what citations show */
  day: string;
  /** the commit that last changed data/, or null when not from git */
  commit: string | null;
  /** where the date came from */
  source: "git" | "SOURCE_DATE_EPOCH" | "fallback";
}

/** Used when neither git nor SOURCE_DATE_EPOCH gives a date (a copy of the project without .git). */
export const FALLBACK_DATE = "2026-01-01T00:00:00Z";

/** What `git log -1 --format=%cI%n%H -- data` printed: "date\ncommit", or "" when nothing. */
export function parseGitLog(out: string): { date: string; commit: string } | null {
  const [date, commit] = out.trim().split("\n");
  if (!date || !commit || Number.isNaN(Date.parse(date)) || !/^[0-9a-f]{40}$/.test(commit)) return null;
  return { date, commit };
}

/** Decides the version from git's answer (or null) and the environment. */
export function dataVersionOf(git: { date: string; commit: string } | null, env: Record<string, string | undefined> = process.env): DataVersion {
  if (git) return { date: git.date, day: git.date.slice(0, 10), commit: git.commit, source: "git" };
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch) {
    if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not "${epoch}"`);
    const date = new Date(Number(epoch) * 1000).toISOString().replace(/\.000Z$/, "Z");
    return { date, day: date.slice(0, 10), commit: null, source: "SOURCE_DATE_EPOCH" };
  }
  return { date: FALLBACK_DATE, day: FALLBACK_DATE.slice(0, 10), commit: null, source: "fallback" };
}

function gitLog(dir: string, cwd: string): { date: string; commit: string } | null {
  try {
    const out = execFileSync("git", ["log", "-1", "--format=%cI%n%H", "--", dir], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 10_000 });
    return parseGitLog(out);
  } catch {
    return null; // no git, not a repository, or a repository git refuses (safe.directory)
  }
}

let cached: DataVersion | null = null;

/** The version of the project's data/ (asked once per build). */
export function dataVersion(cwd = process.cwd()): DataVersion {
  cached ??= dataVersionOf(gitLog("data", cwd));
  return cached;
}

/** The version as a Date (for the timestamps inside the zip and xlsx files). */
export function dataDate(v: DataVersion = dataVersion()): Date {
  return new Date(v.date);
}
