// The size limits that decide how much each page shows (docs/views.md). The site's scope
// (src/lib/site/scope.ts: one county, a city, a province, the nation) decides what is compared; these
// limits decide how: a bar per unit while the bars fit, a distribution with top and bottom lists beyond;
// every township-year on a list page while the list fits, per region beyond. Each limit has an
// environment variable (tests build small sites that cross them).

export interface Limit {
  /** the environment variable that overrides it */
  env: string;
  value: number;
  /** what it bounds */
  what: string;
}

/** One row a limit; a maintainer changes a value here (tests/scope.test.ts reads every row). */
export const LIMITS = {
  bars: { env: "FZZL_BAR_LIMIT", value: 40, what: "bars in one bar chart (one a township or region)" },
  smallMultiples: { env: "FZZL_SMALL_MULTIPLES_LIMIT", value: 36, what: "panels of the small multiples (one line over the years a township or region)" },
  compareColumns: { env: "FZZL_COMPARE_LIMIT", value: 40, what: "township-years as columns of one compare page" },
  listReports: { env: "FZZL_LIST_LIMIT", value: 1000, what: "township-years listed on the township list page (beyond: per region)" },
  yearBars: { env: "FZZL_YEAR_BARS_LIMIT", value: 120, what: "bars of all years' charts on one indicator page (beyond: the latest year there, a page a year)" },
  tableRows: { env: "FZZL_TABLE_ROWS_LIMIT", value: 100, what: "townships as rows of an indicator's table of years (beyond: regions' medians)" },
  countyRows: { env: "FZZL_COUNTY_ROWS_LIMIT", value: 200, what: "township-years as rows of a county's tables on one page (beyond: newest years first, a page a group of years)" },
  reviewReports: { env: "FZZL_REVIEW_LIMIT", value: 1000, what: "reports whose items to check share one review page (beyond, or when they weigh more than a page: a page a county)" },
  reviewCounties: { env: "FZZL_REVIEW_COUNTIES_LIMIT", value: 300, what: "counties in the review's table on one page (beyond: a table of provinces, a page each)" },
  qualityEntries: { env: "FZZL_QUALITY_LIMIT", value: 300, what: "reports with warnings listed one by one on the quality page (beyond: counted per region)" },
  coverageReports: { env: "FZZL_COVERAGE_LIMIT", value: 24, what: "reports as columns of the home page's coverage matrix (beyond: regions or townships)" },
  searchShard: { env: "FZZL_SEARCH_SHARD_LIMIT", value: 500, what: "profiles in one Pagefind index (beyond: an index a group of cities, merged at search time)" },
  searchText: { env: "FZZL_SEARCH_TEXT_LIMIT", value: 10_000, what: "reports whose own words the search indexes (beyond: headings and regions)" },
} as const satisfies Record<string, Limit>;

export type LimitName = keyof typeof LIMITS;

/** A limit's value, or its environment variable's when set (a whole number ≥ 0; anything else is an error naming it). */
export function limit(name: LimitName, env: Record<string, string | undefined> = process.env): number {
  const l = LIMITS[name];
  const raw = env[l.env]?.trim();
  if (!raw) return l.value;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${l.env} must be a whole number ≥ 0, not "${raw}"`);
  return n;
}

/** Whether `count` things fit under a limit. */
export function fits(name: LimitName, count: number, env: Record<string, string | undefined> = process.env): boolean {
  return count <= limit(name, env);
}
