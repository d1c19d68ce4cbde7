// /data/review/CODE.csv: one county's review list (npm run review -- --county CODE).
import type { APIRoute, GetStaticPaths } from "astro";
import { reviewCsv, reviewTree, type ReviewCounty } from "../../../lib/site/review.ts";
import { loadReports } from "../../../lib/site/siteData.ts";

export const getStaticPaths: GetStaticPaths = async () =>
  reviewTree(await loadReports()).flatMap((p) => p.counties.map((county) => ({ params: { county: county.code }, props: { county } })));

export const GET: APIRoute = ({ props }) => {
  const county = (props as { county: ReviewCounty }).county;
  const body = reviewCsv(county.reports.flatMap((g) => g.items));
  return new Response(body, { headers: { "Content-Type": "text/csv; charset=utf-8" } });
};
