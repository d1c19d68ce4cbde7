// /data/townships/{id}.json: one profile's figures with their evidence and its citation (src/lib/site/townshipJson.ts).
import type { APIRoute, GetStaticPaths } from "astro";
import { siteSetOptions } from "../../../lib/site/downloadSet.ts";
import { hasProfile } from "../../../lib/site/quality.ts";
import { loadIndex, loadReports } from "../../../lib/site/siteData.ts";
import { townshipJson } from "../../../lib/site/townshipJson.ts";

// the same reports as the profiles (src/pages/townships/[slug].astro)
export const getStaticPaths = (async () => (await loadReports()).filter(hasProfile).map((r) => ({ params: { slug: r.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const r = loadIndex().byId.get(params.slug!)!;
  const body = `${JSON.stringify(townshipJson(r, siteSetOptions(import.meta.env.BASE_URL)), null, 2)}\n`;
  return new Response(body, { headers: { "Content-Type": "application/json; charset=utf-8" } });
};
