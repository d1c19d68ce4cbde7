// The definitions of spec/indicators.md §4 — what each indicator counts and what it does not —
// read from its English tables, so that tests can hold the Chinese texts of spec/indicators.json
// (what the pages show, see definitions.ts) against the contract itself.
import type { IndicatorDefinition } from "./definitions.ts";

/** Rows of the form | `id` | 中文 | unit | counts | not | */
export function parseDefinitions(markdown: string): Map<string, IndicatorDefinition> {
  const out = new Map<string, IndicatorDefinition>();
  for (const line of markdown.split("\n")) {
    const m = /^\|\s*`([a-z_]+)`\s*\|([^|]*)\|([^|]*)\|([^|]*)\|([^|]*)\|\s*$/.exec(line);
    if (!m) continue;
    out.set(m[1]!, { id: m[1]!, counts: clean(m[4]!), not: clean(m[5]!) });
  }
  return out;
}

/** Markdown code spans and arrows made readable as plain text. */
function clean(cell: string): string {
  return cell.trim().replace(/`/g, "").replace(/\(→\s*([a-z_]+)\)/g, "（另计）");
}
