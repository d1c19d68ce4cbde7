// Report metadata: township, the year covered (not the year published), title, report date and
// issuing body (spec §1). Works on the simplified `match` view of the normalised text.
import { findTownshipNames, fullTownshipName, isKnownTownship, isPartOfUnitName } from "./gazetteer.js";
import type { NameMatch } from "./nameIndex.js";
import { parseChineseNumeral } from "./numbers.js";

export interface ReportMetadata {
  township: string | null;
  year: number | null;
  title: string | null;
  /** ISO date (YYYY-MM-DD) the report was signed or published, when the text gives one */
  reportDate: string | null;
  issuer: string | null;
  /** how the year was found, for warnings */
  yearSource: "title" | "statement" | "opening" | "heading" | "publication" | null;
}

const CHROME_LINE = /当前位置|您的位置|首页|>|»|\||热门搜索|无障碍|字体|浏览次数|访问次数|分享/;
const HEAD_CHARS = 1500;

type OpeningLine = { line: string; start: number };

/** Lines of the opening that are not page chrome. */
function openingLines(text: string): OpeningLine[] {
  const out: OpeningLine[] = [];
  let pos = 0;
  while (pos < Math.min(text.length, HEAD_CHARS)) {
    let end = text.indexOf("\n", pos);
    if (end < 0) end = text.length;
    const line = text.slice(pos, end);
    if (line.trim() && !CHROME_LINE.test(line)) out.push({ line, start: pos });
    pos = end + 1;
  }
  return out;
}

const TITLE_WORDS = /(?:法治|依法|法制)[^。]{0,24}?(?:报告|总结|情况)/;

/** `lines`: openingLines(text), when already read. */
export function findTitle(text: string, lines: readonly OpeningLine[] = openingLines(text)): string | null {
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!.line.trim();
    // a title broken over two lines: 襄垣县王村镇关于2024年法治政府 / 建设情况的报告
    const next = lines[i + 1]?.line.trim() ?? "";
    if (!/报告|总结/.test(line) && /报告|总结/.test(next) && line.length + next.length <= 60) line += next;
    // page fields glued before the title (发文时间:2026年01月28日• 标  题:…) are cut off
    const lastLabel = Math.max(line.lastIndexOf(":"), line.lastIndexOf("："), line.lastIndexOf("•"));
    if (lastLabel >= 0 && TITLE_WORDS.test(line.slice(lastLabel + 1))) line = line.slice(lastLabel + 1);
    line = line.replace(/^[\s•·\-–—]+/, "").trim();
    if (line.length <= 70 && TITLE_WORDS.test(line) && !/[。]$/.test(line) && !/^《/.test(line)) return line;
  }
  return null;
}

/** Offsets of 《…》 titles: a year inside a cited document's name is not the report's year. */
function insideBookTitle(text: string, i: number): boolean {
  const open = text.lastIndexOf("《", i);
  return open >= 0 && text.lastIndexOf("》", i) < open;
}

/** A year as reports write it: 2024, or digit by digit 二〇二四 (also with ○ or 零 for the zero). */
const YEAR = String.raw`(20\d\d|二[〇零○][〇零○一二三四五六七八九]{2})`;

function yearValue(written: string): number {
  return /^\d/.test(written) ? Number(written) : parseChineseNumeral(written.replace(/○/g, "〇"));
}

const YEAR_IN_TITLE = new RegExp(String.raw`${YEAR}\s*年`);

/** A heading line's mark: 一、 (一) 1. 第一部分 */
const HEADING_MARK = String.raw`(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）]|\d{1,2}[、.．]|第[一二三四五六七八九十]+部分[:：、]?)`;

/**
 * Where the opening states the year the report covers, strongest first (after the title): the
 * first match of a row outside a cited document's 《title》 gives the year. One row a wording.
 */
