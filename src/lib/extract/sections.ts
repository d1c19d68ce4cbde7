// Report sections. Figures in 存在问题 / 下一步 / 工作思路 sections are targets or problems,
// not results (spec §2), so those ranges are excluded from mentions; their items are also
// listed on the site.

export type HeadingLevel = 1 | 2 | 3;

export interface Heading {
  level: HeadingLevel;
  start: number;
  end: number; // end of the heading line
  title: string;
}

export interface Section {
  heading: Heading;
  /** body range: after the heading line to the next heading of the same or higher level */
  start: number;
  end: number;
  kind: "results" | "problems" | "plans" | "other";
}

const L1 = /^\s*[一二三四五六七八九十]+\s*[、.．]/;
const L2 = /^\s*[(（][一二三四五六七八九十]+[)）]/;
const L3 = /^\s*(?:\d+\s*[、.．](?!\d)|[(（]\d+[)）])/;

const PROBLEMS = /存在(?:的)?(?:主要)?(?:问题|不足|短板|差距)|不足(?:之处|和|与|及|$)|短板|问题和不足|困难和问题|薄弱环节/;
const PLANS = /下一步|下一年|今后|明年|工作思路|工作计划|工作安排|主要安排|初步安排|工作打算|打算|意见建议|意见和建议|努力方向|工作设想|目标举措|展望/;

export function headingLevel(line: string): HeadingLevel | null {
  if (L1.test(line)) return 1;
  if (L2.test(line)) return 2;
  if (L3.test(line)) return 3;
  return null;
}

/** Headings: lines that start with 一、 / （一） / 1. and are short enough to be titles. */
export function findHeadings(text: string): Heading[] {
  const out: Heading[] = [];
  let pos = 0;
  while (pos <= text.length) {
    let end = text.indexOf("\n", pos);
    if (end < 0) end = text.length;
    const line = text.slice(pos, end);
    const level = headingLevel(line);
    if (level !== null) {
      // an inline heading ends at its first full stop: （一）强化组织领导。正文……
      const stop = line.search(/[。！？]/);
      const title = (stop >= 0 ? line.slice(0, stop) : line).trim();
      if (title.length <= 60) out.push({ level, start: pos, end, title });
    }
    pos = end + 1;
  }
  return out;
}

/** Results named in a title beside problems or plans (主要举措、成效及存在的问题): the subsections decide. */
const RESULTS_TOO = /举措|成效|做法|成绩|进展|开展情况|工作情况|完成情况/;

const PROBLEMS_G = new RegExp(PROBLEMS.source, "g");
const PLANS_G = new RegExp(PLANS.source, "g");

export function classifyHeading(title: string, reportYear: number | null): Section["kind"] {
  // (words of the problems or plans phrases themselves, 目标举措, name no results)
  const mixed = RESULTS_TOO.test(title.replace(PROBLEMS_G, "").replace(PLANS_G, ""));
  if (PROBLEMS.test(title)) return mixed ? "other" : "problems";
  if (PLANS.test(title)) return mixed ? "other" : "plans";
  if (reportYear !== null) {
    const years = [...title.matchAll(/(20\d\d)\s*年/g)].map((m) => Number(m[1]));
    if (years.some((y) => y > reportYear)) return "plans";
  }
  if (/成效|举措|做法|情况|工作|措施|成绩|落实|推进|完成/.test(title)) return "results";
  return "other";
}

export function findSections(text: string, reportYear: number | null): Section[] {
  const headings = findHeadings(text);
  return headings.map((h, i) => {
    let end = text.length;
    for (let j = i + 1; j < headings.length; j++) {
      if (headings[j]!.level <= h.level) {
        end = headings[j]!.start;
        break;
      }
    }
    return { heading: h, start: h.start, end, kind: classifyHeading(h.title, reportYear) };
  });
}

/** Ranges [start, end) whose figures are not results: problems and plans sections (`sections`: findSections(text, reportYear), when already found). */
export function excludedRanges(text: string, reportYear: number | null, sections: readonly Section[] = findSections(text, reportYear)): [number, number][] {
  return sections
    .filter((s) => s.kind === "problems" || s.kind === "plans")
    .map((s) => [s.start, s.end] as [number, number]);
}

export function inRanges(ranges: [number, number][], i: number): boolean {
  return ranges.some(([s, e]) => i >= s && i < e);
}
