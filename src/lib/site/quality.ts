// The data-quality page's view (src/pages/quality.astro): per report its errors, warnings and hand
// corrections, each message with a Chinese kind. Pure, no Astro imports (tested directly).
import { formatFigure } from "./format.ts";
import { indicatorSpec } from "../extract/indicators.ts";
import type { SiteReport } from "./schema.ts";
import type { Correction } from "../extract/types.ts";

/** A report has a profile page when there is text to show (an unreadable file has none). */
export function hasProfile(r: Pick<SiteReport, "textKey">): boolean {
  return r.textKey !== null;
}

export type IssueKind = "unreadable" | "duplicate" | "township" | "year" | "region" | "contradiction" | "other";

export const ISSUE_KIND_ZH: Record<IssueKind, string> = {
  unreadable: "无法读取",
  duplicate: "重复报告",
  township: "未找到乡镇",
  year: "年度",
  region: "地区未确定",
  contradiction: "数字矛盾",
  other: "其他",
};

const KIND_PATTERNS: [IssueKind, RegExp][] = [
  ["duplicate", /\b(both|all) report\b/],
  ["contradiction", /exceeds|above 100%|parts \(其中\)/],
  ["region", /ambiguous|not found in the national division list|candidates/i],
  ["township", /no township/],
  ["year", /\byear\b/],
  ["unreadable", /empty|binary|cannot be read|unsupported|not a valid|not a readable|invalid|password|too long|encoding|extraction failed/i],
];

export function issueKind(message: string): IssueKind {
  return KIND_PATTERNS.find(([, re]) => re.test(message))?.[0] ?? "other";
}

export interface Issue {
  kind: IssueKind;
  kindZh: string;
  /** the message without its leading "FILE: " (the page names the file already) */
  text: string;
}

export interface CorrectionItem {
  indicator: string;
  label: string;
  /** the figure shown, "160 件" */
  shown: string;
  /** what the program read, "152 件", or 未读到 */
  extracted: string;
  reason: string;
  who: string;
  date: string;
  source: string;
  /** corrected (人工校正) or verified (已核实: checked, as read) */
  status: "corrected" | "verified";
}

export interface QualityEntry {
  id: string;
  file: string;
  /** 王村镇 2024年, or the file's name */
  label: string;
  profile: boolean;
  errors: Issue[];
  warnings: Issue[];
  corrections: CorrectionItem[];
}

function issue(file: string, message: string, unreadable = false): Issue {
  // judged without the file's name (a file may be called "empty year.txt")
  let kind = issueKind(message.split(file).join(" "));
  const text = message.startsWith(`${file}: `)
    ? message.slice(file.length + 2)
    : kind !== "duplicate" && message.startsWith(`${file} `)
      ? message.slice(file.length + 1)
      : message;
  // a file with no text to show: its errors say why it could not be read (unless a duplicate)
  if (unreadable && kind !== "duplicate") kind = "unreadable";
  return { kind, kindZh: ISSUE_KIND_ZH[kind], text };
}

export const NOT_READ = "未读到";

export function extractedText(c: Correction, unit: string): string {
  return c.extractedValue === null ? NOT_READ : formatFigure(c.extractedValue, c.extractedQualifier ?? "exact", unit);
}

/** One line for a figure settled by hand: the 校正说明 of the downloads. */
export function correctionNote(c: Correction, unit: string): string {
  if (c.status === "verified") return `已核实：${c.reason}（${c.who}，${c.date}）`;
  return `人工校正：${c.reason}（${c.who}，${c.date}）；程序读取：${extractedText(c, unit)}`;
}

/** Every report, with what the page says about it (reports with nothing to say have empty lists). */
export function qualityEntries(reports: readonly SiteReport[]): QualityEntry[] {
  return reports.map((r) => ({
    id: r.id,
    file: r.file,
    label: `${r.township ?? r.file}${r.year ? ` ${r.year}年` : ""}`,
    profile: hasProfile(r),
    errors: r.errors.map((e) => issue(r.file, e, !hasProfile(r))),
    warnings: r.warnings.map((w) => issue(r.file, w)),
    corrections: Object.entries(r.indicators).flatMap(([id, t]) => {
      if (!t.corrected) return [];
      const spec = indicatorSpec(id);
      const unit = spec?.unit ?? "";
      const c = t.corrected;
      return [{ indicator: id, label: spec?.label_zh ?? id, shown: formatFigure(c.value, c.qualifier, unit), extracted: extractedText(c, unit), reason: c.reason, who: c.who, date: c.date, source: c.source, status: c.status ?? "corrected" }];
    }),
  }));
}

export interface QualitySummary {
  reports: number;
  withErrors: QualityEntry[];
  withWarnings: QualityEntry[];
  corrected: QualityEntry[];
  clean: number;
}

/** The page's three lists, each by file name. */
export function qualitySummary(reports: readonly SiteReport[]): QualitySummary {
  const entries = qualityEntries(reports).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return {
    reports: entries.length,
    withErrors: entries.filter((e) => e.errors.length > 0),
    withWarnings: entries.filter((e) => e.warnings.length > 0),
    corrected: entries.filter((e) => e.corrections.length > 0),
    clean: entries.filter((e) => e.errors.length === 0 && e.warnings.length === 0).length,
  };
}
