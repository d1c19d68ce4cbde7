// Writes a synthetic benchmark corpus of township reports (scripts/bench/synthetic/):
//
//   npx tsx scripts/bench/generate-corpus.ts --n 40000 [--seed 42] [--out DIR] [--force]
//   npx tsx scripts/bench/generate-corpus.ts --mb 110          # reports until ≥ 110 MB of text
//   npx tsx scripts/bench/generate-corpus.ts --n 100 --within 140423 --years 2021-2025
//                                     # one county's site: its townships, each every year of the range
//   (--within takes a 2-, 4- or 6-digit code: a province, city or county; --years works without it too)
//
// Default DIR: .cache/bench/corpus-N/ (or corpus-110mb/; git-ignored). The reports go to
// DIR/reports/ (the folder for FZZL_REPORTS_DIR); the same seed gives byte-identical files. Beside
// them, DIR/truth.json (the figures each report was written with) and DIR/manifest.json (size, time). A matching corpus already in DIR is reused unless
// --force. Never writes into data/reports/.
import { parseArgs } from "node:util";
import { DEFAULT_SEED, ensureCorpus } from "./corpus.ts";

function main(): number {
  const { values } = parseArgs({
    options: {
      n: { type: "string" },
      mb: { type: "string" },
      seed: { type: "string", default: DEFAULT_SEED },
      within: { type: "string" },
      years: { type: "string" },
      out: { type: "string" },
      force: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help || (values.n === undefined) === (values.mb === undefined)) {
    process.stderr.write("usage: generate-corpus.ts (--n REPORTS | --mb MEGABYTES) [--within REGION-CODE] [--years YYYY-YYYY] [--seed 42] [--out DIR] [--force]\n");
    return values.help ? 0 : 2;
  }
  const n = values.n !== undefined ? Number(values.n) : undefined;
  const mb = values.mb !== undefined ? Number(values.mb) : undefined;
  if ((n !== undefined && !(Number.isInteger(n) && n > 0)) || (mb !== undefined && !(mb > 0))) {
    process.stderr.write("--n must be a positive integer, --mb a positive number\n");
    return 2;
  }
  const { dir, manifest } = ensureCorpus(
    { n, mb, seed: values.seed, ...(values.within ? { within: values.within } : {}), ...(values.years ? { years: values.years } : {}) },
    { out: values.out, force: values.force, log: (l) => process.stderr.write(l + "\n") },
  );
  process.stdout.write(JSON.stringify({ dir, ...manifest }) + "\n");
  return 0;
}

process.exitCode = main();
