// Classifies one figure to one of the 25 indicators by the words around it: its clause, the
// earlier clauses of its sentence and the sentences before it, read against the cue lexicon
// (lexicon.ts; spec/indicators.md §4). The unit decides the family of indicators; the cues of the
// clause decide within it; where the clause names no subject or object, the nearest neighbour that
// does decides, and the verdict's confidence says how far that was. Rules name kinds of wording,
// never a report, a township or a figure.
import { CUE, type CueName } from "./lexicon.js";
import type { Confidence } from "./types.js";
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
  /** the heading line above the paragraph, if any ((三)严格合法性审查) */
  heading: string;
  unitClass: UnitClass;
  /** indicator of the previous figure read in the same sentence, if any */
  prevIndicator: string | null;
}

export type Verdict = { indicator: string; confidence: Confidence; reason: string } | { skip: string };

/** Where a cue was found, nearest first: the figure's own clause, the sentence, the passage before. */
type Scope = "clause" | "previous clause" | "sentence" | "earlier sentence" | "heading" | "previous figure";

const SCOPE_CONFIDENCE: Record<Scope, Confidence> = {
  clause: "high",
  "previous clause": "medium",
  sentence: "medium",
  "previous figure": "medium",
  "earlier sentence": "low",
  heading: "medium",
};
const RANK: Record<Confidence, number> = { high: 2, medium: 1, low: 0 };

export function lowerOf(a: Confidence, b: Confidence): Confidence {
  return RANK[a] <= RANK[b] ? a : b;
}

const UNIT_WORD: Record<UnitClass, string> = {
  sessions: "次/场",
  cases: "件/起",
  copies: "份",
  person_times: "人次",
  persons: "名/人",
  items: "条",
  percent: "%",
  visits: "家次/户次",
  other: "other",
};

/** How far into a long sentence the neighbours are read (a sentence can run for pages in a bad copy). */
const NEAR = 300;

/** The cues that decided a verdict, with where each was found. */
class Because {
  private parts: string[] = [];
  confidence: Confidence = "high";

  constructor(private readonly c: FigureContext, private readonly local: string) {}

  /** Notes cue `name` as deciding: found in the clause, else the sentence, else the passage before. */
  cue(name: CueName, scope?: Scope): this {
    const re = CUE[name];
    const own = this.c.left + this.c.right;
    let found: Scope | null = null;
    let word = "";
    const tries: [Scope, string][] = [
      ["clause", own],
      ["previous clause", this.local],
      ["sentence", this.c.before.slice(-NEAR) + this.c.after.slice(0, NEAR)],
      ["earlier sentence", this.c.earlier],
      ["heading", this.c.heading],
    ];
    for (const [s, text] of tries) {
      const m = re.exec(text);
      if (m) {
        found = scope ?? s;
        word = m[0];
        break;
      }
    }
    if (!found) return this;
    this.parts.push(found === "clause" ? `${name} ${word}` : `${name} ${word} (${found})`);
    this.confidence = lowerOf(this.confidence, SCOPE_CONFIDENCE[found]);
    return this;
  }

  note(text: string, confidence: Confidence = "high"): this {
    this.parts.push(text);
    this.confidence = lowerOf(this.confidence, confidence);
    return this;
  }

  as(indicator: string): Verdict {
    return { indicator, confidence: this.confidence, reason: [...this.parts, `unit ${UNIT_WORD[this.c.unitClass]}`].join(" + ") };
  }
}

const has = (re: RegExp, ...texts: string[]) => texts.some((t) => re.test(t));

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

/** An inspection count right before the figure (录入行政检查1530起). */
const INSPECTION_BEFORE_FIGURE = /(?:行政检查|执法检查|检查)(?:案件|事项|任务)?(?:共计|累计|合计|共|达)?$/;

