// How the search index is split (src/lib/site/searchShards.ts).
import { describe, expect, it } from "vitest";
import { searchShards } from "../src/lib/site/searchShards.ts";

const slugs = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(100 + i).padStart(9 - prefix.length, "0")}-2024`);

describe("search shards", () => {
  it("one index of every page while the profiles fit", () => {
    expect(searchShards(slugs("1404", 10), 10)).toEqual([{ dir: "pagefind", glob: "**/*.html", pages: 10 }]);
  });
  it("beyond: a main index without the profiles, and whole cities grouped up to the limit", () => {
    const shards = searchShards([...slugs("1404", 6), ...slugs("1401", 3), ...slugs("1405", 5), "城关镇-2024"], 10);
    expect(shards.map((s) => [s.dir, s.pages])).toEqual([
      ["pagefind", 0],
      ["pagefind-1", 9],
      ["pagefind-2", 5],
      ["pagefind-3", 1],
    ]);
    expect(shards[0]!.glob).not.toContain("townships");
    expect(shards[1]!.glob).toBe("townships/{1401*,1404*}/index.html");
    expect(shards[3]!.glob).toBe("townships/[!0-9]*/index.html");
  });
  it("a city larger than the limit is split into whole counties; a county larger than the limit is a shard of its own", () => {
    expect(searchShards([...slugs("1401", 12), ...slugs("1402", 2)], 10).map((s) => s.pages)).toEqual([0, 12, 2]);
    const shards = searchShards([...slugs("140105", 6), ...slugs("140106", 6), ...slugs("1402", 2)], 10);
    expect(shards.map((s) => s.pages)).toEqual([0, 6, 8]);
    expect(shards.map((s) => s.glob).slice(1)).toEqual(["townships/{140105*}/index.html", "townships/{140106*,1402*}/index.html"]);
  });
});
