// Read-side helpers the pages share: the reports of the generated index, and lookups over them.
//
// The index (src/generated/reports.json, or FZZL_OUT) is read once per build as plain JSON. It is
// not an Astro content collection: the extract step already validates every record with
// `reportSchema` (scripts/extract.ts) before it is cached or written, and at national scale the
// content layer was what made the build slow and large (40,000 records: a 160 MB index, which the
// data store copies, digests and serialises again, and zod parsing alone took 10 s and 1.8 GB).
// Here a record is one object shared by every page that shows it.
import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { group } from "d3";
import { townshipKeyOf } from "./aggregate.ts";
import { DEFAULT_INDEX, textDirOf } from "./generated.ts";
import type { SiteReport } from "./schema.ts";

/** The index the site is built from: FZZL_OUT (tests and benchmarks build sites of other data) or the default. */
export function indexPath(env: Record<string, string | undefined> = process.env): string {
  return env.FZZL_OUT ?? DEFAULT_INDEX;
}

export interface SiteIndex {
  /** every report, in a stable order (province, county, township, year) */
  reports: SiteReport[];
  byId: Map<string, SiteReport>;
  /** a report's township (by region code, else name, else the report itself) → its reports by year */
  byTownship: Map<string, SiteReport[]>;
}

let loaded: SiteIndex | null = null;

/** The site's reports and lookups, read once per build. */
export function loadIndex(): SiteIndex {
  loaded ??= indexOf(readIndexFile(indexPath()));
  return loaded;
}

/** All reports, in a stable order (province, county, township, year); read once per build. */
export async function loadReports(): Promise<SiteReport[]> {
  return loadIndex().reports;
}

let listed: SiteReport[] | null = null;

/**
 * The reports that name a township (those the section pages list), in the index's order; one list per
 * build, so that what is computed once per list (the scope, the indicator pages' plan) is shared.
 */
export function listedReports(): SiteReport[] {
  listed ??= loadIndex().reports.filter((r) => r.township);
  return listed;
}

/** Parses an index file; a missing one is an empty site (with a warning), a damaged one an error naming it. */
export function readIndexFile(path: string): SiteReport[] {
  if (!existsSync(path)) {
    console.warn(`${path} is missing: run \`npm run extract\` (npm run build does) to read data/reports/.`);
    return [];
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new Error(`${path}: not valid JSON (${(e as Error).message}); run \`npm run extract\` again`);
  }
  const reports = (data as { reports?: unknown })?.reports;
  if (!Array.isArray(reports)) throw new Error(`${path}: no "reports" list; run \`npm run extract\` again`);
  return reports as SiteReport[];
}

export function indexOf(records: SiteReport[]): SiteIndex {
  const zh = new Intl.Collator("zh-CN");
  const reports = [...records].sort(
    (a, b) =>
      zh.compare(a.province ?? "", b.province ?? "") ||
      zh.compare(a.county ?? "", b.county ?? "") ||
      zh.compare(a.township ?? "", b.township ?? "") ||
      (a.year ?? 0) - (b.year ?? 0) ||
      a.id.localeCompare(b.id),
  );
  return { reports, byId: new Map(reports.map((r) => [r.id, r])), byTownship: group(reports, townshipKeyOf) };
}

/** The other years' reports of a report's township. */
export function otherYears(index: SiteIndex, r: SiteReport): SiteReport[] {
  return (index.byTownship.get(townshipKeyOf(r)) ?? []).filter((o) => o.id !== r.id);
}

/** The figures users ask for first (issue: mediation, training, enforcement). */
export const HEADLINE = ["disputes_handled", "disputes_resolved", "training_sessions", "enforcement_cases"] as const;

export function reportLabel(r: Pick<SiteReport, "township" | "year" | "file">): string {
  return `${r.township ?? r.file}${r.year ? ` ${r.year}年` : ""}`;
}

/**
 * A report's normalised text (the one its evidence spans index), read from its own file; "" when it
 * has none or the file is gone. Asynchronous, so that pages rendered together overlap their reads.
 */
export async function loadReportText(r: Pick<SiteReport, "textKey">): Promise<string> {
  if (!r.textKey) return "";
  try {
    return await readFile(join(textDirOf(indexPath()), `${r.textKey}.txt`), "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return "";
    throw e;
  }
}
