// /data/figures.xlsx: every figure (the columns of figures.csv), one sheet per indicator, 说明 (src/lib/site/xlsx.ts).
import type { APIRoute } from "astro";
import { MEDIA, binaryResponse, downloadFiles, siteSetOptions } from "../../lib/site/downloadSet.ts";
import { loadReports } from "../../lib/site/siteData.ts";

export const GET: APIRoute = async () => {
  const files = await downloadFiles(await loadReports(), siteSetOptions(import.meta.env.BASE_URL));
  const body = files.find((f) => f.path === "figures.xlsx")!.data;
  return binaryResponse(body, MEDIA.xlsx);
};
