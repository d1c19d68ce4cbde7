// /data/indicators/{id}.csv: one indicator's chart data, every report listed (未报告 where absent).
import type { APIRoute, GetStaticPaths } from "astro";
import { indicatorCsv } from "../../../lib/site/csv.ts";
import { INDICATORS } from "../../../lib/extract/indicators.ts";
import { loadReports } from "../../../lib/site/siteData.ts";

export const getStaticPaths = (() => INDICATORS.map((i) => ({ params: { id: i.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const body = indicatorCsv(await loadReports(), params.id!);
  return new Response(body, { headers: { "Content-Type": "text/csv; charset=utf-8" } });
};
