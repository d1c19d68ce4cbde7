// Read-side helpers the pages share: the reports of the collection, and lookups over them.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { getCollection } from "astro:content";
import { DEFAULT_INDEX, textDirOf } from "./generated.ts";
import type { SiteReport } from "./schema.ts";

let loaded: Promise<SiteReport[]> | null = null;

/** All reports, in a stable order (province, county, township, year); read once per build. */
export function loadReports(): Promise<SiteReport[]> {
  loaded ??= readReports();
  return loaded;
}

async function readReports(): Promise<SiteReport[]> {
  const entries = await getCollection("reports");
  const zh = new Intl.Collator("zh-CN");
  return entries
    .map((e) => e.data)
    .sort(
      (a, b) =>
        zh.compare(a.province ?? "", b.province ?? "") ||
        zh.compare(a.county ?? "", b.county ?? "") ||
        zh.compare(a.township ?? "", b.township ?? "") ||
        (a.year ?? 0) - (b.year ?? 0) ||
        a.id.localeCompare(b.id),
    );
}

/** The figures users ask for first (issue: mediation, training, enforcement). */
export const HEADLINE = ["disputes_handled", "disputes_resolved", "training_sessions", "enforcement_cases"] as const;

export function reportLabel(r: Pick<SiteReport, "township" | "year" | "file">): string {
  return `${r.township ?? r.file}${r.year ? ` ${r.year}年` : ""}`;
}

/** A report's normalised text (the one its evidence spans index), read from its own file. */
export function loadReportText(r: Pick<SiteReport, "textKey">): string {
  if (!r.textKey) return "";
  const path = join(textDirOf(process.env.FZZL_OUT ?? DEFAULT_INDEX), `${r.textKey}.txt`);
  return existsSync(path) ? readFileSync(path, "utf8") : "";
}