export const YEAR_CUES: { source: NonNullable<ReportMetadata["yearSource"]>; pattern: RegExp }[] = [
  // 现将我镇2023年度法治政府建设工作开展情况汇报如下; 现对2023年所做工作总结如下
  { source: "statement", pattern: new RegExp(String.raw`(?:现将|现对|现就|现把|特将|下面将|下面就)[^。]{0,24}?${YEAR}\s*年`, "g") },
  // 2023年法治政府建设…报告 in running text
  { source: "title", pattern: new RegExp(String.raw`${YEAR}\s*年度?${TITLE_WORDS.source}`, "g") },
  // a report that opens with its year: 2023年，长寿镇党委、政府坚持……
  { source: "opening", pattern: new RegExp(String.raw`(?:^|\n)[ \t]*${YEAR}\s*年(?![0-9]{1,2}月)`, "g") },
  // its first heading: 一、2025年主要工作及成效 (not a plan's: 三、2026年工作计划)
  {
    source: "heading",
    pattern: new RegExp(String.raw`(?:^|\n)[ \t]*${HEADING_MARK}[ \t]*${YEAR}\s*年度?(?![0-9]{1,2}月)(?![^\n]{0,16}(?:计划|打算|思路|安排|展望|目标|任务))`, "g"),
  },
  // the year as the opening sentence's time: …的具体部署，2023年，清波街道…; 关键。2024年，巨野河街道…
  { source: "opening", pattern: new RegExp(String.raw`(?:^|[。；;，,：:])[ \t]*${YEAR}\s*年度?(?:以来)?[，,]`, "g") },
];

export function findYear(text: string, title: string | null): { year: number | null; source: ReportMetadata["yearSource"] } {
  if (title) {
    const m = YEAR_IN_TITLE.exec(title.replace(/《[^》]*》/g, ""));
    if (m) return { year: yearValue(m[1]!), source: "title" };
  }
  const head = text.slice(0, HEAD_CHARS * 2);
  for (const { source, pattern } of YEAR_CUES) {
    for (const m of head.matchAll(pattern)) {
      if (!insideBookTitle(head, m.index!)) return { year: yearValue(m[1]!), source };
    }
  }
  const pub = findPublicationDate(text);
  if (pub) {
    const [y, mo] = pub.split("-").map(Number) as [number, number];
    // reports are due before 1 April of the next year; one published late in the year covers that year
    return { year: mo <= 6 ? y - 1 : y, source: "publication" };
  }
  return { year: null, source: null };
}

const pad = (n: string) => n.padStart(2, "0");

function findPublicationDate(text: string): string | null {
  const head = text.slice(0, HEAD_CHARS);
  const m =
    /(?:发布日期|发布时间|成文日期|成文时间|发文时间|生成日期|信息提供日期|日期)\s*[:：]?\s*(20\d\d)\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})/.exec(head);
  return m ? `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}` : null;
}

/** The date the report was signed (its last 2024年1月7日 line), else the page's publication date. */
export function findReportDate(text: string): string | null {
  const tail = text.slice(Math.max(0, text.length - 600));
  const dates = [...tail.matchAll(/(20\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g)];
  const last = dates.at(-1);
  if (last) return `${last[1]}-${pad(last[2]!)}-${pad(last[3]!)}`;
  return findPublicationDate(text);
}

/** `lines`: openingLines(text), when already read. */
export function findIssuer(text: string, lines: readonly OpeningLine[] = openingLines(text)): string | null {
  const m = /(?:发布机构|发文机构|来源)\s*[:：\]]?\s*\]?\s*([^\s\n:：]{2,30})/.exec(text.slice(0, HEAD_CHARS));
  if (m && /镇|乡|街道|政府|办事处|委员会/.test(m[1]!)) return m[1]!;
  for (const { line } of lines.slice(0, 6)) {
    const t = line.trim();
    if (/^(?:中共)?[^\s，。]{2,30}(?:人民政府|委员会|办事处)$/.test(t)) return t;
  }
  return null;
}

const TOWNSHIP_SUFFIX = /(?:镇|乡|街道|苏木)/;

/**
 * Characters after which a township's name starts: the suffix of the county before it (垫江县桂东街道),
 * a date's (2024年西街道), and words that stand before names (在, 对, 原, 全, 中共, 赴 …). After any other Han character, a name
 * found is read as the tail of a longer name the text writes, when the text writes it so every time.
 */
const BEFORE_A_NAME = new Set(
  Array.from(
    // unit suffixes; dates; words before a place (在, 对, 赴, 走进 …)
    "省市县区旗盟州镇乡道共委府" + "年度月日" + "在对由与和及或暨的是为于把被向从到至将各该原全本我了经自往赴达驻进入来去届",
    (ch) => ch.charCodeAt(0),
  ),
);
/** How many characters a longer name may add before a known one (桂 + 东街道). */
const MAX_ADDED = 3;

const isHan = (c: number) => c >= 0x4e00 && c <= 0x9fff;

