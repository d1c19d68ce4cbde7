// Hand corrections of extracted figures: data/corrections.csv, applied over the extracted records
// in the build step (scripts/extract.ts), never in the evaluation contract's output. Pure: the CSV's
// text in, corrected copies of the records and errors naming `FILE:LINE` out.
//
// Columns (English or Chinese header names, in any order):
//   code     区划代码  the township's 9-digit national code   } one of the two per row; with both,
//   township 乡镇      the township's name (镇/乡/街道)          } the code decides and the name must agree
//   year       年度    the year the report covers
//   indicator  指标    an indicator id (disputes_handled) or its Chinese label
//   value      数值    the corrected figure, a number ≥ 0 (a rate ≤ 100)
//   qualifier  限定    exact/at_least/at_most/approx or 确数/不少于/不多于/约; empty = exact (column optional)
//   reason     原因    why (required)
//   who        校正人  who corrected it (required)
//   date       日期    when, YYYY-MM-DD (required)
//   status     状态    empty or 已校正/corrected: the value replaces the figure read; 已核实/verified:
//                      the figure was checked and is right as read (value empty or the same as read,
//                      qualifier empty or the same) (column optional)
//   sentence   原文    } what the review list (npm run review, /review/) adds after the columns
//   note       核实事项 } above: informational, ignored (columns optional)
import Papa from "papaparse";
import { contradictions } from "../extract/checks.js";
import { INDICATORS, indicatorSpec, isRate } from "../extract/indicators.js";
import type { Correction, IndicatorTotal, Qualifier } from "../extract/types.js";

export const CORRECTIONS_FILE = "data/corrections.csv";

type Field = "code" | "township" | "year" | "indicator" | "value" | "qualifier" | "reason" | "who" | "date" | "status" | "sentence" | "note";

/** Header names accepted for each field (compared trimmed, case-insensitive). */
export const CORRECTION_HEADERS: Record<Field, string[]> = {
  code: ["code", "区划代码", "代码"],
  township: ["township", "乡镇", "乡镇（街道）", "乡镇(街道)"],
  year: ["year", "年度", "年份"],
  indicator: ["indicator", "指标", "指标代码"],
  value: ["value", "数值", "校正值"],
  qualifier: ["qualifier", "限定", "限定符"],
  reason: ["reason", "原因", "校正原因"],
  who: ["who", "校正人", "经办人"],
  date: ["date", "日期", "校正日期"],
  status: ["status", "状态", "核实状态"],
  sentence: ["sentence", "原文"],
  note: ["note", "核实事项", "说明"],
};

export type CorrectionStatus = "corrected" | "verified";

/** Words of the status column (compared trimmed, case-insensitive); empty = corrected. */
export const STATUS_WORDS: Record<string, CorrectionStatus> = {
  "": "corrected",
  corrected: "corrected",
  已校正: "corrected",
  verified: "verified",
  已核实: "verified",
};
const REQUIRED: Field[] = ["year", "indicator", "value", "reason", "who", "date"];

const QUALIFIERS: Record<string, Qualifier> = {
  exact: "exact",
  at_least: "at_least",
  at_most: "at_most",
  approx: "approx",
  确数: "exact",
  不少于: "at_least",
  不多于: "at_most",
  约: "approx",
};

export interface CorrectionRow {
  /** 1-based line of the row in the file */
  line: number;
  code: string | null;
  township: string | null;
  year: number;
  indicator: string;
  /** null only on a confirming row that leaves the value empty (the figure as read) */
  value: number | null;
  /** null only on a confirming row that leaves the qualifier empty */
  qualifier: Qualifier | null;
  reason: string;
  who: string;
  date: string;
  status: CorrectionStatus;
}

export interface ParsedCorrections {
  rows: CorrectionRow[];
  errors: string[];
}

function fieldOf(header: string): Field | null {
  const h = header.trim().toLowerCase();
  for (const [f, names] of Object.entries(CORRECTION_HEADERS) as [Field, string[]][]) {
    if (names.some((n) => n.toLowerCase() === h)) return f;
  }
  return null;
}

function validDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

const BY_LABEL = new Map(INDICATORS.map((i) => [i.label_zh, i.id]));