/** A count of who took part (覆盖乡村干部240余人次). */
const TOOK_PART_COUNT = new RegExp(`(?:${CUE.tookPart.source})[^，,。；;]{0,12}\\d`);
/** Two kinds of counsel's work joined (审查、咨询). */
const COUNSEL_WORKS = new RegExp(`(?:${CUE.counselWork.source})[、和及与](?:${CUE.counselWork.source})`);
/** The body that holds a meeting, between the verb and the body's kind (召开综合行政执法委员会会议). */
const WORKING_BODY_MEETING = new RegExp(`(?:召开|举行|组织)([^，,。；;]*?)(?:${CUE.workingBody.source})`);

const RESOLVED_G = new RegExp(CUE.disputeResolved.source, "g");

// --- rules ----------------------------------------------------------------------------------
function rate(c: FigureContext): Verdict {
  const local = c.left + c.right;
  const near = c.before + local;
  const why = new Because(c, local);
  if (CUE.certified.test(local)) return why.cue("certified").as("enforcement_certified_rate");
  if (CUE.petition.test(near) && CUE.petitionDone.test(local)) return why.cue("petition").cue("petitionDone").as("petition_resolution_rate");
  if (CUE.resolutionRate.test(local) && (CUE.dispute.test(near + c.earlier) || /调解|化解/.test(near + c.earlier)))
    return why.cue("resolutionRate").cue("dispute").as("dispute_resolution_rate");
  return { skip: "rate of something the spec does not count" };
}

/** Last offset where `re` matches in `s`, or -1. */
const GLOBAL = new Map<RegExp, RegExp>();
function lastMatch(re: RegExp, s: string): number {
  let g = GLOBAL.get(re);
  if (!g) GLOBAL.set(re, (g = new RegExp(re.source, "g")));
  let at = -1;
  for (const m of s.matchAll(g)) at = m.index ?? at;
  return at;
}

/** Cited law titles (《…应急条例》) name the law studied, not a non-legal topic. */
function withoutTitles(s: string): string {
  return s.replace(/《[^》]*》/g, "");
}

/** A study session counts only when its stated topic, or the passage around it, is law. */
function lawTie(c: FigureContext, local: string): Scope | null {
  if (CUE.lawTopic.test(local)) return "clause";
  // a session whose topic is named here (《…》, …精神, …讲话) and is not law does not count
  if (/《[^》]+》/.test(local) || CUE.otherTopic.test(local)) return null;
  const sentence = c.before + c.after;
  if (CUE.lawTopic.test(sentence)) return "sentence";
  // a sentence that names another topic (主题教育, 党纪学习) and no law: political study
  if (CUE.otherTopic.test(withoutTitles(sentence))) return null;
  return CUE.lawTopic.test(c.earlier) ? "earlier sentence" : null;
}

/**
 * A subordinate body as the one that acts (下辖党组织学习1940次, 各社区举办培训班76次), not as
 * the affiliation of the people trained (各村(居)、各单位领导干部开展法治专题培训班4次).
 */
const PERSON_AFTER = new RegExp(`^[^，,。；;]{0,12}?(?:${CUE.personNoun.source})`);
const SUBORDINATE_G = new RegExp(CUE.subordinate.source, "g");
function bySubordinate(s: string): boolean {
  for (const m of s.matchAll(SUBORDINATE_G)) if (!PERSON_AFTER.test(s.slice(m.index! + m[0].length))) return true;
  return false;
}

/** How sure a law topic found there makes a study session (the passage before sets the topic of a whole item). */
const TIE_CONFIDENCE: Record<Scope, Confidence> = { ...SCOPE_CONFIDENCE, "earlier sentence": "medium" };

type Who = "leader" | "staff";

