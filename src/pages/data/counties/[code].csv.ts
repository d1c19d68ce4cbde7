// /data/counties/{code}.csv: a county's figures (the columns of figures.csv, its reports only).
import type { APIRoute, GetStaticPaths } from "astro";
import { countyDownloadMap, countyDownloads } from "../../../lib/site/countyDownloads.ts";
import { figuresCsv } from "../../../lib/site/csv.ts";
import { siteSetOptions } from "../../../lib/site/downloadSet.ts";
import { loadReports } from "../../../lib/site/siteData.ts";

export const getStaticPaths = (async () => countyDownloads(await loadReports()).map((c) => ({ params: { code: c.code } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const c = countyDownloadMap(await loadReports()).get(params.code!)!;
  const body = figuresCsv(c.reports, siteSetOptions(import.meta.env.BASE_URL));
  return new Response(body, { headers: { "Content-Type": "text/csv; charset=utf-8" } });
};
