// The seed reports (tests/fixtures/reports/seeds) run through the real extractor into index records,
// as the site reads them; with each one's normalised text by report id.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { extractBytes } from "../src/lib/extract/extract.ts";
import { toIndexRecord } from "../src/lib/site/generated.ts";
import { reportSchema, type SiteReport } from "../src/lib/site/schema.ts";
import { uniqueSlugs } from "../src/lib/site/slug.ts";

export const SEEDS = join(import.meta.dirname, "fixtures", "reports", "seeds");

export function seedRecords(): { reports: SiteReport[]; texts: Map<string, string> } {
  const records = readdirSync(SEEDS)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => extractBytes(f, readFileSync(join(SEEDS, f))));
  const ids = uniqueSlugs(records);
  const texts = new Map(records.map((r, i) => [ids[i]!, r.text]));
  return { reports: records.map((r, i) => reportSchema.parse(toIndexRecord(r, ids[i]!))), texts };
}
