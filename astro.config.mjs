// @ts-check
import { defineConfig } from "astro/config";
import sitemap from "@astrojs/sitemap";
import { createHash } from "node:crypto";
import { LARGE_TEXT_EARLY } from "./src/scripts/largeTextEarly.mjs";

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

/** 'sha256-…' of an inline script's text, as a Content-Security-Policy names it. @param {string} text */
const sha256 = (text) => /** @type {`sha256-${string}`} */ (`sha256-${createHash("sha256").update(text).digest("base64")}`);

export default defineConfig({
  site,
  base,
  trailingSlash: "always",
  // pages render sixteen at a time so that writing pages overlaps rendering others (national
  // scale: 46,000 pages; 5% faster than four at a time, BENCHMARKS.md)
  build: { format: "directory", concurrency: 16 },
  // sitemap-index.xml + sitemap-0.xml; the 404 page is left out by the integration itself
  integrations: [sitemap({ filter: (url) => !url.endsWith("/search/") })],
  experimental: {
    // Content-Security-Policy (docs/security.md): Astro writes it as a <meta http-equiv> in every page,
    // with the hashes of the scripts and styles it bundles or inlines. Only the site's own scripts,
    // styles, images and fetches are allowed; the one inline script is allowed by its hash; the search
    // page adds 'wasm-unsafe-eval' for Pagefind's WebAssembly (src/pages/search.astro).
    csp: {
      algorithm: "SHA-256",
      directives: [
        "default-src 'self'",
        // blob: for the chart PNG download, drawn from the chart's own SVG (src/scripts/chartDownload.ts)
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "frame-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'"], hashes: [sha256(LARGE_TEXT_EARLY)] },
      styleDirective: { resources: ["'self'"] },
    },
  },
});