/** Who studies or is trained: the subject nearest the figure, and how far it stood. */
function subjectOf(c: FigureContext, local: string, kind: "study" | "training"): { who: Who; scope: Scope; both: boolean } | null {
  const inLocal = { staff: CUE.staff.test(local), leader: CUE.leader.test(local) };
  // both named: study is the leaders' (中心组 and staff named as its audience), training is staff's
  const tie: Who = kind === "study" ? "leader" : "staff";
  if (inLocal.staff && inLocal.leader) return { who: tie, scope: "clause", both: true };
  if (inLocal.staff) return { who: "staff", scope: "clause", both: false };
  if (inLocal.leader) return { who: "leader", scope: "clause", both: false };
  // who took part, named in the next clause (…专题学习4次,覆盖乡村干部240余人次)
  const next = c.after.split(/[，,；;。]/, 2)[1] ?? "";
  if (TOOK_PART_COUNT.test(c.right + next)) {
    const staff = CUE.staff.test(c.right + next);
    const leader = CUE.leader.test(c.right + next);
    if (staff !== leader) return { who: staff ? "staff" : "leader", scope: "sentence", both: false };
  }
  // the clauses before, nearest first: the last clause that names a subject decides
  const clauses = c.before.slice(-NEAR).split(/[，,；;：:]/).filter((s) => s.length > 0);
  for (let k = clauses.length - 1; k >= 0; k--) {
    const s = clauses[k]!;
    const staff = CUE.staff.test(s);
    const leader = CUE.leader.test(s);
    if (staff && leader) return { who: tie, scope: "previous clause", both: true };
    if (staff || leader) return { who: staff ? "staff" : "leader", scope: "previous clause", both: false };
  }
  const after = c.after;
  if (CUE.staff.test(after) && !CUE.leader.test(after)) return { who: "staff", scope: "sentence", both: false };
  if (CUE.leader.test(after)) return { who: "leader", scope: "sentence", both: false };
  // the sentences before: they set the scene (班子带头学法…), the leaders named there are its subject
  if (CUE.leader.test(c.earlier)) return { who: "leader", scope: "earlier sentence", both: false };
  if (CUE.staff.test(c.earlier)) return { who: "staff", scope: "earlier sentence", both: false };
  return null;
}

const STUDY_INDICATOR: Record<Who, string> = { leader: "leadership_study_sessions", staff: "training_sessions" };

