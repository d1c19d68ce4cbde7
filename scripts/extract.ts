// npm run extract                 → reads data/reports/*, writes src/generated/reports.json for the site
// npm run --silent extract -- F…  → prints {"reports": [...]} for those files (the evaluation contract)
// Exit code 1 when any file had an error; every other file is still extracted.
// Site mode also checks for duplicate township-years and applies data/corrections.csv
// (FZZL_CORRECTIONS); a bad correction row is an error too. The FILE… output is never corrected.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { duplicateErrors } from "../src/lib/checks.ts";
import { correctRecords } from "../src/lib/corrections.ts";
import { toContractRecord, type ExtractedReport } from "../src/lib/extract.ts";
import { extractFile } from "../src/lib/extractFile.ts";
import { createProgress } from "../src/lib/progress.ts";
import { generatedSchema, type GeneratedData } from "../src/lib/schema.ts";
import { uniqueSlugs } from "../src/lib/slug.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
// overridable for tests and for sites kept elsewhere
const REPORTS_DIR = resolve(process.env.FZZL_REPORTS_DIR ?? join(root, "data", "reports"));
const OUT = resolve(process.env.FZZL_OUT ?? join(root, "src", "generated", "reports.json"));
const CORRECTIONS = resolve(process.env.FZZL_CORRECTIONS ?? join(root, "data", "corrections.csv"));

/** How messages name a file: relative to the project when inside it, else its absolute path. */
function labelOf(path: string): string {
  const rel = relative(root, path);
  return rel && rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel) ? rel : path;
}

async function readReport(path: string, label: string): Promise<ExtractedReport> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const rec = await extractFile(label, new Uint8Array());
    return { ...rec, errors: [`${label}: cannot be read (${err.code ?? err.message})`] };
  }
  return extractFile(label, bytes);
}

async function main(argv: string[]): Promise<number> {
  if (argv.length > 0) {
    const records: ExtractedReport[] = [];
    for (const f of argv) records.push(await readReport(resolve(f), f));
    process.stdout.write(JSON.stringify({ reports: records.map(toContractRecord) }) + "\n");
    return records.some((r) => r.errors.length > 0) ? 1 : 0;
  }

  const files = readdirSync(REPORTS_DIR).filter((n) => statSync(join(REPORTS_DIR, n)).isFile());
  // hidden files (.DS_Store, .gitkeep, ..report.txt) are not read; said, so no report vanishes unnoticed
  const hidden = files.filter((n) => n.startsWith(".") && n !== ".gitkeep" && n !== ".DS_Store");
  if (hidden.length > 0) console.error(`note: skipped ${hidden.length} hidden file(s) (name starts with "."): ${hidden.join(", ")}`);
  const names = files.filter((n) => !n.startsWith(".")).sort();
  const progress = createProgress({
    total: names.length,
    write: (s) => process.stderr.write(s),
    isTTY: process.stderr.isTTY === true,
    env: process.env,
    columns: process.stderr.columns,
  });
  let records: ExtractedReport[] = [];
  for (const name of names) {
    records.push(await readReport(join(REPORTS_DIR, name), labelOf(join(REPORTS_DIR, name))));
    progress.tick(name);
  }
  progress.done();

  // across reports: two reports of one township-year are an error on both
  duplicateErrors(records).forEach((errs, i) => records[i]!.errors.push(...errs));

  // hand corrections over the extracted figures (never in the FILE... output above)
  let correctionErrors: string[] = [];
  let applied: string[] = [];
  if (existsSync(CORRECTIONS)) {
    const res = correctRecords(readFileSync(CORRECTIONS, "utf8"), records, labelOf(CORRECTIONS));
    records = res.records;
    correctionErrors = res.errors;
    applied = res.applied;
  }

  const ids = uniqueSlugs(records);
  const data: GeneratedData = generatedSchema.parse({ generatedFrom: "data/reports", reports: records.map((r, i) => ({ id: ids[i], ...r })) });
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify(data));

  for (const r of records) for (const w of r.warnings) console.error(`warning: ${w}`);
  for (const a of applied) console.error(`corrected: ${a}`);
  const failed = records.filter((r) => r.errors.length > 0);
  // (a duplicate's error is on each of its reports: listed once)
  const errors = [...new Set([...failed.flatMap((r) => r.errors), ...correctionErrors])];
  if (errors.length > 0) {
    console.error(`\n${errors.length} error(s); the site is not built until they are fixed:`);
    for (const e of errors) console.error(`  ${e}`);
    console.error("");
  }
  const notes = [
    failed.length ? `${failed.length} with errors` : "",
    correctionErrors.length ? `${correctionErrors.length} bad correction(s) in ${labelOf(CORRECTIONS)}` : "",
    applied.length ? `${applied.length} correction(s) applied` : "",
  ].filter(Boolean);
  console.error(`extracted ${records.length} report(s) → ${labelOf(OUT)}${notes.length ? `; ${notes.join(", ")}` : ""}`);
  return errors.length > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
