// /data/figures.json: every figure with its mentions and quotes, without the full report texts.
import type { APIRoute } from "astro";
import { figuresJson } from "../../lib/site/csv.ts";
import { loadReports } from "../../lib/site/siteData.ts";

export const GET: APIRoute = async () => {
  const body = JSON.stringify(figuresJson(await loadReports()));
  return new Response(body, { headers: { "Content-Type": "application/json; charset=utf-8" } });
};
