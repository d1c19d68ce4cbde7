// /data/review.csv: the review list (src/lib/site/review.ts), as `npm run review` prints it.
import type { APIRoute } from "astro";
import { reviewCsv, reviewItems, reviewTree } from "../../lib/site/review.ts";
import { loadReports } from "../../lib/site/siteData.ts";

export const GET: APIRoute = async () => {
  const body = reviewCsv(reviewItems(reviewTree(await loadReports())));
  return new Response(body, { headers: { "Content-Type": "text/csv; charset=utf-8" } });
};
