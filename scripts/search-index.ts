// The search index of a built site: `tsx scripts/search-index.ts dist` (the last step of `npm run build`).
// While the profiles fit one Pagefind index (LIMITS.searchShard) this is `pagefind --site dist`; beyond,
// a main index of the other pages in dist/pagefind/ and the profiles in shards of whole cities
// (dist/pagefind-1/, …; src/lib/site/searchShards.ts), listed in dist/pagefind-shards.json (an empty list for one
// index) for the search page to merge. Each shard is a Pagefind run of its own, so memory follows the largest shard, not the site.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { SHARDS_FILE, searchShards } from "../src/lib/site/searchShards.ts";

function main(): number {
  const dist = resolve(process.argv[2] ?? "dist");
  const townships = join(dist, "townships");
  if (!existsSync(join(dist, "index.html"))) {
    process.stderr.write(`${dist}: no built site (index.html missing); run astro build first\n`);
    return 1;
  }
  const slugs = existsSync(townships) ? readdirSync(townships, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name) : [];
  const shards = searchShards(slugs);
  for (const name of readdirSync(dist)) if (/^pagefind(-\d+)?$/.test(name) || name === SHARDS_FILE) rmSync(join(dist, name), { recursive: true, force: true });
  const bin = join(import.meta.dirname, "..", "node_modules", ".bin", "pagefind");
  for (const s of shards) {
    const args = ["--site", dist, "--glob", s.glob, "--output-subdir", s.dir, ...(shards.length > 1 ? ["--quiet"] : [])];
    const r = spawnSync(bin, args, { stdio: "inherit" });
    if (r.status !== 0) {
      process.stderr.write(`pagefind failed on ${s.dir} (${s.glob}): exit ${r.status ?? r.error?.message}\n`);
      return 1;
    }
  }
  // always written (an empty list for one index), so that the search page's request never fails
  writeFileSync(join(dist, SHARDS_FILE), JSON.stringify(shards.slice(1).map((s) => `${s.dir}/`)) + "\n");
  if (shards.length > 1) {
    process.stdout.write(`search index: ${shards.length - 1} shards of profiles (${shards.slice(1).map((s) => s.pages).join(", ")} pages) and the main index\n`);
  }
  return 0;
}

process.exitCode = main();
