// Units that follow a figure, and the kind of thing each counts (spec §4: 次/场 sessions,
// 件/起 cases, 份 copies, 人次 person-times, 名/人 persons, 条 items, % rates; 家次/户次 visits of
// premises, which only inspections are counted in).

export type UnitClass = "sessions" | "cases" | "copies" | "person_times" | "persons" | "items" | "percent" | "visits" | "other";

/** Longest first, so that 人次 wins over 人 and 场次 over 场. */
const UNITS: [string, UnitClass][] = [
  ["人次", "person_times"],
  ["件次", "cases"],
  ["场次", "sessions"],
  ["班次", "sessions"],
  ["批次", "sessions"],
  ["家次", "visits"],
  ["户次", "visits"],
  ["处次", "visits"],
  ["学时", "other"],
  ["课时", "other"],
  ["小时", "other"],
  ["万元", "other"],
  ["次", "sessions"],
  ["场", "sessions"],
  ["期", "sessions"],
  ["轮", "sessions"],
  ["堂", "sessions"],
  ["件", "cases"],
  ["起", "cases"],
  ["宗", "cases"],
  ["份", "copies"],
  ["册", "copies"],
  ["本", "copies"],
  ["条", "items"],
  ["篇", "items"],
  ["名", "persons"],
  ["位", "persons"],
  ["人", "persons"],
  ["%", "percent"],
  ["％", "percent"],
  ["个", "other"],
  ["项", "other"],
  ["张", "other"],
  ["幅", "other"],
  ["所", "other"],
  ["户", "other"],
  ["元", "other"],
  ["亩", "other"],
  ["天", "other"],
  ["分", "other"],
  ["年", "other"],
  ["月", "other"],
  ["日", "other"],
  ["号", "other"],
];

export interface UnitRead {
  unit: string;
  unitClass: UnitClass;
  length: number;
}

/** UNITS by their first code unit, longest first as in UNITS. */
const UNITS_BY_FIRST = new Map<number, readonly UnitRead[]>();
for (const [unit, unitClass] of UNITS) {
  const first = unit.charCodeAt(0);
  UNITS_BY_FIRST.set(first, [...(UNITS_BY_FIRST.get(first) ?? []), Object.freeze({ unit, unitClass, length: unit.length })]);
}

/** The unit at offset `at` (after the number and any 余/多), or null when none follows. */
export function readUnit(text: string, at: number): UnitRead | null {
  const list = UNITS_BY_FIRST.get(text.charCodeAt(at));
  if (!list) return null;
  for (const u of list) {
    if (u.length === 1 || text.startsWith(u.unit, at)) return u;
  }
  return null;
}

/**
 * Nouns that carry the unit of a bare figure right after them (办理普通程序案件12、简易程序案件30;
 * 检查次数达45): the noun and its verb words, then the unit the figure counts in. One line a noun.
 */
const IMPLIED_UNITS: [RegExp, UnitClass][] = [
  [/(?:案件|案)(?:数量|总数|数)?(?:共计|累计|合计|共|为|达)?[:：]?$/, "cases"],
  [/(?:次数|场次)(?:共计|累计|合计|共|为|达)?[:：]?$/, "sessions"],
  [/人次(?:数)?(?:共计|累计|合计|共|为|达)?[:：]?$/, "person_times"],
  [/人数(?:共计|累计|合计|共|为|达)?[:：]?$/, "persons"],
  [/份数(?:共计|累计|合计|共|为|达)?[:：]?$/, "copies"],
];

/** A figure ends here when followed by a clause or list mark, a bracket or the end of the text. */
const FIGURE_END = /^(?:[，,。；;、）)\n]|$)/;

/**
 * The unit a bare figure at [numStart, numEnd) takes from the noun before it, or null: only when
 * nothing but a clause or list mark follows the figure. The unit read has length 0.
 */
export function impliedUnit(text: string, numStart: number, numEnd: number): UnitRead | null {
  if (!FIGURE_END.test(text.slice(numEnd, numEnd + 1))) return null;
  const before = text.slice(Math.max(0, numStart - 12), numStart);
  for (const [re, unitClass] of IMPLIED_UNITS) if (re.test(before)) return { unit: "", unitClass, length: 0 };
  return null;
}
