// Golden SVG files (tests/golden/README.md): compare a chart's output with its reviewed file.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseHTML } from "linkedom";
import { expect } from "vitest";

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), "golden");

/** One tag per line, so that a golden file's diff can be read in review. */
function pretty(svg: string): string {
  return `${svg.replace(/></g, ">\n<")}\n`;
}

/** Compares to tests/golden/<name>.svg; writes it when missing or when UPDATE_GOLDEN=1. */
export function golden(name: string, svg: string): void {
  const file = join(GOLDEN, `${name}.svg`);
  const actual = pretty(svg);
  if (process.env.UPDATE_GOLDEN === "1" || !existsSync(file)) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  expect(actual, `${file} differs: review, then UPDATE_GOLDEN=1 to accept`).toBe(readFileSync(file, "utf8"));
}

/** The chart's root <svg>, parsed. */
export function parse(svg: string): Element {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  const root = document.querySelector("svg");
  if (!root) throw new Error("no <svg>");
  return root;
}