/**
 * Known names that the text only ever writes as the end of a longer name: a township created or
 * renamed after the division list (桂东街道, not in the list, holds the 东街道 of another county).
 * Name → the longer name. Needs two occurrences or more, all with the same characters before.
 */
export function longerNamesWritten(text: string, found: readonly NameMatch[]): Map<string, string> {
  const starts = new Map<string, number[]>();
  for (const m of found) {
    const list = starts.get(m.name);
    if (list) list.push(m.start);
    else starts.set(m.name, [m.start]);
  }
  const out = new Map<string, string>();
  for (const [name, at] of starts) {
    if (at.length < 2) continue;
    let added = "";
    for (let depth = 1; depth <= MAX_ADDED; depth++) {
      const c = at[0]! - depth >= 0 ? text.charCodeAt(at[0]! - depth) : -1;
      if (!isHan(c) || BEFORE_A_NAME.has(c) || at.some((s) => s - depth < 0 || text.charCodeAt(s - depth) !== c)) break;
      added = String.fromCharCode(c) + added;
    }
    if (added) out.set(name, added + name);
  }
  return out;
}

/**
 * The township the report is about: the known township name its title, issuer and text name most.
 * A township name that is part of a county-level name there (滨海新区 in 天津市滨海新区, 开发区
 * names) counts only when no other township is named. `townshipNames`, when given, is
 * findTownshipNames(text), already computed.
 */
export function findTownship(text: string, title: string | null, issuer: string | null, townshipNames?: readonly NameMatch[]): string | null {
  const score = new Map<string, number>();
  /** names read only as parts of county, city or province names */
  const inUnit = new Map<string, number>();
  // "X街道办事处" is the office of X街道: read it as the 街道 when that is a known township
  // (新华街道办事处 is also the name of one township in 阿拉善左旗, and must not swallow every 新华街道)
  const found = townshipNames ?? findTownshipNames(text);
  const longer = longerNamesWritten(text, found);
  const canonical = (written: string) => {
    // 桂东街道 for the 东街道 in it; 龙归街道 for 龙归街
    const name = longer.get(written) ?? fullTownshipName(written);
    if (!name.endsWith("办事处")) return name;
    const office = name.slice(0, -3);
    return isKnownTownship(office) ? office : name;
  };
  const addAll = (source: string, found: readonly NameMatch[], s: number) => {
    for (const m of found) {
      const scores = isPartOfUnitName(source, m) ? inUnit : score;
      const n = canonical(m.name);
      scores.set(n, (scores.get(n) ?? 0) + s);
    }
  };
  addAll(text, found, 1);
  if (title) addAll(title, findTownshipNames(title), 10);
  if (issuer) addAll(issuer, findTownshipNames(issuer), 5);
  const head = text.slice(0, 300);
  addAll(head, findTownshipNames(head), 2);
  const best = bestScored(score) ?? bestScored(inUnit);
  if (best) return best;
  // not in the national list (renamed or new units): read it off the title
  const src = `${title ?? ""}\n${issuer ?? ""}`;
  const m = new RegExp(`([\\u4e00-\\u9fff]{2,8}?${TOWNSHIP_SUFFIX.source})(?:人民政府|委员会|办事处|党委|关于|20\\d\\d|二[〇零○]|法治)`).exec(src);
  if (m) {
    const name = m[1]!.replace(/^.*(?:省|市|县|区|旗)/, "");
    if (name.length >= 2) return name;
  }
  return null;
}

/** The name with the highest score; of equal scores, the longer name, else the first. */
function bestScored(score: ReadonlyMap<string, number>): string | null {
  let best: string | null = null;
  let bestScore = 0;
  for (const [name, s] of score) {
    if (s > bestScore || (s === bestScore && best !== null && name.length > best.length)) {
      best = name;
      bestScore = s;
    }
  }
  return best;
}

/** `townshipNames`, when given, is findTownshipNames(text), already computed (see findTownship). */
export function extractMetadata(text: string, townshipNames?: readonly NameMatch[]): ReportMetadata {
  const lines = openingLines(text);
  const title = findTitle(text, lines);
  const issuer = findIssuer(text, lines);
  const { year, source } = findYear(text, title);
  return {
    township: findTownship(text, title, issuer, townshipNames),
    year,
    title,
    reportDate: findReportDate(text),
    issuer,
    yearSource: source,
  };
}
