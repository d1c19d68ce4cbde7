// One synthetic township report: its text, and the figures it was written with (its truth).
// Pure and deterministic: the same township, year and seed give the same text.
import { INDICATOR_IDS, isRate } from "../../../src/lib/extract/indicators.js";
import { totalQualifier } from "../../../src/lib/extract/qualifiers.js";
import type { Qualifier } from "../../../src/lib/extract/types.js";
import type { SyntheticTownship } from "./gazetteer.js";
import { createRng, type Rng } from "./prng.js";
import { render, templateIndicators, type GeneratedMention, type RenderState } from "./template.js";
import {
  ADDRESSEES,
  CLOSINGS,
  DUTY_INTRO,
  DUTY_ITEMS,
  DUTY_HEADINGS,
  FILLER_THEMES,
  GENERIC_FILLER,
  HOMES,
  OPENINGS,
  PLANS,
  PLANS_HEADINGS,
  PRESENCE,
  PROBLEMS,
  PROBLEMS_HEADINGS,
  REPORT_STATEMENTS,
  THEMES,
  TITLES,
  TITLES_WITHOUT_YEAR,
  WEB_CHROME,
  type Theme,
} from "./templates.js";

export const MIN_CHARS = 2500;
export const MAX_CHARS = 12000;

export interface TruthTotal {
  value: number;
  qualifier: Qualifier;
  /** how many figures the report gives for it (parts included) */
  mentions: number;
}

export interface ReportTruth {
  township: string;
  county: string;
  city: string | null;
  province: string;
  code: string;
  year: number;
  /** the report's total per indicator by the rule of spec/indicators.md §3 */
  indicators: Record<string, TruthTotal>;
}

export interface GeneratedReport {
  text: string;
  truth: ReportTruth;
  mentions: GeneratedMention[];
}

