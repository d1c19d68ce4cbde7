// @ts-check
import { defineConfig } from "astro/config";
import sitemap from "@astrojs/sitemap";

// Where the site is published, set by two environment variables (docs/operating.md, "Publishing"):
//   FZZL_BASE  the sub-path it is served under, e.g. /fzzf/ (default /); every link and asset follows it
//   FZZL_SITE  the origin, e.g. https://fzzl.example.gov.cn (used for the sitemap and robots.txt)
/** "/fzzf", "fzzf/" and "/fzzf/" all become "/fzzf/"; empty becomes "/". */
function normalizeBase(value = "") {
  const parts = value.split("/").filter(Boolean);
  return parts.length === 0 ? "/" : `/${parts.join("/")}/`;
}
const base = normalizeBase(process.env.FZZL_BASE);
const site = process.env.FZZL_SITE?.trim() || "https://example.org";
if (!process.env.FZZL_SITE && process.argv.includes("build")) {
  console.warn(`FZZL_SITE is not set: the sitemap and robots.txt name ${site} (set FZZL_SITE=https://your.host to fix)`);
}

export default defineConfig({
  site,
  base,
  trailingSlash: "always",
  // pages render sixteen at a time so that writing pages overlaps rendering others (national
  // scale: 46,000 pages; 5% faster than four at a time, BENCHMARKS.md)
  build: { format: "directory", concurrency: 16 },
  // sitemap-index.xml + sitemap-0.xml; the 404 page is left out by the integration itself
  integrations: [sitemap({ filter: (url) => !url.endsWith("/search/") })],
});
