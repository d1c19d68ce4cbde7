// Classifies one figure to one of the 25 indicators by the words of its clause: the verbs,
// objects, audiences and units around it (spec/indicators.md §4). Rules are general: they name
// kinds of activity, never a report, a township or a figure.
import type { UnitClass } from "./units.js";

export interface FigureContext {
  /** the clause text before the figure, back to the previous figure or clause start */
  left: string;
  /** the clause text after the unit, up to the next figure or clause end */
  right: string;
  /** sentence text before `left` (earlier clauses of the same sentence) */
  before: string;
  /** sentence text after `right` */
  after: string;
  /** up to two earlier sentences of the same item (一是… / paragraph) */
  earlier: string;
  unitClass: UnitClass;
  /** indicator of the previous figure read in the same sentence, if any */
  prevIndicator: string | null;
}

export type Verdict = { indicator: string } | { skip: string };

const has = (re: RegExp, ...texts: string[]) => texts.some((t) => re.test(t));

// --- lexicons -------------------------------------------------------------------------------
/** Law as a topic: what ties a study session or meeting to rule of law. */
export const LAW_TOPIC = /法治|法律|法规|学法|宪法|法典|条例|依法|普法|讲法|《[^》]*法[^》]*》/;
/** Rule-of-law work as the subject of a meeting. */
const LAW_WORK = /法治|依法治|依法行政|法制/;
const LEADER = /党委|中心组|班子|党工委|领导干部|主要领导|主要负责人|第一议题|党组|常委会|领导/;
const STAFF = /干部职工|全(?:体|镇|乡|街道|街|办|区|苏木)(?:机关)?干部|镇村干部|村干部|机关干部|党员干部|全体人员|工作人员|执法人员|网格员|法律明白人|调解员|公职人员|在编干部|职工|全员|社区工作者|年轻干部|两委|国家工作人员|执法队员/;
const PUBLIC = /群众|村民|居民|企业|学生|师生|青少年|学校|校园|商户|农民工|老年人|妇女|儿童|家长|辖区/;
/** Subordinate bodies whose own activities are not the township's (下辖党组织学习1940次). */
const SUBORDINATE = /下辖|基层党组织|各社区|各村|党支部|社区党组织|村党组织/;
const STUDY = /学习|学法|研讨|党课|讲法治课|讲法|研学|交流/;
const TRAINING = /培训|轮训|讲座|培训班|课程|授课|讲堂|法治课/;
const NON_LEGAL = /消防|应急|安全生产|防汛|急救|卫生|防疫|健康|心理|保密|财务|电脑|信息化|防溺水|燃气/;
const MEETING = /专题会议|专题会|党委会|党工委会|常务会|联席会议|部署会|推进会|工作会议|领导小组会议|会议/;
const RESEARCH_LAW = /(?:专题研究|研究部署|研究解决|专题部署)[^，,。；;]{0,12}(?:法治|依法治|依法行政)/;
/** Screenings of law films: public legal education (法治电影下乡放映12场). */
const LAW_FILM = /(?:法治|普法|法律)[^，,。；;]{0,4}(?:电影|影片)|(?:电影|影片)[^，,。；;]{0,4}(?:普法|法治)/;
/** Party-discipline bodies and topics: their inspections are not administrative enforcement. */
const PARTY_DISCIPLINE = /纪委|纪检|纪工委|监委|作风|党风|廉政|八项规定|四风/;
/** A figure that counts a generic bundle of work (…等工作50余次, …等专项法律服务共计5次). */
const GENERIC_BUNDLE = /等(?:各类|相关|专项|各项)?[^，,。；;、]{0,6}?(?:工作|服务|事项|业务)(?:共计|共|累计|合计|达)?$/;
/** Context words that stand for the activity itself; a clause of only these has no object. */
const FILLER = /全年|累计|共计|合计|总计|共|开展|组织|举办|召开|完成|达到|达|先后|今年以来|今年|已|目前|其中|截至|以来|年内|当年|本年度|年度|\d+|年|月|[\s,，、:：()（）“”"]/g;

/** The Han characters of FILLER's words: any other Han character is never removed by it. */
const FILLER_HAN = new Set(Array.from(FILLER.source.replace(/[^\u4e00-\u9fff]/g, ""), (ch) => ch.charCodeAt(0)));

export function isEmptyContext(s: string): boolean {
  // two Han characters that no filler word contains already make a context (the usual case)
  let kept = 0;
  for (let k = 0; k < s.length && kept < 2; k++) {
    const c = s.charCodeAt(k);
    if (c >= 0x4e00 && c <= 0x9fff && !FILLER_HAN.has(c)) kept++;
  }
  if (kept >= 2) return false;
  return s.replace(FILLER, "").length < 2;
}

// --- rules ----------------------------------------------------------------------------------
function rate(c: FigureContext): Verdict {
  const local = c.left + c.right;
  const near = c.before + local;
  if (/持证/.test(local)) return { indicator: "enforcement_certified_rate" };
  if (/信访/.test(near) && /化解|办结|结案/.test(local)) return { indicator: "petition_resolution_rate" };
  if (/化解率|调解成功率|调处成功率|化解成功率/.test(local) && /纠纷|矛盾|调解|化解/.test(near + c.earlier))
    return { indicator: "dispute_resolution_rate" };
  return { skip: "rate of something the spec does not count" };
}

/** Study sessions and trainings: who studies decides leadership vs staff (spec §4 A). */
function studyOrTraining(c: FigureContext, local: string): Verdict | null {
  const isTraining = TRAINING.test(local);
  const isStudy = STUDY.test(local);
  if (!isTraining && !isStudy) return null;
  if (c.unitClass !== "sessions") return null;
  if (has(SUBORDINATE, local, c.before)) return { skip: "activity of subordinate organisations" };
  if (PUBLIC.test(c.left) && !STAFF.test(c.left) && /讲座|宣讲|培训/.test(local)) return { indicator: "publicity_events" };
  if (LEADER.test(local) && isStudy) return lawTiedStudy(c, local) ? { indicator: "leadership_study_sessions" } : { skip: "study without a law topic" };
  if (isTraining) {
    if (NON_LEGAL.test(withoutTitles(local))) return { skip: "non-legal training" };
    return { indicator: "training_sessions" };
  }
  // study sessions: tied to law, and by leaders or by staff; counsel studying is not either
  if (/法律顾问|律师/.test(local + c.before) && !STAFF.test(local)) return { skip: "counsel's own activity" };
  if (!lawTiedStudy(c, local)) return { skip: "study without a law topic" };
  if (STAFF.test(local)) return { indicator: "training_sessions" };
  if (LEADER.test(local)) return { indicator: "leadership_study_sessions" };
  const sentence = c.before + local + c.after;
  const staffAt = lastMatch(STAFF, c.before);
  const leaderAt = lastMatch(LEADER, c.before);
  if (staffAt >= 0 || leaderAt >= 0) return staffAt > leaderAt ? { indicator: "training_sessions" } : { indicator: "leadership_study_sessions" };
  if (STAFF.test(sentence) && !LEADER.test(sentence)) return { indicator: "training_sessions" };
  if (LEADER.test(sentence)) return { indicator: "leadership_study_sessions" };
  if (LEADER.test(c.earlier)) return { indicator: "leadership_study_sessions" };
  if (STAFF.test(c.earlier)) return { indicator: "training_sessions" };
  return { indicator: "leadership_study_sessions" };
}

/** A study session counts only when its stated topic, or the passage around it, is law. */
function lawTiedStudy(c: FigureContext, local: string): boolean {
  if (LAW_TOPIC.test(local)) return true;
  // a session whose topic is named here (《…》, …精神, …讲话) and is not law does not count
  if (/《[^》]+》/.test(local) || /精神|讲话|思想/.test(local)) return false;
  return LAW_TOPIC.test(c.before) || LAW_TOPIC.test(c.after) || LAW_TOPIC.test(c.earlier);
}

/** Cited law titles (《…应急条例》) name the law studied, not a non-legal topic. */
function withoutTitles(s: string): string {
  return s.replace(/《[^》]*》/g, "");
}

const GLOBAL = new Map<RegExp, RegExp>();

function lastMatch(re: RegExp, s: string): number {
  let g = GLOBAL.get(re);
  if (!g) GLOBAL.set(re, (g = new RegExp(re.source, "g")));
  let at = -1;
  for (const m of s.matchAll(g)) at = m.index ?? at;
  return at;
}

export function classify(c: FigureContext): Verdict {
  const u = c.unitClass;
  if (u === "other") return { skip: "unit counts nothing the spec reads" };
  if (u === "percent") return rate(c);

  let left = c.left;
  // a clause of bare verbs (全年累计开展20余次) takes its object from the clause before
  if (isEmptyContext(left + c.right)) left = c.before + left;
  const local = left + c.right;
  const sentence = c.before + c.left + c.right + c.after;

  if (GENERIC_BUNDLE.test(c.left)) return { skip: "a bundle of generic work" };

  const cases = u === "cases";
  const sessions = u === "sessions";
  const persons = u === "persons" || u === "person_times";

  // H. emergencies
  if (sessions && /演练/.test(local)) return /应急|防汛|消防|疏散|救援|演练/.test(local) ? { indicator: "emergency_drills" } : { skip: "drill" };

  // G. workforce
  if (u === "persons" && /法律明白人/.test(local) && !/培训|参训/.test(c.right)) return { indicator: "legal_literates" };
  if (u === "persons" && /调解员/.test(local) && !/培训|参训/.test(c.right)) return { indicator: "mediators" };

  // C / F. cases of particular kinds
  if (cases && /行政调解|司法调解|诉前调解|法院调解/.test(local)) return { skip: "mediation of another kind" };
  if (cases && /人民调解/.test(local)) return { indicator: "people_mediation_cases" };
  if (cases && /复议/.test(local)) return { indicator: "admin_reconsideration_cases" };
  if (cases && (/行政诉讼|行政应诉|应诉|行政案件/.test(local))) return { indicator: "admin_litigation_cases" };
  if (cases && /诉讼|刑事|民事/.test(local)) return { skip: "lawsuit not said to be administrative" };

  // D. enforcement cases
  if (cases && !/信访|纠纷/.test(local)) {
    if (/处罚|简易程序|普通程序|立案|执法案件|决定书/.test(local)) return { indicator: "enforcement_cases" };
    if (/案件|案/.test(local) && /执法|处罚/.test(c.before + local)) return { indicator: "enforcement_cases" };
  }

  // E. legal counsel
  if (/法律意见|意见书|意见建议/.test(local) && !/征求/.test(local)) {
    if (!/法律意见/.test(local) && /决策|规范性文件/.test(local)) return { indicator: "legality_reviews" };
    return { indicator: "legal_opinions" };
  }
  if (/审查意见/.test(local)) return /决策|规范性文件|文件/.test(local) ? { indicator: "legality_reviews" } : { indicator: "legal_opinions" };
  if (!persons && /合同|协议/.test(local) && /审查|审核|审签|把关|审/.test(local)) return { indicator: "contracts_reviewed" };
  if (!persons && (/合法性审查|合法性审核|法制审核|法制审查|合法性/.test(local) || (/审查|审核/.test(local) && /文件|决策|规范性/.test(local))))
    return { indicator: "legality_reviews" };
  if (/咨询/.test(local) && (persons || sessions)) return { indicator: "legal_consultations" };

  // C. disputes
  if (cases) {
    const disputeWords = /纠纷|矛盾/.test(local);
    const disputeSentence = /纠纷|矛盾/.test(sentence) || c.prevIndicator === "disputes_handled";
    if (disputeWords && /排查|受理|调处|摸排|接处|处置|办理|收集|排摸|介入/.test(local)) return { indicator: "disputes_handled" };
    if ((disputeWords || disputeSentence) && /化解|调解成功|调处成功|成功调解|解决/.test(local)) return { indicator: "disputes_resolved" };
    if (disputeWords && !/信访/.test(local)) return { indicator: "disputes_handled" };
  }

  // E. meetings on rule-of-law work
  if (sessions && RESEARCH_LAW.test(local)) return { indicator: "rule_of_law_meetings" };

  // A. study and training
  const st = studyOrTraining(c, local);
  if (st) return st;

  if (sessions && MEETING.test(local) && !/培训会|学习会|宣讲会|院坝会|座谈会|研判会|案审会/.test(local)) {
    return LAW_WORK.test(sentence) || LAW_WORK.test(c.earlier) ? { indicator: "rule_of_law_meetings" } : { skip: "meeting not on rule-of-law work" };
  }

  // A. people trained
  if (persons && (/培训|参训|轮训|受训/.test(local) || (/覆盖|参与|参加|累计|惠及/.test(local) && (c.prevIndicator === "training_sessions" || c.prevIndicator === "leadership_study_sessions") && !PUBLIC.test(local))))
    return { indicator: "training_participants" };

  // B. publicity
  if (persons && (/受教|受益|受众|惠及|覆盖|参与|教育/.test(local) && (PUBLIC.test(local) || /受众|受教/.test(local) || /^publicity|^online/.test(c.prevIndicator ?? ""))))
    return { indicator: "publicity_reach" };
  if (u === "copies" && /发放|印发|派发|分发|赠送|发送|送出|制作/.test(local) && !/海报|横幅|条幅|展板|标语/.test(c.left.slice(-12) + c.right))
    return /资料|宣传单|手册|材料|宣传册|折页|读本|明白纸|宣传品|单/.test(local) ? { indicator: "publicity_materials" } : { skip: "copies of something else" };
  if (u === "items" && /推送|发布|推发|发送|转发|刊发|推出|制作/.test(local) && /普法|法律|法治|线上|公众号|微信|新媒体|视频|短视频/.test(local))
    return { indicator: "online_publicity_posts" };
  if (sessions && (/宣传|普法|宣讲|送法|院坝会|法治副校长|法律进|法治进|以案释法/.test(local) || LAW_FILM.test(local))) {
    if (NON_LEGAL.test(withoutTitles(local))) return { skip: "non-legal publicity" };
    if (STAFF.test(local) && !PUBLIC.test(local)) return { indicator: "training_sessions" };
    return { indicator: "publicity_events" };
  }

  // D. inspections (administrative enforcement; a discipline body's inspection of conduct is party work)
  if (sessions && /巡查|检查|巡检|执法检查/.test(local) && !/自查|评查|抽查|督查/.test(local)) {
    if (PARTY_DISCIPLINE.test(local)) return { skip: "party-discipline inspection" };
    return { indicator: "enforcement_inspections" };
  }

  return { skip: "no indicator fits the clause" };
}
