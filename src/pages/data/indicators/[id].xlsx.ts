// /data/indicators/{id}.xlsx: one indicator's rows as in {id}.csv, townships × years, 说明 (src/lib/site/xlsx.ts).
import type { APIRoute, GetStaticPaths } from "astro";
import { MEDIA, binaryResponse, siteSetOptions } from "../../../lib/site/downloadSet.ts";
import { indicatorXlsx } from "../../../lib/site/xlsx.ts";
import { INDICATORS } from "../../../lib/extract/indicators.ts";
import { loadReports } from "../../../lib/site/siteData.ts";

export const getStaticPaths = (() => INDICATORS.map((i) => ({ params: { id: i.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const body = await indicatorXlsx(await loadReports(), params.id!, siteSetOptions(import.meta.env.BASE_URL));
  return binaryResponse(body, MEDIA.xlsx);
};