/** Totals by the spec's rule: sum of distinct mentions (parts excluded); a rate is its first mention. */
export function totalsOfMentions(mentions: readonly GeneratedMention[]): Record<string, TruthTotal> {
  const by = new Map<string, GeneratedMention[]>();
  for (const m of mentions) by.set(m.indicator, [...(by.get(m.indicator) ?? []), m]);
  const out: Record<string, TruthTotal> = {};
  for (const id of INDICATOR_IDS) {
    const ms = by.get(id);
    if (!ms) continue;
    const counted = ms.filter((m) => !m.part);
    const used = isRate(id) ? counted.slice(0, 1) : counted;
    out[id] = {
      value: Math.round(used.reduce((s, m) => s + m.value, 0) * 10_000) / 10_000,
      qualifier: totalQualifier(used.map((m) => m.qualifier)),
      mentions: ms.length,
    };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

const CN = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (up to 99). */
export function chineseOrdinal(n: number): string {
  if (n < 10) return CN[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? "" : CN[tens]}十${CN[n % 10]}`;
}

function varsFor(t: SyntheticTownship, year: number, rng: Rng): Record<string, string> {
  const u = t.kind;
  const short = t.name.slice(0, t.name.length - u.length);
  const party = u === "街道" ? "街道党工委" : `${u}党委`;
  const meeting =
    year <= 2022
      ? "党的二十大精神"
      : year === 2023
        ? "党的二十大和二十届二中全会精神"
        : year === 2024
          ? "党的二十大和二十届二中、三中全会精神"
          : "党的二十大和二十届历次全会精神";
  const prefix = t.city ?? t.province;
  return {
    T: t.name,
    ts: short.length >= 2 ? short : t.name,
    u,
    me: rng.chance(0.85) ? `我${u}` : `本${u}`,
    all: `全${u}`,
    party,
    committee: u === "街道" ? "工作委员会" : "委员会",
    govName: u === "街道" ? "办事处" : "人民政府",
    head: u === "街道" ? "办事处主任" : u === "苏木" ? "苏木达" : `${u}长`,
    secretary: `${party}书记`,
    cadres: u === "街道" ? "街道社区干部" : u === "苏木" ? "苏木嘎查干部" : `${u}村干部`,
    area: u === "镇" || u === "乡" ? `${u}域` : "辖区",
    Y: String(year),
    Y1: String(year + 1),
    Y0: String(year - 1),
    Cn: t.county,
    C: t.countyNeedsPrefix && prefix !== t.county ? `${prefix}${t.county}` : t.county,
    Ck: t.countyKind,
    meeting,
  };
}

/** Composed sentences without figures, for reports longer than their themes' own filler. */
const COMPOSED_LEAD = ["坚持", "持续", "进一步", "着力", "不断", "积极", "认真", "扎实"];
const COMPOSED_ACT = [
  "完善基层治理体系", "健全工作制度", "强化部门协作配合", "规范工作流程", "加强督促检查", "压实工作责任",
  "提升服务群众水平", "推进法治文化建设", "加强干部队伍建设", "优化法治化营商环境", "深化平安乡村建设",
  "推进基层民主法治建设", "加强法治阵地建设", "强化工作统筹调度", "完善考核评价机制", "夯实基层基础工作",
  "推动法治工作与中心工作深度融合", "加强法治政府建设宣传报道", "强化法治思维和法治方式", "推进源头治理",
];
const COMPOSED_GOAL = [
  "推动各项工作提质增效", "确保各项任务落到实处", "为经济社会发展提供有力法治保障", "不断提升群众的获得感、幸福感、安全感",
  "推动法治政府建设不断向纵深发展", "切实把制度优势转化为治理效能", "形成齐抓共管的良好局面", "营造了良好的法治氛围",
  "推动工作规范化、制度化、常态化", "持续提升基层治理法治化水平",
];

/**
 * Report length in characters: log-normal around 4,800 (most real reports run 3,000–7,000), within
 * [MIN_CHARS, MAX_CHARS].
 */
function targetLength(rng: Rng): number {
  const u1 = Math.max(1e-12, rng.next());
  const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * rng.next());
  const v = Math.round(4800 * Math.exp(0.42 * z));
  return Math.min(MAX_CHARS - 300, Math.max(MIN_CHARS + 200, v));
}

interface Block {
  theme: Theme;
  heading: string;
  /** sentence groups: paragraphs (prose) or items (一是…) */
  groups: string[][];
  /** item titles of the groups, for the items and numbered styles */
  titles: string[];
  style: "prose" | "items" | "numbered";
  /** prose: the heading opens the first paragraph (（一）标题。正文…); items: one paragraph for all items */
  inline: boolean;
  fillerLeft: string[];
}

interface Layout {
  kind: "sections" | "themes" | "duty-first";
}

const ITEM_CAP = 5;
/** Indicators a report may give as several distinct activities (宣讲会8场…院坝会18场), summed in the total. */
const SUMMABLE = new Set([
  "leadership_study_sessions", "training_sessions", "training_participants", "publicity_events", "publicity_materials",
  "publicity_reach", "online_publicity_posts", "enforcement_cases", "enforcement_inspections", "emergency_drills",
]);
/** how often a figure is written with one of its theme's rare wordings */
const RARE_RATE = 0.03;

/**
 * Writes one report of `t` for `year`. `seed` makes the corpus reproducible: the same arguments
 * always give the same text, whatever else is generated.
 */
export function generateReport(t: SyntheticTownship, year: number, seed: string | number): GeneratedReport {
  const rng = createRng(seed, t.code, year);
  const vars = varsFor(t, year, rng);
  const st: RenderState = { rng, vars, mentions: [], used: new Map() };
  const r = (tpl: string) => render(tpl, st);
  const target = targetLength(rng);
  /** longer reports give more figures, as real ones do */
  const density = 0.75 + (0.5 * (target - MIN_CHARS)) / (MAX_CHARS - MIN_CHARS);

  // -- head -------------------------------------------------------------------------------
  const head: string[] = [];
  const yearless = rng.chance(0.05);
  const title = r(yearless ? rng.pick(TITLES_WITHOUT_YEAR) : rng.pick(TITLES));
  if (rng.chance(0.12)) {
    const m = rng.int(1, 3);
    head.push(
      r(rng.pick(WEB_CHROME)),
      "",
      title.replace(/\n/g, ""),
      "",
      `发布时间：${year + 1}-${String(m).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")} ${String(rng.int(8, 17)).padStart(2, "0")}:${String(rng.int(0, 59)).padStart(2, "0")}  来源：${t.name}  字体：[大 中 小]`,
      "",
    );
    if (rng.chance(0.5)) head.push(title, "");
  } else {
    head.push(title, "");
  }
  if (rng.chance(0.6)) head.push(r(rng.pick(ADDRESSEES)));
  const statements = yearless ? REPORT_STATEMENTS.filter((s) => s.includes("{Y}")) : REPORT_STATEMENTS;
  vars.report = r(rng.pick(statements));
  head.push(r(rng.pick(OPENINGS)));

  // -- which figures, in which themes ----------------------------------------------------------
  const present = new Set(INDICATOR_IDS.filter((id) => rng.chance(Math.min(0.95, (PRESENCE[id] ?? 0.5) * density))));
  if (present.size === 0) present.add("publicity_events");
  const themeByKey = new Map([...THEMES, ...FILLER_THEMES].map((th) => [th.key, th]));
  const sentencesOf = new Map<string, string[]>(); // theme key → figure sentences
  const covered = new Set<string>();
  const usedTemplates = new Set<string>();
  const allFigureTemplates = THEMES.flatMap((th) => th.figures);
  const place = (themeKey: string, tpl: string) => {
    usedTemplates.add(tpl);
    for (const id of templateIndicators(tpl)) covered.add(id);
    const list = sentencesOf.get(themeKey) ?? [];
    list.push(r(tpl));
    sentencesOf.set(themeKey, list);
  };
  for (const id of rng.shuffle([...present])) {
    if (covered.has(id)) continue;
    const homes = HOMES[id] ?? ["study"];
    const home = rng.chance(0.75) ? homes[0]! : rng.pick(homes);
    const fits = (tpl: string) => {
      const ids = templateIndicators(tpl);
      return ids.includes(id) && ids.every((x) => present.has(x) && !covered.has(x));
    };
    const homeTheme = themeByKey.get(home);
    let options = (rng.chance(RARE_RATE) && homeTheme?.rare ? homeTheme.rare : (homeTheme?.figures ?? [])).filter(fits);
    if (options.length === 0) options = allFigureTemplates.filter(fits);
    if (options.length === 0) continue;
    // templates that give several present figures at once are preferred, as reports do
    place(home, rng.weighted(options.map((tpl) => [tpl, templateIndicators(tpl).length ** 2] as const)));
  }
  // a second, distinct activity of the same kind now and then (summed in the total)
  for (const id of [...present]) {
    if (!SUMMABLE.has(id) || !rng.chance(0.3 * density - 0.15)) continue;
    const options = allFigureTemplates.filter((tpl) => !usedTemplates.has(tpl) && templateIndicators(tpl).join() === id && !tpl.includes(":part"));
    if (options.length > 0) place(HOMES[id]?.[0] ?? "study", rng.pick(options));
  }

  // -- blocks ------------------------------------------------------------------------------------
  const order = THEMES.map((th) => th.key).filter((k) => sentencesOf.has(k));
  for (let i = 0; i < order.length - 1; i++) if (rng.chance(0.25)) [order[i], order[i + 1]] = [order[i + 1]!, order[i]!];
  const fillerThemes = rng.shuffle(FILLER_THEMES);
  const extraThemes = fillerThemes.splice(0, rng.int(0, 2));
  for (const th of extraThemes) order.splice(rng.int(Math.min(1, order.length), order.length), 0, th.key);

  const makeBlock = (theme: Theme, sentences: string[]): Block => {
    let style: Block["style"] = rng.weighted([["prose", 0.5], ["items", 0.35], ["numbered", 0.15]] as const);
    if (sentences.length === 1) style = "prose"; // a list of one item is no list
    const fillerLeft = rng.shuffle(theme.filler);
    const titles = rng.shuffle(theme.items);
    const groups: string[][] = [];
    const nGroups =
      style === "prose"
        ? sentences.length > 3 && rng.chance(0.4) ? 2 : 1
        : Math.max(Math.min(2, titles.length), Math.min(titles.length, Math.ceil(sentences.length / 2)));
    for (let g = 0; g < nGroups; g++) groups.push([]);
    sentences.forEach((s, i) => groups[Math.min(nGroups - 1, Math.floor((i * nGroups) / Math.max(1, sentences.length)))]!.push(s));
    // an opening sentence, and sometimes a number that counts nothing
    if (fillerLeft.length > 0 && rng.chance(0.85)) groups[0]!.unshift(r(fillerLeft.pop()!));
    if (theme.distractors && rng.chance(theme.distractorRate ?? 0.35)) {
      const g = groups[rng.int(0, groups.length - 1)]!;
      g.splice(rng.int(0, g.length), 0, r(rng.pick(theme.distractors)));
    }
    return { theme, heading: r(rng.pick(theme.headings)), groups, titles, style, inline: rng.chance(0.5), fillerLeft };
  };
  const blocks = order.map((k) => makeBlock(themeByKey.get(k)!, sentencesOf.get(k) ?? []));

  const layout: Layout = { kind: rng.weighted([["sections", 0.6], ["themes", 0.25], ["duty-first", 0.15]] as const) };
  const duty = layout.kind === "duty-first" || rng.chance(0.55);
  const dutyHeading = r(rng.pick(DUTY_HEADINGS));
  const dutyIntro = r(rng.pick(DUTY_INTRO));
  const dutyItems = rng.shuffle(DUTY_ITEMS).slice(0, rng.int(2, 4)).map(r);
  const dutyLines = [
    ...(dutyIntro ? [dutyIntro] : []),
    ...(rng.chance(0.5) ? [dutyItems.map((p, i) => `${chineseOrdinal(i + 1)}是${p}`).join("")] : dutyItems.map((p, i) => `${chineseOrdinal(i + 1)}是${p}`)),
  ];
  const problems = rng.shuffle(PROBLEMS).slice(0, rng.int(2, 4)).map(r);
  const plans = rng.shuffle(PLANS).slice(0, rng.int(2, 4)).map(r);
  const problemsHeading = r(rng.pick(PROBLEMS_HEADINGS));
  const plansHeading = r(rng.pick(PLANS_HEADINGS));
  const closing = rng.chance(0.3) ? r(rng.pick(CLOSINGS)) : null;
  const resultsHeading = rng.pick([`${year}年法治政府建设的主要举措和成效`, "主要举措和成效", "推进法治政府建设的主要举措及成效", "法治政府建设的主要举措和成效", `${year}年推进法治政府建设的主要举措和成效`]);
  const listStyle = rng.pick(["（", "是", "1."]);
  const bookmarkAt = rng.chance(0.05) ? rng.int(0, 5) : -1;

  // -- signature ------------------------------------------------------------------------------
  const issuer = rng.weighted([
    [`中共${t.name}${vars.committee}        ${t.name}${vars.govName}`, 0.4],
    [`${t.name}${vars.govName}`, 0.45],
    [`${t.name}`, 0.15],
  ] as const);
  const date = rng.chance(0.85) ? `${year + 1}年${rng.int(1, 3)}月${rng.int(1, 28)}日` : `${year}年12月${rng.int(10, 31)}日`;

  // -- length: filler until the target ------------------------------------------------------------
  const written = new Set<string>();
  /** a further sentence of the block's theme, from its pieces, not one the report already has */
  const composed = (b: Block): string => {
    for (let k = 0; k < 6; k++) {
      const [a, m, e] = b.theme.parts;
      const sentence = r(`${rng.pick(a)}，${rng.pick(m)}，${rng.pick(e)}。`);
      if (!written.has(sentence)) {
        written.add(sentence);
        return sentence;
      }
    }
    return `${rng.pick(COMPOSED_LEAD)}${rng.pick(COMPOSED_ACT)}，${rng.pick(COMPOSED_GOAL)}。`;
  };
  const generic = rng.shuffle(GENERIC_FILLER);
  const assemble = (): string => {
    const out: string[] = [...head];
    let l1 = 0;
    const l1Heading = (h: string) => out.push(`${chineseOrdinal(++l1)}、${h}`);
    const bookmark = (index: number) => (index === bookmarkAt ? "[bookmark: _GoBack]" : "");
    const renderBlock = (b: Block, level: 1 | 2, index: number) => {
      const inline = level === 2 && b.style === "prose" && b.inline;
      const headingText = level === 1 ? `${chineseOrdinal(index)}、${b.heading}` : `（${chineseOrdinal(index)}）${b.heading}`;
      const paragraphs: string[] = [];
      if (b.style === "prose") {
        for (const g of b.groups) if (g.length) paragraphs.push(g.join(""));
      } else if (b.style === "items") {
        const items = b.groups.map((g, i) => `${chineseOrdinal(i + 1)}是${b.titles[i] ?? "强化工作落实"}。${g.join("")}`);
        if (b.inline) paragraphs.push(items.join(""));
        else paragraphs.push(...items);
      } else {
        b.groups.forEach((g, i) => paragraphs.push(`${i + 1}.${b.titles[i] ?? "强化工作落实"}。${g.join("")}`));
      }
      if (inline && paragraphs.length > 0) out.push(`${bookmark(index)}${headingText}。${paragraphs[0]}`, ...paragraphs.slice(1));
      else out.push(headingText, ...paragraphs.map((p, i) => (i === 0 ? bookmark(index) : "") + p));
    };
    const results = () => {
      if (layout.kind === "themes") {
        blocks.forEach((b) => renderBlock(b, 1, ++l1));
      } else {
        l1Heading(resultsHeading);
        blocks.forEach((b, i) => renderBlock(b, 2, i + 1));
      }
    };
    const dutySection = () => {
      if (!duty) return;
      l1Heading(dutyHeading);
      out.push(...dutyLines);
    };
    if (layout.kind === "duty-first") {
      dutySection();
      results();
    } else {
      results();
      dutySection();
    }
    l1Heading(problemsHeading);
    const list = (items: string[]) => {
      if (listStyle === "（") items.forEach((p, i) => out.push(`（${chineseOrdinal(i + 1)}）${p}`));
      else if (listStyle === "是") out.push(items.map((p, i) => `${chineseOrdinal(i + 1)}是${p}`).join(""));
      else items.forEach((p, i) => out.push(`${i + 1}.${p}`));
    };
    list(problems);
    l1Heading(plansHeading);
    list(plans);
    if (closing) out.push(closing);
    out.push("", "", issuer, date, "");
    return out.join("\n");
  };

  // a first draft gives the length of everything but the filler still to come
  let len = assemble().length;
  let guard = 0;
  while (len < target && guard++ < 600) {
    const withPool = blocks.filter((b) => b.fillerLeft.length > 0);
    let sentence: string;
    let block: Block;
    if (withPool.length > 0 && rng.chance(0.8)) {
      block = rng.pick(withPool);
      sentence = r(block.fillerLeft.pop()!);
    } else if (fillerThemes.length > 0 && rng.chance(0.3)) {
      const th = fillerThemes.shift()!;
      const b = makeBlock(th, []);
      blocks.splice(rng.int(Math.min(1, blocks.length), blocks.length), 0, b);
      len += b.heading.length + 8 + b.groups.reduce((sum, g) => sum + g.join("").length, 0);
      continue;
    } else {
      block = rng.pick(blocks);
      sentence = generic.length > 0 && rng.chance(0.2) ? r(generic.pop()!) : composed(block);
    }
    if (len + sentence.length > MAX_CHARS - 150) break;
    // into a group with room; a prose block opens a new paragraph, an item list grows its shortest item
    const open = block.groups.filter((g) => g.length < ITEM_CAP);
    let g: string[];
    if (open.length > 0) g = rng.pick(open);
    else if (block.style === "prose") {
      g = [];
      block.groups.push(g);
      len += 1;
    } else g = block.groups.reduce((a, b) => (b.length < a.length ? b : a));
    g.splice(rng.int(g.length > 0 && rng.chance(0.7) ? 1 : 0, g.length), 0, sentence);
    len += sentence.length;
  }

  let text = assemble();
  if (rng.chance(0.15)) text = text.replace(/，/g, ",").replace(/：/g, ":").replace(/（/g, "(").replace(/）/g, ")").replace(/；/g, ";");
  const truth: ReportTruth = {
    township: t.name,
    county: t.county,
    city: t.city,
    province: t.province,
    code: t.code,
    year,
    indicators: totalsOfMentions(st.mentions),
  };
  return { text, truth, mentions: st.mentions };
}
