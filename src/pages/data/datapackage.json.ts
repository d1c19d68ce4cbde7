// /data/datapackage.json: the download set described as a Frictionless Data Package (src/lib/site/datapackage.ts).
import type { APIRoute } from "astro";
import { dataPackageJson } from "../../lib/site/datapackage.ts";
import { downloadFiles, siteSetOptions } from "../../lib/site/downloadSet.ts";
import { loadReports } from "../../lib/site/siteData.ts";

export const GET: APIRoute = async () => {
  const o = siteSetOptions(import.meta.env.BASE_URL);
  const body = dataPackageJson(await downloadFiles(await loadReports(), o), o);
  return new Response(body, { headers: { "Content-Type": "application/json; charset=utf-8" } });
};
