// /data/townships/{id}.json: one profile's figures with their evidence, for other sites and scripts;
// with how to cite it and the data's date.
import { profileCitation, profileTitle } from "./citation.ts";
import { NOT_REPORTED, QUALIFIER_ZH, SOURCE_NOTE, indicatorsJson, pagePath, reportJson, type ReportJson } from "./csv.ts";
import type { DataVersion } from "./dataVersion.ts";
import { siteUrl } from "./paths.ts";
import type { SiteReport } from "./schema.ts";
import { INDICATORS } from "../extract/indicators.ts";
import type { IndicatorSpec } from "../extract/indicators.ts";
import type { Qualifier } from "../extract/types.ts";

export interface TownshipJson {
  source: string;
  /** the profile page */
  page: string;
  citation: string;
  dataDate: string;
  dataCommit: string | null;
  qualifiers: Record<Qualifier, string>;
  indicatorDefinitions: IndicatorSpec[];
  report: ReportJson & { issuer: string | null; reportDate: string | null };
  /** the indicators the report gives no figure for (未报告, not 0) */
  notReported: string[];
  notReportedNote: string;
}

export function townshipJsonPath(id: string, base = "/"): string {
  return `${base.endsWith("/") ? base : `${base}/`}data/townships/${id}.json`;
}

export function townshipJson(r: SiteReport, o: { base?: string; origin?: string | null; version: DataVersion }): TownshipJson {
  const page = siteUrl(pagePath(r.id, o.base), o.origin);
  return {
    source: SOURCE_NOTE,
    page,
    citation: profileCitation(r, profileTitle(r), page, o.version),
    dataDate: o.version.day,
    dataCommit: o.version.commit,
    qualifiers: { ...QUALIFIER_ZH },
    indicatorDefinitions: indicatorsJson(),
    report: { ...reportJson(r), issuer: r.issuer, reportDate: r.reportDate },
    notReported: INDICATORS.filter((i) => !r.indicators[i.id]).map((i) => i.id),
    notReportedNote: `${NOT_REPORTED}：报告没有提到这些指标，不等于 0。`,
  };
}
