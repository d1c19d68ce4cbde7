// How to cite what the site shows: a township-year profile (the report itself, then this site's
// page and the data's date) and a chart (this site's page, the data's date, the reports as its
// source). The wording is in CITE below: one place to change it.
import type { DataVersion } from "./dataVersion.ts";
import type { SiteReport } from "./schema.ts";
import { reportLabel } from "./siteData.ts";

export const SITE_NAME = "法治镇览";

/** The words of a citation (GB/T 7714-like, in the order a 汇报材料 footnote reads). */
export const CITE = {
  /** a report whose title could not be read: named by its file */
  untitled: (file: string) => `报告文本 ${file}`,
  report: (title: string, issuer: string | null, date: string | null) => [`《${title}》`, issuer, date].filter(Boolean).join("，"),
  via: (pageTitle: string, url: string, day: string) => `转引自：${SITE_NAME}“${pageTitle}”，${url}，数据日期 ${day}。`,
  chart: (chartTitle: string, url: string, day: string) => `${SITE_NAME}“${chartTitle}”，${url}，数据日期 ${day}。`,
  /** the source line drawn into a chart image */
  chartSource: "数据来源：各乡镇（街道）公开发布的年度法治政府建设情况报告，由法治镇览逐句读取，每个数字附原文出处。",
} as const;

/** The report as a source: 《title》，issuer，date (or its file name when the title is unknown). */
export function reportSource(r: Pick<SiteReport, "title" | "issuer" | "reportDate" | "file">): string {
  return r.title ? CITE.report(r.title, r.issuer, r.reportDate) : [CITE.untitled(r.file), r.issuer, r.reportDate].filter(Boolean).join("，");
}

/** A profile's citation: the report first, then this site's page and the data's date. */
export function profileCitation(r: Pick<SiteReport, "title" | "issuer" | "reportDate" | "file">, pageTitle: string, url: string, version: Pick<DataVersion, "day">): string {
  return `${reportSource(r)}。${CITE.via(pageTitle, url, version.day)}`;
}

/** A chart's citation: this site's page (with the chart's anchor) and the data's date. */
export function chartCitation(chartTitle: string, url: string, version: Pick<DataVersion, "day">): string {
  return CITE.chart(chartTitle, url, version.day);
}

/** A profile's page title (its <title> and <h1> context), which its citation names. */
export function profileTitle(r: Pick<SiteReport, "township" | "year" | "file">): string {
  return `${reportLabel(r)}法治政府建设指标`;
}
