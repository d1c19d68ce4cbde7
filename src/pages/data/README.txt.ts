// /data/README.txt: the download set explained in Chinese (the same text as in the zip).
import type { APIRoute } from "astro";
import { readmeText } from "../../lib/site/datapackage.ts";
import { downloadFiles, siteSetOptions } from "../../lib/site/downloadSet.ts";
import { loadReports } from "../../lib/site/siteData.ts";

export const GET: APIRoute = async () => {
  const o = siteSetOptions(import.meta.env.BASE_URL);
  const body = readmeText(await downloadFiles(await loadReports(), o), o);
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
};
