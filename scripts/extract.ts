// npm run extract                 → reads data/reports/*, writes src/generated/reports.json for the site
// npm run --silent extract -- F…  → prints {"reports": [...]} for those files (the evaluation contract)
// Exit code 1 when any file had an error; every other file is still extracted.
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { toContractRecord, type ExtractedReport } from "../src/lib/extract.ts";
import { extractFile } from "../src/lib/extractFile.ts";
import { generatedSchema, type GeneratedData } from "../src/lib/schema.ts";
import { uniqueSlugs } from "../src/lib/slug.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
// overridable for tests and for sites kept elsewhere
const REPORTS_DIR = resolve(process.env.FZZL_REPORTS_DIR ?? join(root, "data", "reports"));
const OUT = resolve(process.env.FZZL_OUT ?? join(root, "src", "generated", "reports.json"));

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

  const names = readdirSync(REPORTS_DIR)
    .filter((n) => !n.startsWith(".") && statSync(join(REPORTS_DIR, n)).isFile())
    .sort();
  const records: ExtractedReport[] = [];
  for (const name of names) {
    const label = relative(root, join(REPORTS_DIR, name));
    records.push(await readReport(join(REPORTS_DIR, name), label));
  }
  const ids = uniqueSlugs(records);
  const data: GeneratedData = generatedSchema.parse({ generatedFrom: "data/reports", reports: records.map((r, i) => ({ id: ids[i], ...r })) });
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify(data));

  let failed = 0;
  for (const r of records) {
    for (const w of r.warnings) console.error(`warning: ${w}`);
    for (const e of r.errors) console.error(`error: ${e}`);
    if (r.errors.length) failed++;
  }
  console.error(`extracted ${records.length} report(s) → ${relative(root, OUT)}${failed ? `; ${failed} with errors` : ""}`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
