// The download set: every file of /data/ that the data package describes and the zip holds, with
// its bytes (the same functions as the endpoints, so each file here equals its download).
import { createHash } from "node:crypto";
import { FIGURE_COLUMNS, INDICATOR_COLUMNS, figuresCsv, figuresJson, indicatorCsv, type Column, type DownloadOptions } from "./csv.ts";
import { dataVersion, type DataVersion } from "./dataVersion.ts";
import { siteOrigin } from "./paths.ts";
import type { SiteReport } from "./schema.ts";
import { figuresXlsx } from "./xlsx.ts";
import { INDICATORS } from "../extract/indicators.ts";

export interface DownloadFile {
  /** path under /data/ and inside the zip, e.g. indicators/training_sessions.csv */
  path: string;
  /** the data package resource's name (lower case, digits, - _ .) */
  name: string;
  title: string;
  format: "csv" | "json" | "xlsx";
  mediatype: string;
  /** the columns of a CSV (its table schema) */
  columns?: readonly Column<object>[];
  data: Uint8Array;
}

export interface SetOptions extends DownloadOptions {
  version: DataVersion;
}

/** What the endpoints pass: the site's base path, its origin (FZZL_SITE) and the data's version. */
export function siteSetOptions(base: string): SetOptions {
  return { base, origin: siteOrigin(), version: dataVersion() };
}

export const MEDIA = {
  csv: "text/csv",
  json: "application/json",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

const utf8 = (s: string) => new TextEncoder().encode(s);

export function sha256(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

const made = new WeakMap<readonly SiteReport[], Promise<DownloadFile[]>>();

/** The files of the set, in the order the package lists them (made once per reports list). */
export function downloadFiles(reports: readonly SiteReport[], o: SetOptions): Promise<DownloadFile[]> {
  let files = made.get(reports);
  if (!files) made.set(reports, (files = makeFiles(reports, o)));
  return files;
}

async function makeFiles(reports: readonly SiteReport[], o: SetOptions): Promise<DownloadFile[]> {
  return [
    { path: "figures.csv", name: "figures", title: "全部数字", format: "csv", mediatype: MEDIA.csv, columns: FIGURE_COLUMNS as Column<object>[], data: utf8(figuresCsv(reports, o)) },
    { path: "figures.xlsx", name: "figures-xlsx", title: "全部数字（Excel）", format: "xlsx", mediatype: MEDIA.xlsx, data: await figuresXlsx(reports, { ...o, scope: "全部数字" }) },
    { path: "figures.json", name: "figures-json", title: "全部数字及原文出处（JSON）", format: "json", mediatype: MEDIA.json, data: utf8(JSON.stringify(figuresJson(reports))) },
    ...INDICATORS.map((i): DownloadFile => ({
      path: `indicators/${i.id}.csv`,
      name: `indicator-${i.id.replace(/_/g, "-")}`,
      title: `${i.label_zh}（单位：${i.unit}）`,
      format: "csv",
      mediatype: MEDIA.csv,
      columns: INDICATOR_COLUMNS as Column<object>[],
      data: utf8(indicatorCsv(reports, i.id)),
    })),
  ];
}

/** An endpoint's response for a binary file (xlsx, zip). */
export function binaryResponse(data: Uint8Array, type: string): Response {
  return new Response(data as Uint8Array<ArrayBuffer>, { headers: { "Content-Type": type } });
}
