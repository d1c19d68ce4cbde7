// /data/figures.csv: every figure, one row per report × reported indicator (src/lib/site/csv.ts).
import type { APIRoute } from "astro";
import { figuresCsv } from "../../lib/site/csv.ts";
import { loadReports } from "../../lib/site/siteData.ts";

export const GET: APIRoute = async () => {
  const body = figuresCsv(await loadReports(), { base: import.meta.env.BASE_URL });
  return new Response(body, { headers: { "Content-Type": "text/csv; charset=utf-8" } });
};
