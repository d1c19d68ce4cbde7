// How reports write the names of counties, cities and provinces: their short forms (襄垣县 → 襄垣),
// and the short forms and names that are also ordinary words and so are no evidence on their own.
// Tables a maintainer extends by one entry: ORDINARY_WORD_SHORTS, ORDINARY_PHRASES, GENERIC_FULL_NAMES.

export type Level = "county" | "city" | "province";

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
export function shortForms(name: string, level: Level): string[] {
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
export const ORDINARY_WORD_SHORTS = new Set([
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
export const ORDINARY_PHRASES = [
  "长治久安", "安居乐业", "中华人民共和国", "共和国", "党和政府", "新华社", "大兴调查研究",
  "高新技术", "城中村", "市中心", "城市中", "绿色通道", "枫桥经验", "浦江经验", "文山会海",
];

/**
 * A bare short form may count as evidence: not an ordinary word, and not one
 * that begins or ends with 镇/乡/村/街 (镇安 in 全镇安全, 固镇 in 巩固镇域).
 */
export function usableBareShort(form: string, level: Level): boolean {
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
export function standsAsName(text: string, at: number, aboveForms: readonly string[]): boolean {
  if (at === 0) return true;
  const prev = text[at - 1]!;
  if (!/\p{Script=Han}/u.test(prev)) return true;
  if (prev === "共" && text[at - 2] === "中") return true;
  const before = text.slice(0, at);
  return aboveForms.some((form) => before.endsWith(form));
}

/** Full names that are ordinary words and never count on their own. */
export const GENERIC_FULL_NAMES = new Set(["城区", "郊区", "矿区", "东区", "西区"]);

/**
 * Does `form` occur in `text` other than as a piece of an ordinary word that runs past it? In
 * 乡村振兴和基层治理, 兴和 (兴和县) begins inside 振兴: it names no place.
 */
export function standsApart(text: string, form: string): boolean {
  for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
    const end = at + form.length;
    if (at > 0 && ORDINARY_WORD_SHORTS.has(text.slice(at - 1, at + 1))) continue;
    if (end < text.length && ORDINARY_WORD_SHORTS.has(text.slice(end - 1, end + 1))) continue;
    return true;
  }
  return false;
}

/**
 * How reports shorten a township's suffix: 龙归街 or 龙归办事处 for 龙归街道. One row a wording: [the list's
 * suffix, as reports write it]. The stem must keep at least 2 characters (老街, 大街 are streets).
 */
export const TOWNSHIP_SHORT_SUFFIXES: readonly [full: string, short: string][] = [
  ["街道", "街"], // 龙归街 (also the start of 街办)
  ["街道", "办事处"], // 五一办事处
];

/** The short forms of a township name that TOWNSHIP_SHORT_SUFFIXES give (龙归街道 → 龙归街). */
export function townshipShortForms(name: string): string[] {
  const out: string[] = [];
  for (const [full, short] of TOWNSHIP_SHORT_SUFFIXES) {
    if (name.endsWith(full) && name.length - full.length >= 2) out.push(name.slice(0, -full.length) + short);
  }
  return out;
}

/**
 * Suffixes a township may have changed since the division list was made (乡 → 镇 on an upgrade,
 * 镇 → 街道 on 撤镇设街道): a name the list lacks is then left unresolved, and the warning names
 * the list's places under the other suffix. One row a change: [suffix, the other suffix].
 */
export const CHANGED_TOWNSHIP_SUFFIXES: readonly [string, string][] = [
  ["乡", "镇"],
  ["镇", "乡"],
  ["镇", "街道"],
  ["街道", "镇"],
  ["乡", "街道"],
  ["街道", "乡"],
];