/** Reads the CSV's text (UTF-8, with or without BOM). Rows with an error are left out and listed. */
export function parseCorrections(input: string, source = CORRECTIONS_FILE): ParsedCorrections {
  const text = input.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const errors: string[] = [];
  const raw: { line: number; cells: string[] }[] = [];
  let prev = 0;
  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    step: (r) => {
      const start = prev;
      prev = r.meta.cursor;
      const cells = r.data.map((c) => (c ?? "").trim());
      if (cells.every((c) => c === "")) return;
      let line = 1;
      for (let i = 0; i < start; i++) if (text.charCodeAt(i) === 10) line++;
      raw.push({ line, cells });
      for (const e of r.errors) errors.push(`${source}:${line}: ${e.message}`);
    },
  });
  const [header, ...body] = raw;
  if (!header) return { rows: [], errors }; // an empty file corrects nothing
  const columns: (Field | null)[] = header.cells.map(fieldOf);
  header.cells.forEach((h, i) => {
    if (columns[i] === null) errors.push(`${source}:${header.line}: unknown column "${h}" (expected: ${Object.keys(CORRECTION_HEADERS).join(", ")})`);
  });
  const seen = new Set<Field>();
  columns.forEach((f, i) => {
    if (f && seen.has(f)) errors.push(`${source}:${header.line}: column ${f} appears twice ("${header.cells[i]}")`);
    if (f) seen.add(f);
  });
  const missing = REQUIRED.filter((f) => !seen.has(f));
  if (!seen.has("code") && !seen.has("township")) missing.unshift("code");
  if (missing.length > 0) {
    errors.push(`${source}:${header.line}: missing column(s): ${missing.map((f) => (f === "code" ? "code or township" : f)).join(", ")}`);
    return { rows: [], errors };
  }

  const rows: CorrectionRow[] = [];
  for (const { line, cells } of body) {
    const get = (f: Field) => {
      const i = columns.indexOf(f);
      return i >= 0 ? (cells[i] ?? "") : "";
    };
    const problems: string[] = [];
    if (cells.length > columns.length && cells.slice(columns.length).some((c) => c !== "")) problems.push(`${cells.length} cells but ${columns.length} columns`);
    const code = get("code") || null;
    const township = get("township") || null;
    if (!code && !township) problems.push("no township: give its code or name");
    if (code && !/^\d{9}$/.test(code)) problems.push(`code "${code}" is not a 9-digit township code`);
    const yearText = get("year");
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    if (!(year >= 1990 && year <= 2100)) problems.push(`year "${yearText}" is not a year`);
    const indText = get("indicator");
    const indicator = indicatorSpec(indText) ? indText : (BY_LABEL.get(indText) ?? null);
    if (!indicator) problems.push(`unknown indicator "${indText}" (see spec/indicators.md)`);
    const statusText = get("status");
    const status = STATUS_WORDS[statusText.toLowerCase()];
    if (!status) problems.push(`status "${statusText}" is not 已核实/verified or 已校正/corrected (empty: corrected)`);
    const confirming = status === "verified";
    const valueText = get("value").replace(/[,，]/g, "");
    const value = confirming && valueText === "" ? null : /^(?:\d+(?:\.\d+)?|\.\d+)$/.test(valueText) ? Number(valueText) : NaN;
    if (value !== null && !Number.isFinite(value)) problems.push(`value "${get("value")}" is not a number ≥ 0`);
    else if (value !== null && indicator && isRate(indicator) && value > 100) problems.push(`value ${value} is above 100 for a rate (%)`);
    const qText = get("qualifier");
    const qualifier = qText === "" ? (confirming ? null : "exact") : QUALIFIERS[qText.toLowerCase()];
    if (qualifier === undefined) problems.push(`qualifier "${qText}" is not one of exact, at_least, at_most, approx (确数, 不少于, 不多于, 约)`);
    const reason = get("reason");
    if (!reason) problems.push("no reason given");
    const who = get("who");
    if (!who) problems.push("no who (校正人) given");
    const date = get("date");
    if (!validDate(date)) problems.push(date ? `date "${date}" is not a date (YYYY-MM-DD)` : "no date given");
    if (problems.length > 0 || !indicator || qualifier === undefined || !status) {
      errors.push(`${source}:${line}: ${problems.join("; ")}`);
      continue;
    }
    rows.push({ line, code, township, year, indicator, value, qualifier, reason, who, date, status });
  }
  return { rows, errors };
}

export interface CorrectionTarget {
  file: string;
  township: string | null;
  code: string | null;
  year: number | null;
  indicators: Record<string, IndicatorTotal>;
  warnings: string[];
}

export interface AppliedCorrections<R> {
  /** the records, corrected (copies where changed; the input is not modified) */
  records: R[];
  errors: string[];
  /** one line per correction applied: "FILE: indicator 152 → 160 (data/corrections.csv:2)" */
  applied: string[];
}

