// Stable URLs of the drill-down pages, relative to the site's base (import.meta.env.BASE_URL).
import { UNKNOWN_COUNTY } from "./aggregate.ts";

/** provinces/14/ — by the 2-digit province code */
export function provincePath(code: string): string {
  return `provinces/${code}/`;
}

/** counties/140423/ — by the 6-digit county code; counties/unknown/ for reports whose region is not settled */
export function countyPath(code: string | null): string {
  return `counties/${code ?? UNKNOWN_COUNTY}/`;
}

/** counties/140423/table/ — every indicator of the county's reports */
export function countyTablePath(code: string): string {
  return `counties/${code}/table/`;
}

/** townships/140423106-2024/ — a township-year's profile */
export function profilePath(id: string): string {
  return `townships/${id}/`;
}

/** cities/1404/ — by the 4-digit city code */
export function cityPath(code: string): string {
  return `cities/${code}/`;
}

/** The site's origin as configured for publishing (FZZL_SITE, astro.config.mjs), or null when unset. */
export function siteOrigin(env: Record<string, string | undefined> = process.env): string | null {
  const v = env.FZZL_SITE?.trim().replace(/\/+$/, "");
  return v ? v : null;
}

/** A path of the site (base included) as a URL: absolute under `origin` when known, else the path. */
export function siteUrl(path: string, origin?: string | null): string {
  return origin ? `${origin.replace(/\/+$/, "")}${path}` : path;
}
