// The site's data: one entry per report, written by `npm run extract` (scripts/extract.ts)
// and validated here with the same schema the script validates it with.
import { existsSync, readFileSync } from "node:fs";
import { defineCollection } from "astro:content";
import { reportSchema } from "./lib/schema.ts";

// FZZL_OUT: the same override as scripts/extract.ts, so that a test can build a site of other data
const DATA = process.env.FZZL_OUT ?? "src/generated/reports.json";

const reports = defineCollection({
  loader: () => {
    if (!existsSync(DATA)) {
      console.warn(`${DATA} is missing: run \`npm run extract\` (npm run build does) to read data/reports/.`);
      return [];
    }
    return JSON.parse(readFileSync(DATA, "utf8")).reports;
  },
  schema: reportSchema,
});

export const collections = { reports };
