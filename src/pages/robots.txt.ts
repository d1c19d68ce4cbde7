// robots.txt: everything may be crawled; names the sitemap by its full address under the site's
// base path (FZZL_SITE + FZZL_BASE, astro.config.mjs). Crawlers read robots.txt only at a host's
// root: when the site lives under a sub-path, the host's own /robots.txt should point here too.
import type { APIRoute } from "astro";

export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL(`${import.meta.env.BASE_URL}sitemap-index.xml`, site ?? "https://example.org").href;
  return new Response(`User-agent: *\nDisallow:\n\nSitemap: ${sitemap}\n`, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
};
