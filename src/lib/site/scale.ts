// The one switch between the detailed views (every township on the home, list, indicator, compare and
// quality pages, as for a county's own site) and the aggregated ones (provinces, medians, top and
// bottom lists) that keep every page small at national scale (40,000 reports).

/**
 * Up to this many reports the site lists every township-year on its section pages; above it, those
 * pages aggregate by province and link to province and county pages. (Townships never outnumber
 * reports, so one count decides.)
 */
export const DETAIL_LIMIT = 60;

/** DETAIL_LIMIT, or FZZL_DETAIL_LIMIT when set (tests build aggregated sites of a few hundred reports). */
export function detailLimit(env: Record<string, string | undefined> = process.env): number {
  const raw = env.FZZL_DETAIL_LIMIT?.trim();
  if (!raw) return DETAIL_LIMIT;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`FZZL_DETAIL_LIMIT must be a whole number ≥ 0, not "${raw}"`);
  return n;
}

/** Whether a site of `reports` reports shows the detailed views. */
export function isDetailed(reports: number, limit = detailLimit()): boolean {
  return reports <= limit;
}
