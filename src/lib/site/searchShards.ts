// How the search index is split (docs/views.md#search): Pagefind's memory grows with the pages and
// words it indexes, so beyond LIMITS.searchShard profiles the profiles are indexed in shards — groups of
// whole cities (the first 4 digits of a profile's slug), or of whole counties (6 digits) of a city over
// the limit, each at most the limit where a county allows —
// beside a main index of the other pages; the search page merges them (Pagefind's mergeIndex). Pure.
import { limit } from "./scale.ts";

export interface Shard {
  /** the bundle's folder under dist/: pagefind (the main one), pagefind-1, … */
  dir: string;
  /** the glob of its pages, relative to dist/ (Pagefind's --glob) */
  glob: string;
  pages: number;
}

/** The file listing the shards' folders, under dist/ (an empty list when there is one index). */
export const SHARDS_FILE = "pagefind-shards.json";

/** The main index's glob when the profiles are apart: every page but the profiles. */
const MAIN_GLOB = "{*.html,indicators/**/*.html,provinces/**/*.html,cities/**/*.html,counties/**/*.html,compare/**/*.html,search/**/*.html}";

/**
 * The shards for these profile slugs (townships/{slug}/): one index of everything while the profiles
 * fit; else the main index and groups of cities in code order. Slugs without a code ("城关镇-2024") go
 * in a shard of their own.
 */
export function searchShards(slugs: readonly string[], max = limit("searchShard")): Shard[] {
  if (slugs.length <= max) return [{ dir: "pagefind", glob: "**/*.html", pages: slugs.length }];
  // units of whole cities (4-digit code prefix); a city over the limit in whole counties (6 digits)
  const byCity = new Map<string, number>();
  const byCounty = new Map<string, number>();
  let uncoded = 0;
  for (const s of slugs) {
    if (!/^\d{9}-/.test(s)) {
      uncoded++;
      continue;
    }
    byCity.set(s.slice(0, 4), (byCity.get(s.slice(0, 4)) ?? 0) + 1);
    byCounty.set(s.slice(0, 6), (byCounty.get(s.slice(0, 6)) ?? 0) + 1);
  }
  const units: [prefix: string, pages: number][] = [];
  for (const city of [...byCity.keys()].sort()) {
    const n = byCity.get(city)!;
    if (n <= max) units.push([city, n]);
    else for (const county of [...byCounty.keys()].filter((c) => c.startsWith(city)).sort()) units.push([county, byCounty.get(county)!]);
  }
  const groups: { cities: string[]; pages: number }[] = [];
  for (const [prefix, n] of units) {
    const last = groups[groups.length - 1];
    if (last && last.pages + n <= max) {
      last.cities.push(prefix);
      last.pages += n;
    } else groups.push({ cities: [prefix], pages: n });
  }
  const shards: Shard[] = [{ dir: "pagefind", glob: MAIN_GLOB, pages: 0 }];
  groups.forEach((g, i) => shards.push({ dir: `pagefind-${i + 1}`, glob: `townships/{${g.cities.map((c) => `${c}*`).join(",")}}/index.html`, pages: g.pages }));
  if (uncoded) shards.push({ dir: `pagefind-${groups.length + 1}`, glob: "townships/[!0-9]*/index.html", pages: uncoded });
  return shards;
}