/** Study sessions and trainings: who studies decides leadership vs staff (spec §4 A). */
function studyOrTraining(c: FigureContext, local: string): Verdict | null {
  const isTraining = CUE.training.test(local);
  const isStudy = CUE.study.test(local);
  if (!isTraining && !isStudy) return null;
  if (c.unitClass !== "sessions") return null;
  // the activity named right after the figure, else the last one before it, is the head noun
  // (主题学习宣讲活动35场 is publicity; 等6期法律知识培训 is training)
  const left = withoutTitles(c.left);
  const headPublicity =
    !CUE.study.test(c.right) && !CUE.training.test(c.right) && lastMatch(CUE.publicityActivity, left) > Math.max(lastMatch(CUE.study, left), lastMatch(CUE.training, left));
  if (headPublicity && !has(CUE.staff, local) && !has(CUE.leader, local)) return null;
  const why = new Because(c, local);
  if (bySubordinate(local) || bySubordinate(c.before)) return { skip: "activity of subordinate organisations" };
  if (CUE.public.test(c.left) && !CUE.staff.test(c.left) && (CUE.lecture.test(local) || /培训/.test(local))) return why.cue("public").cue("training").as("publicity_events");
  // a lecture whose audience the next clause names as the public (法治讲座3场,受众群众达500人)
  const nextClause = c.after.split(/[，,；;。]/, 2)[1] ?? "";
  if (CUE.lecture.test(local) && !CUE.staff.test(c.before + local) && CUE.public.test(c.right + nextClause))
    return why.cue("training").note("audience public (next clause)", "medium").as("publicity_events");
  // a figure for study and training together (中心组学习和各类法治培训5次) counts neither
  if (isStudy && isTraining && /(?:学习|学法|研讨)[^，,。；;]{0,8}[和及与、][^，,。；;]{0,6}培训/.test(local) && CUE.leader.test(local))
    return { skip: "study and training counted together" };
  if (CUE.leader.test(local) && isStudy && !CUE.staff.test(local)) {
    const tie = lawTie(c, local);
    if (!tie) return { skip: "study without a law topic" };
    return why.cue("leader").cue("study").note(`law topic${tie === "clause" ? "" : ` (${tie})`}`, TIE_CONFIDENCE[tie]).as("leadership_study_sessions");
  }
  if (isTraining) {
    if (CUE.nonLegal.test(withoutTitles(local))) return { skip: "non-legal training" };
    // counsel lecturing to an audience nobody names (法律顾问…开展法治讲座2次): neither staff nor public
    const sentence = c.before + local + c.after;
    if (CUE.lecture.test(local) && !/培训/.test(local) && CUE.counsel.test(c.before + local) && !CUE.staff.test(sentence) && !CUE.public.test(sentence) && !CUE.leader.test(sentence))
      return { skip: "counsel's lecture to an audience not named" };
    const who = subjectOf(c, local, "training");
    why.cue("training");
    if (who) why.note(`subject ${who.who}${who.scope === "clause" ? "" : ` (${who.scope})`}`);
    return why.as("training_sessions");
  }
  // study sessions: tied to law, and by leaders or by staff; counsel studying is not either
  if (CUE.counsel.test(local + c.before) && !CUE.staff.test(local)) return { skip: "counsel's own activity" };
  const tie = lawTie(c, local);
  if (!tie) return { skip: "study without a law topic" };
  why.cue("study").note(`law topic${tie === "clause" ? "" : ` (${tie})`}`, TIE_CONFIDENCE[tie]);
  const who = subjectOf(c, local, "study");
  if (!who) return why.note("no subject named: leaders' study assumed", "low").as("leadership_study_sessions");
  why.note(
    `subject ${who.who}${who.scope === "clause" ? "" : ` (${who.scope})`}${who.both ? ", leaders and staff both named" : ""}`,
    who.both ? "low" : SCOPE_CONFIDENCE[who.scope],
  );
  return why.as(STUDY_INDICATOR[who.who]);
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
  const why = new Because(c, local);

  if (CUE.genericBundle.test(c.left)) return { skip: "a bundle of generic work" };

  const cases = u === "cases";
  const sessions = u === "sessions";
  const persons = u === "persons" || u === "person_times";

  // H. emergencies
  if (sessions && CUE.drill.test(local)) return CUE.drillKind.test(local) ? why.cue("drill").cue("drillKind").as("emergency_drills") : { skip: "drill" };

  // G. workforce
  if (u === "persons" && CUE.legalLiterate.test(local) && !CUE.trainedVerb.test(c.right)) return why.cue("legalLiterate").as("legal_literates");
  if (u === "persons" && CUE.mediator.test(local) && !CUE.trainedVerb.test(c.right)) return why.cue("mediator").as("mediators");

  // C / F. cases of particular kinds
  if (cases && CUE.otherMediation.test(local)) return { skip: "mediation of another kind" };
  if (cases && CUE.peopleMediation.test(local)) return why.cue("peopleMediation").as("people_mediation_cases");
  if (cases && CUE.reconsideration.test(local)) return why.cue("reconsideration").as("admin_reconsideration_cases");
  if (cases && CUE.adminLitigation.test(local)) return why.cue("adminLitigation").as("admin_litigation_cases");
  if (cases && CUE.otherLawsuit.test(local)) return { skip: "lawsuit not said to be administrative" };

  // D. inspections told as cases (行政检查案件共计122起)
  if (cases && (/检查(?:案件|事项|任务|共计|共)/.test(local) || INSPECTION_BEFORE_FIGURE.test(c.left)) && !CUE.inspectionNot.test(local))
    return why.cue("inspection").as("enforcement_inspections");
  // a legality review told as cases (完成重大法制审核案件36件) is no enforcement case
  if (cases && CUE.legalityReview.test(local) && !CUE.contract.test(local)) return why.cue("legalityReview").as("legality_reviews");

  // D. enforcement cases
  // (a review of decisions, 审查处罚决定12件, is a legality review, read below)
  if (cases && !has(CUE.petition, local) && !has(CUE.dispute, local) && !(/审查|审核/.test(local) && CUE.reviewedDocument.test(local))) {
    if (CUE.enforcementCase.test(local)) return why.cue("enforcementCase").as("enforcement_cases");
    if (CUE.caseProcedure.test(local)) return why.cue("caseProcedure").as("enforcement_cases");
    if (CUE.violation.test(local)) return why.cue("violation").as("enforcement_cases");
    if (CUE.caseWord.test(local) && CUE.enforcementContext.test(c.before + local)) return why.cue("caseWord").cue("enforcementContext").as("enforcement_cases");
  }

  // E. legal counsel
  if (CUE.legalOpinion.test(local) && !CUE.opinionNot.test(local)) {
    if (!/法律意见/.test(local) && /决策|规范性文件/.test(local)) return why.cue("legalOpinion").cue("reviewedDocument").as("legality_reviews");
    return why.cue("legalOpinion").as("legal_opinions");
  }
  if (CUE.reviewOpinion.test(local)) return /决策|规范性文件|文件/.test(local) ? why.cue("reviewOpinion").cue("reviewedDocument").as("legality_reviews") : why.cue("reviewOpinion").as("legal_opinions");
  // one figure for several kinds of counsel's work (对430件事项进行审查、咨询、评估) counts none of them
  const restOfClause = c.after.split(/[，,；;。]/, 1)[0]!;
  if (COUNSEL_WORKS.test(local + restOfClause)) return { skip: "several kinds of work counted together" };
  if (!persons && CUE.contract.test(local) && CUE.reviewVerb.test(local)) {
    // a legality review of a list of objects that includes contracts is a legality review
    if (CUE.reviewedDocument.test(local.replace(/合同(?:文件|文本|协议|事项)/g, "")))
      return why.cue("reviewedDocument").cue("contract").note("contracts one object of several").as("legality_reviews");
    return why.cue("contract").cue("reviewVerb").as("contracts_reviewed");
  }
  if (!persons && (CUE.legalityReview.test(local) || (/审查|审核/.test(local) && CUE.reviewedDocument.test(local))))
    return CUE.legalityReview.test(local) ? why.cue("legalityReview").as("legality_reviews") : why.cue("reviewVerb").cue("reviewedDocument").as("legality_reviews");
  // 审查 of documents governed by a legality-review heading or sentence before it
  if (!persons && /审查|审核|把关/.test(local) && !CUE.contract.test(local) && CUE.legalityReview.test(c.before + c.earlier + c.heading))
    return why.cue("reviewVerb").cue("legalityReview").as("legality_reviews");
  // the next object of a list a review verb governs (审核重大决策事项12件、规范性文件3件)
  if (cases && CUE.reviewedDocument.test(local) && !CUE.contract.test(local) && /审查|审核/.test(c.before) && /、$/.test(c.before))
    return why.cue("reviewedDocument").cue("reviewVerb").as("legality_reviews");
  if (CUE.consultation.test(local) && (persons || sessions)) return why.cue("consultation").as("legal_consultations");

  // C. disputes
  if (cases) {
    const disputeWords = CUE.dispute.test(local);
    const disputeSentence = CUE.dispute.test(sentence) || c.prevIndicator === "disputes_handled";
    // (调处成功 is resolved: the handled verbs are read without the resolved phrases)
    if (disputeWords && CUE.disputeHandled.test(local.replace(RESOLVED_G, ""))) return why.cue("dispute").cue("disputeHandled").as("disputes_handled");
    if ((disputeWords || disputeSentence) && CUE.disputeResolved.test(local)) {
      if (!disputeWords) why.note(c.prevIndicator === "disputes_handled" ? "disputes (previous figure)" : "dispute (sentence)", "medium");
      return why.cue("dispute").cue("disputeResolved").as("disputes_resolved");
    }
    if (disputeWords && !CUE.petition.test(local)) return why.cue("dispute").as("disputes_handled");
  }

  // E. meetings on rule-of-law work
  if (sessions && CUE.researchLaw.test(local)) return why.cue("researchLaw").as("rule_of_law_meetings");

  // A. study and training
  const st = studyOrTraining(c, local);
  if (st) return st;

  if (sessions && CUE.meeting.test(local) && !CUE.meetingNotWork.test(local)) {
    // a working body's meeting (执法委员会工作会议) is on its own work unless the clause names law work
    const body = WORKING_BODY_MEETING.exec(local)?.[1]?.replace(/^(?:街道|镇|乡|全镇|全街道)/, "");
    if (body && !CUE.lawWork.test(body)) return { skip: "meeting of a working body on its own work" };
    // the meeting's topic: rule-of-law work named in its clause or the clauses governing it (a
    // 专题 meeting: or just before); law named only in later clauses belongs to other activities
    if (CUE.lawWork.test(c.before + local)) return why.cue("meeting").cue("lawWork").as("rule_of_law_meetings");
    if (/专题/.test(local) && CUE.lawWork.test(c.earlier)) return why.cue("meeting").cue("lawWork").as("rule_of_law_meetings");
    return { skip: "meeting not on rule-of-law work" };
  }

  // A. people trained
  const afterStudy = c.prevIndicator === "training_sessions" || c.prevIndicator === "leadership_study_sessions";
  if (persons && CUE.trainedVerb.test(local)) return why.cue("trainedVerb").as("training_participants");
  if (persons && CUE.joinedVerb.test(local) && afterStudy && !CUE.public.test(local))
    return why.cue("joinedVerb").note("after a training figure", "medium").as("training_participants");

  // B. publicity
  if (persons && CUE.reachVerb.test(local) && (CUE.public.test(local) || CUE.reachAudienceWord.test(local) || /^publicity|^online/.test(c.prevIndicator ?? ""))) {
    why.cue("reachVerb");
    if (CUE.public.test(local)) why.cue("public");
    else if (!CUE.reachAudienceWord.test(local)) why.note("after a publicity figure", "medium");
    return why.as("publicity_reach");
  }
  if (u === "person_times" && CUE.publicityHeard.test(c.left) && !CUE.staff.test(local) && !CUE.consultation.test(local))
    return why.cue("publicityHeard").as("publicity_reach");
  if (u === "copies" && CUE.distribute.test(local) && !CUE.posters.test(c.left.slice(-12) + c.right))
    return CUE.materials.test(local) ? why.cue("distribute").cue("materials").as("publicity_materials") : { skip: "copies of something else" };
  if (u === "items" && CUE.disclosure.test(local)) return { skip: "government information disclosed" };
  if (u === "items" && CUE.postVerb.test(local) && CUE.online.test(local)) return why.cue("postVerb").cue("online").as("online_publicity_posts");
  if (sessions && (CUE.publicityActivity.test(local) || CUE.lawFilm.test(local))) {
    if (CUE.nonLegal.test(withoutTitles(local))) return { skip: "non-legal publicity" };
    if (CUE.staff.test(local) && !CUE.public.test(local)) return why.cue("publicityActivity").cue("staff").as("training_sessions");
    return why.cue(CUE.publicityActivity.test(local) ? "publicityActivity" : "lawFilm").as("publicity_events");
  }

  // D. inspections and enforcement actions (a discipline body's inspection of conduct is party work)
  if ((sessions || u === "visits") && (CUE.inspection.test(local) || CUE.enforcementAction.test(local)) && (!CUE.inspectionNot.test(local) || /双随机/.test(local))) {
    if (CUE.partyDiscipline.test(local)) return { skip: "party-discipline inspection" };
    return why.cue(CUE.inspection.test(local) ? "inspection" : "enforcementAction").as("enforcement_inspections");
  }

  return { skip: "no indicator fits the clause" };
}