function describe(row: CorrectionRow): string {
  return `${row.township ?? row.code}${row.township && row.code ? ` (${row.code})` : ""} ${row.year}`;
}

/** Applies parsed rows to the records; a row that matches no report (or several) is an error. */
export function applyCorrections<R extends CorrectionTarget>(records: readonly R[], rows: readonly CorrectionRow[], source = CORRECTIONS_FILE): AppliedCorrections<R> {
  const out = [...records];
  const errors: string[] = [];
  const applied: string[] = [];
  const done = new Map<string, number>();
  for (const row of rows) {
    const at = `${source}:${row.line}`;
    const matches = records
      .map((r, i) => ({ r, i }))
      .filter(({ r }) => r.year === row.year && (row.code ? r.code === row.code : r.township === row.township));
    if (matches.length === 0) {
      errors.push(`${at}: no report of ${describe(row)}`);
      continue;
    }
    if (matches.length > 1) {
      const how = row.code ? "" : "; give the township's code";
      errors.push(`${at}: ${matches.length} reports of ${describe(row)} (${matches.map(({ r }) => r.file).join(", ")})${how}`);
      continue;
    }
    const { r, i } = matches[0]!;
    if (row.code && row.township && r.township !== row.township) {
      errors.push(`${at}: code ${row.code} is ${r.township ?? "a report without township"}, not ${row.township}`);
      continue;
    }
    const key = `${i}:${row.indicator}`;
    const earlier = done.get(key);
    if (earlier !== undefined) {
      errors.push(`${at}: ${row.indicator} of ${describe(row)} is already corrected on line ${earlier}`);
      continue;
    }
    const current = out[i]!;
    const before = current.indicators[row.indicator];
    const wrong = row.status === "verified" ? confirmationProblem(row, before) : null;
    if (wrong) {
      errors.push(`${at}: ${wrong}`);
      continue;
    }
    done.set(key, row.line);
    const value = row.value ?? before!.value;
    const qualifier = row.qualifier ?? before?.qualifier ?? "exact";
    const correction: Correction = {
      value,
      qualifier,
      reason: row.reason,
      who: row.who,
      date: row.date,
      extractedValue: before?.value ?? null,
      extractedQualifier: before?.qualifier ?? null,
      source: at,
      status: row.status,
    };
    const total: IndicatorTotal = { value, qualifier, mentions: before?.mentions ?? [], corrected: correction };
    out[i] = { ...current, indicators: sortedIndicators({ ...current.indicators, [row.indicator]: total }) };
    applied.push(
      row.status === "verified"
        ? `${r.file}: ${row.indicator} ${value} verified (${at})`
        : `${r.file}: ${row.indicator} ${before ? before.value : "(not read)"} → ${value} (${at})`,
    );
  }
  // contradictions are judged again on the corrected figures (a correction may settle one)
  for (const i of new Set([...done.keys()].map((k) => Number(k.split(":")[0])))) {
    const before = records[i]!;
    const after = out[i]!;
    const stale = new Set(contradictions(before.file, before.indicators));
    out[i] = { ...after, warnings: [...after.warnings.filter((w) => !stale.has(w)), ...contradictions(after.file, after.indicators)] };
  }
  return { records: out, errors, applied };
}

/** Why a confirming row cannot confirm the figure read (null: it can). */
function confirmationProblem(row: CorrectionRow, before: IndicatorTotal | undefined): string | null {
  if (!before) return `status verified, but no ${row.indicator} figure was read in this report: nothing to confirm (leave status empty to add the figure)`;
  if (row.value !== null && row.value !== before.value)
    return `status verified, but value ${row.value} is not the figure read (${before.value}): leave status empty to correct it, or give ${before.value}`;
  if (row.qualifier !== null && row.qualifier !== before.qualifier)
    return `status verified, but qualifier ${row.qualifier} is not the one read (${before.qualifier}): leave status empty to correct it`;
  return null;
}

function sortedIndicators(ind: Record<string, IndicatorTotal>): Record<string, IndicatorTotal> {
  return Object.fromEntries(Object.entries(ind).sort(([a], [b]) => a.localeCompare(b)));
}

/** parseCorrections + applyCorrections: the build step's one call. */
export function correctRecords<R extends CorrectionTarget>(csvText: string, records: readonly R[], source = CORRECTIONS_FILE): AppliedCorrections<R> {
  const parsed = parseCorrections(csvText, source);
  const res = applyCorrections(records, parsed.rows, source);
  return { ...res, errors: [...parsed.errors, ...res.errors] };
}
