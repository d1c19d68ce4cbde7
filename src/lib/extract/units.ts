// Units that follow a figure, and the kind of thing each counts (spec §4: 次/场 sessions,
// 件/起 cases, 份 copies, 人次 person-times, 名/人 persons, 条 items, % rates).

export type UnitClass = "sessions" | "cases" | "copies" | "person_times" | "persons" | "items" | "percent" | "other";

/** Longest first, so that 人次 wins over 人 and 场次 over 场. */
const UNITS: [string, UnitClass][] = [
  ["人次", "person_times"],
  ["件次", "cases"],
  ["场次", "sessions"],
  ["班次", "sessions"],
  ["批次", "sessions"],
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
