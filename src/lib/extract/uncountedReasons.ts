// Why a number with a counting unit was not counted as a figure: the kinds, their Chinese phrases
// (what the profile and the review page show) and the cues that tell each kind. Data, not code: a
// maintainer extends a kind's cues in one line; tests/uncounted.test.ts checks every row.

export type UncountedKind =
  | "identifier"
  | "date"
  | "section"
  | "requirement"
  | "periodic"
  | "planned"
  | "subordinate"
  | "repeat"
  | "unit"
  | "no_indicator";

/** The short Chinese phrase of each kind, in the order the reasons are tried. */
export const UNCOUNTED_KIND_ZH: Record<UncountedKind, string> = {
  identifier: "序号、编号或代码",
  date: "日期、年份或时长",
  section: "在“存在问题”或“下一步”部分",
  requirement: "要求或下限，不是完成数",
  periodic: "每年、每月等常规频次",
  planned: "计划或目标，不是完成数",
  subordinate: "下属村、社区、学校等的数字",
  repeat: "与已计入的数字重复",
  unit: "单位不是任何指标的计数单位",
  no_indicator: "未能确定所属指标",
};

/**
 * Units that count something but that units.ts does not read (it stops at the characters it knows):
 * 家 (企业), 批 (批次 is read). Their class is "other": no indicator is counted in them.
 */
export const EXTRA_COUNTING_UNITS: readonly string[] = ["家", "批"];

/** Units of units.ts's class "other" that count things (3个村, 5项制度, 12户): listed, never figures. */
export const OTHER_COUNTING_UNITS: readonly string[] = ["个", "项", "户", "所", "张", "幅", ...EXTRA_COUNTING_UNITS];

/** Words right after a unit that make the number a length of time or a date (3个月, 5个工作日). */
export const DURATION_AFTER_WORDS: readonly string[] = ["月", "工作日", "季度", "星期", "小时", "年度", "年"];

/** A year written as a count (2024件 is a typo of 2024年; 2023批 a batch name): 1949–2100. */
export const YEAR_LIKE = { min: 1949, max: 2100 };

/** Words in the clause before a number that make it a plan or a target. */
export const PLANNED_WORDS: readonly string[] = ["计划", "力争", "争取", "拟", "预计", "目标", "将要", "将于", "将在", "将组织", "将开展", "将举办", "确保"];

/** Words in the clause before a number that make it a body below the township's own (各村开展…). */
export const SUBORDINATE_BEFORE_WORDS: readonly string[] = [
  "各村", "各社区", "各行政村", "村级", "村（社区）", "村(社区)", "下辖", "辖区各", "辖区内各", "党支部", "各学校", "中小学", "幼儿园", "各站所", "各部门",
];

/** Words right after the unit: the number counts those bodies (12个村, 8所学校). */
export const SUBORDINATE_AFTER_WORDS: readonly string[] = [
  "行政村", "村", "社区", "居委会", "村委会", "学校", "中小学", "小学", "中学", "幼儿园", "党支部", "站所", "部门", "单位", "企业",
];

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const anyOf = (words: readonly string[]) => new RegExp([...words].sort((a, b) => b.length - a.length).map(escape).join("|"));
const startsWithAny = (words: readonly string[]) => new RegExp(`^(?:${[...words].sort((a, b) => b.length - a.length).map(escape).join("|")})`);

export const DURATION_AFTER = startsWithAny(DURATION_AFTER_WORDS);
export const PLANNED_BEFORE = anyOf(PLANNED_WORDS);
export const SUBORDINATE_BEFORE = anyOf(SUBORDINATE_BEFORE_WORDS);
export const SUBORDINATE_AFTER = startsWithAny(SUBORDINATE_AFTER_WORDS);
