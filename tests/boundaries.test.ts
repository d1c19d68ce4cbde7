// The layout's rules (src/lib/README.md): extraction imports nothing of the site or the charts,
// the charts nothing of the site's pages, and no module of src/lib imports itself through a circle.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const LIB = join(ROOT, "src", "lib");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|mts)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Relative import specifiers of a file (static, re-exports and dynamic), resolved to files. */
function importsOf(file: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"'?]+)(?:\?[^"']*)?["']/g)) {
    out.push(resolve(dirname(file), m[1]!.replace(/\.js$/, ".ts")));
  }
  return out;
}
const localImports = (file: string) => importsOf(file, readFileSync(file, "utf8"));

const rel = (f: string) => relative(ROOT, f);
const files = sources(LIB);

describe("layout boundaries", () => {
  it("finds the three libraries", () => {
    for (const dir of ["extract", "site", "charts"]) expect(files.some((f) => rel(f).startsWith(`src/lib/${dir}/`)), dir).toBe(true);
  });

  it("extract/ imports only extract/ and the spec", () => {
    const bad: string[] = [];
    for (const f of files.filter((f) => rel(f).startsWith("src/lib/extract/"))) {
      for (const target of localImports(f)) {
        const t = rel(target);
        if (!t.startsWith("src/lib/extract/") && !t.startsWith("spec/")) bad.push(`${rel(f)} → ${t}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("charts/ import nothing of site/ but its number formats", () => {
    const bad: string[] = [];
    for (const f of files.filter((f) => rel(f).startsWith("src/lib/charts/"))) {
      for (const target of localImports(f)) {
        const t = rel(target);
        if (t.startsWith("src/lib/site/") && t !== "src/lib/site/format.ts") bad.push(`${rel(f)} → ${t}`);
        if (t.startsWith("src/pages/") || t.startsWith("src/components/")) bad.push(`${rel(f)} → ${t}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("no library module imports pages, components or scripts", () => {
    const bad: string[] = [];
    for (const f of files) {
      for (const target of localImports(f)) {
        const t = rel(target);
        if (/^(src\/(pages|components|layouts)|scripts|tests)\//.test(t)) bad.push(`${rel(f)} → ${t}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("has no import circles", () => {
    const graph = new Map(files.map((f) => [f, localImports(f).filter((t) => t.startsWith(LIB))]));
    const state = new Map<string, "open" | "done">();
    const circles: string[] = [];
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === "done") return;
      if (state.get(f) === "open") {
        circles.push([...path.slice(path.indexOf(f)), f].map(rel).join(" → "));
        return;
      }
      state.set(f, "open");
      for (const t of graph.get(f) ?? []) visit(t, [...path, f]);
      state.set(f, "done");
    };
    for (const f of files) visit(f, []);
    expect(circles).toEqual([]);
  });

  it("detects a forbidden import (the check itself works)", () => {
    const probe = join(LIB, "extract", "probe.ts");
    const text = 'import { x } from "../site/format.js";\nexport { y } from "./numbers.ts";\nconst m = await import("../charts/render.ts");';
    expect(importsOf(probe, text).map(rel)).toEqual(["src/lib/site/format.ts", "src/lib/extract/numbers.ts", "src/lib/charts/render.ts"]);
  });
});
