// The per-county downloads (/data/counties/{code}.csv and .xlsx): the counties that have reports.
import { groupByRegionOnce } from "./aggregate.ts";
import type { SiteReport } from "./schema.ts";

export interface CountyDownload {
  code: string;
  /** 山西省 襄垣县: the workbook's 说明 heading */
  scope: string;
  reports: SiteReport[];
}

const made = new WeakMap<readonly SiteReport[], Map<string, CountyDownload>>();

/** Counties with at least one report, by code (computed once per reports list). */
export function countyDownloadMap(reports: readonly SiteReport[]): Map<string, CountyDownload> {
  let m = made.get(reports);
  if (!m) {
    m = new Map(
      groupByRegionOnce(reports).provinces.flatMap((p) =>
        p.counties.filter((c) => c.reports.length > 0).map((c) => [c.code, { code: c.code, scope: `${p.name} ${c.name}`, reports: c.reports }] as const),
      ),
    );
    made.set(reports, m);
  }
  return m;
}

export function countyDownloads(reports: readonly SiteReport[]): CountyDownload[] {
  return [...countyDownloadMap(reports).values()];
}

/** data/counties/140423.xlsx (relative to the site's base) */
export function countyDownloadPath(code: string, ext: "csv" | "xlsx"): string {
  return `data/counties/${code}.${ext}`;
}
