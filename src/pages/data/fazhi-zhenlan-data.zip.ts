// /data/fazhi-zhenlan-data.zip: README.txt, datapackage.json and every download, with fixed times (src/lib/site/datapackage.ts).
import type { APIRoute } from "astro";
import { packageZip } from "../../lib/site/datapackage.ts";
import { binaryResponse, downloadFiles, siteSetOptions } from "../../lib/site/downloadSet.ts";
import { loadReports } from "../../lib/site/siteData.ts";

export const GET: APIRoute = async () => {
  const o = siteSetOptions(import.meta.env.BASE_URL);
  const body = packageZip(await downloadFiles(await loadReports(), o), o);
  return binaryResponse(body, "application/zip");
};
