// /data/counties/{code}.xlsx: a county's figures (as figures.xlsx, its reports only), for its 汇报材料.
import type { APIRoute, GetStaticPaths } from "astro";
import { countyDownloadMap, countyDownloads } from "../../../lib/site/countyDownloads.ts";
import { MEDIA, binaryResponse, siteSetOptions } from "../../../lib/site/downloadSet.ts";
import { countyXlsx } from "../../../lib/site/xlsx.ts";
import { loadReports } from "../../../lib/site/siteData.ts";

export const getStaticPaths = (async () => countyDownloads(await loadReports()).map((c) => ({ params: { code: c.code } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const c = countyDownloadMap(await loadReports()).get(params.code!)!;
  return binaryResponse(await countyXlsx(c.reports, { ...siteSetOptions(import.meta.env.BASE_URL), scope: c.scope }), MEDIA.xlsx);
};
