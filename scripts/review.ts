// npm run --silent review [-- --county CODE] [--out FILE]: the review list (src/lib/site/review.ts)
// as CSV, UTF-8 with BOM: the columns of data/corrections.csv first (filled in but for reason, who
// and date), then the sentence and what to check. Reads the index the last build wrote (FZZL_OUT,
// else src/generated/reports.json). A county fills the rows in a spreadsheet and appends them to
// data/corrections.csv (docs/review.md).
import { existsSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { reviewCsv, reviewItems, reviewTree } from "../src/lib/site/review.ts";
import { indexPath, readIndexFile } from "../src/lib/site/siteData.ts";

function main(argv: string[]): number {
  let args;
  try {
    args = parseArgs({ args: argv, options: { county: { type: "string" }, out: { type: "string" } }, allowPositionals: false }).values;
  } catch (e) {
    console.error(`review: ${(e as Error).message}\nusage: npm run --silent review [-- --county CODE] [--out FILE]`);
    return 2;
  }
  const path = indexPath();
  if (!existsSync(path)) {
    console.error(`review: ${path} is missing: run \`npm run build\` (or \`npm run extract\`) first`);
    return 1;
  }
  let tree;
  try {
    tree = reviewTree(readIndexFile(path));
  } catch (e) {
    console.error(`review: ${(e as Error).message}`);
    return 1;
  }
  const county = args.county?.trim();
  if (county !== undefined && !/^(?:\d{6}|unknown)$/.test(county)) {
    console.error(`review: --county "${county}" is not a 6-digit county code (the first 6 digits of a township's code) or "unknown"`);
    return 2;
  }
  const counties = tree.flatMap((p) => p.counties).filter((c) => county === undefined || c.code === county);
  const items = reviewItems(tree).filter((i) => county === undefined || i.countyCode === county);
  const csv = reviewCsv(items);
  if (args.out) {
    writeFileSync(args.out, csv);
    console.error(`review: ${items.length} item(s) in ${counties.length} county(ies) → ${args.out}`);
  } else process.stdout.write(csv);
  if (county !== undefined && counties.length === 0) console.error(`review: nothing to check in county ${county}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
