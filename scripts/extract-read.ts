// One report file read and extracted, in the main thread or a worker: its record, and the content
// key of the very bytes it was extracted from (null when the file could not be read).
import { readFileSync } from "node:fs";
import { extractBytes, type ExtractedReport } from "../src/lib/extract/extract.ts";
import { toIndexRecord } from "../src/lib/site/generated.ts";
import { reportSchema } from "../src/lib/site/schema.ts";
import { contentKey, summaryOf, type Summary } from "./extract-cache.ts";

/** Plain text, which extractFile hands to extractBytes as it is (tests/extract-cache.test.ts checks it). */
const PLAIN_TEXT = /\.(txt|text)$/i;

/**
 * extractFile, loaded only for files other than plain text: its document readers (linkedom, for
 * .docx and .html) take about half a second to load, more than extracting a report takes.
 */
async function extract(label: string, bytes: Uint8Array): Promise<ExtractedReport> {
  if (PLAIN_TEXT.test(label)) return extractBytes(label, bytes);
  const { extractFile } = await import("../src/lib/extract/extractFile.ts");
  return extractFile(label, bytes);
}

export interface ReadReport {
  key: string | null;
  record: ExtractedReport;
}

export async function readReport(path: string, label: string): Promise<ReadReport> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const rec = await extract(label, new Uint8Array());
    return { key: null, record: { ...rec, errors: [`${label}: cannot be read (${err.code ?? err.message})`] } };
  }
  return { key: contentKey(label, bytes), record: await extract(label, bytes) };
}

/** A report extracted for the index: its record's JSON and summary, and its text (for reports-texts/). */
export interface IndexEntry {
  key: string | null;
  json: string;
  summary: Summary;
  text: string;
}

export async function indexEntry(path: string, label: string): Promise<IndexEntry> {
  const { key, record: rec } = await readReport(path, label);
  const { id: _id, ...record } = toIndexRecord(rec, "-");
  // validated once, when extracted; the cache holds only valid records
  const checked = reportSchema.safeParse({ ...record, id: "-" });
  if (!checked.success) record.errors.push(`${label}: invalid record: ${checked.error.issues.map((i) => i.message).join("; ")}`);
  return { key, json: JSON.stringify(record), summary: summaryOf(record), text: rec.text };
}
