// The cue lexicon: the words that tell which indicator a figure counts (spec/indicators.md §4),
// as data. Each row is one cue — an activity or verb, an object, an audience or subject, a topic,
// or what excludes an indicator — with its wordings. classify.ts reads a figure's clause and its
// neighbours (earlier clauses of the sentence, earlier sentences of the item) against these cues.
//
// Adding a synonym is a one-line change: append the wording to its row's `words`. Every wording
// of every row is tested (tests/lexicon.test.ts): the row's `template` with `{}` replaced by the
// wording must read as `expect` (an indicator id, or null: no figure at all).

export type CueName =
  // subjects and audiences: who studies, is trained or is reached
  | "leader"
  | "staff"
  | "public"
  | "subordinate"
  | "counsel"
  // topics
  | "lawTopic"
  | "lawWork"
  | "otherTopic"
  | "nonLegal"
  // study, training, meetings
  | "study"
  | "training"
  | "meeting"
  | "meetingNotWork"
  | "researchLaw"
  // publicity
  | "publicityActivity"
  | "lawFilm"
  | "publicityHeard"
  | "reachVerb"
  | "reachAudienceWord"
  | "distribute"
  | "materials"
  | "posters"
  | "postVerb"
  | "online"
  | "disclosure"
  // training participants
  | "trainedVerb"
  | "joinedVerb"
  // disputes and mediation
  | "dispute"
  | "disputeHandled"
  | "disputeResolved"
  | "peopleMediation"
  | "otherMediation"
  | "petition"
  // enforcement
  | "enforcementCase"
  | "caseWord"
  | "enforcementContext"
  | "violation"
  | "caseProcedure"
  | "inspection"
  | "inspectionNot"
  | "enforcementAction"
  | "partyDiscipline"
  // decisions and counsel
  | "legalOpinion"
  | "opinionNot"
  | "reviewOpinion"
  | "contract"
  | "reviewVerb"
  | "legalityReview"
  | "reviewedDocument"
  | "consultation"
  // reconsideration and litigation
  | "reconsideration"
  | "adminLitigation"
  | "otherLawsuit"
  // workforce
  | "legalLiterate"
  | "mediator"
  // emergencies
  | "drill"
  | "drillKind"
  // rates
  | "certified"
  | "resolutionRate"
  | "petitionDone"
  // grammar of the genre
  | "lecture"
  | "workingBody"
  | "counselWork"
  | "tookPart"
  | "personNoun"
  // generic
  | "genericBundle";

export interface CueRow {
  cue: CueName;
  /** what the cue stands for, in the spec's terms */
  means: string;
  /** literal wordings (matched anywhere in the text read) */
  words: string[];
  /** regular-expression wordings, each with a literal example used in the row's test */
  patterns?: [pattern: string, example: string][];
  /** a sentence where `{}` is one wording of the row; every wording is tried in it */
  template: string;
  /**
   * what the template's first figure reads as, for every wording: an indicator id, null (no figure
   * at all), or { not: id } (anything but that indicator: an exclusion)
   */
  expect: string | null | { not: string };
}

export const LEXICON: CueRow[] = [
  // --- subjects and audiences ----------------------------------------------------------------
  {
    cue: "leader",
    means: "the party committee, its theory study group, the leading group: their study is leadership study",
    words: ["党委", "中心组", "班子", "党工委", "领导干部", "主要领导", "主要负责人", "负责同志", "领导同志", "镇长", "乡长", "常务会", "办公会", "第一议题", "党组", "常委会", "领导", "党政联席会"],
    template: "组织{}开展法治专题学习5次。",
    expect: "leadership_study_sessions",
  },
  {
    cue: "staff",
    means: "ordinary officials, staff and grassroots workers: their study and training is staff training",
    words: [
      "干部职工", "镇村干部", "村干部", "机关干部", "党员干部", "全体人员", "工作人员", "执法人员", "网格员", "法律明白人",
      "调解员", "公职人员", "在编干部", "在编人员", "职工", "全员", "社区工作者", "年轻干部", "两委", "国家工作人员", "执法队员",
      "村居干部", "一般干部", "机关人员", "新入职", "辅警", "协管员", "党员", "乡村干部", "村社干部", "内设机构",
    ],
    patterns: [
      ["全(?:体|镇|乡|街道|街|办|区|苏木)(?:机关)?干部", "全镇干部"],
      ["(?:村|社区)[(（][^)）]{1,4}[)）]干部", "村(居)干部"],
    ],
    template: "组织{}开展法治专题学习5次。",
    expect: "training_sessions",
  },
  {
    cue: "public",
    means: "residents, enterprises, pupils: lectures for them are publicity, people reached are publicity reach",
    words: [
      "群众", "村民", "居民", "企业", "学生", "师生", "青少年", "学校", "校园", "商户", "农民工", "老年人", "妇女", "儿童",
      "家长", "辖区", "市民", "游客", "经营户", "业主", "租户", "少年", "未成年人", "外来务工", "务工人员", "个体户",
    ],
    template: "面向{}开展法治讲座5次。",
    expect: "publicity_events",
  },
  {
    cue: "subordinate",
    means: "subordinate bodies: their own study sessions are not the township's (下辖党组织学习1940次)",
    words: ["下辖", "基层党组织", "各社区", "各村", "党支部", "社区党组织", "村党组织", "各支部", "支部", "各党组织", "下属单位", "各站所"],
    template: "{}开展法治学习120次。",
    expect: null,
  },
  {
    cue: "counsel",
    means: "legal counsel and lawyers: their own study is neither leadership study nor staff training",
    words: ["法律顾问", "律师"],
    template: "{}开展法律法规学习3次。",
    expect: null,
  },
  // --- topics -------------------------------------------------------------------------------
  {
    cue: "lawTopic",
    means: "law as the topic: what ties a study session to rule of law",
    words: ["法治", "法律", "法规", "学法", "宪法", "法典", "条例", "依法", "普法", "讲法", "庭审", "法庭", "案例"],
    patterns: [["《[^》]*法[^》]*》", "《行政处罚法》"]],
    template: "党委中心组开展{}专题学习5次。",
    expect: "leadership_study_sessions",
  },
  {
    cue: "lawWork",
    means: "rule-of-law work as the subject of a meeting",
    words: ["法治", "依法治", "依法行政", "法制"],
    template: "召开党委会专题研究{}工作3次。",
    expect: "rule_of_law_meetings",
  },
  {
    cue: "otherTopic",
    means: "a named topic of study that is not law: political study, unless law is named too",
    words: ["主题教育", "党纪学习", "党史学习", "党建", "精神", "讲话", "作风建设", "廉政", "理论“"],
    patterns: [["(?<!法治)思想(?!法治)", "党的创新思想"]],
    template: "党委中心组围绕{}开展学习12次。",
    expect: null,
  },
  {
    cue: "nonLegal",
    means: "trainings and publicity on matters other than law (fire safety, first aid, IT)",
    words: ["消防", "应急", "安全生产", "防汛", "急救", "卫生", "防疫", "健康", "心理", "保密", "财务", "电脑", "信息化", "防溺水", "燃气", "反诈", "禁毒"],
    template: "组织干部职工开展{}知识培训5次。",
    expect: null,
  },
  // --- study, training, meetings --------------------------------------------------------------
  {
    cue: "study",
    means: "study sessions: by leaders → leadership study; by staff → staff training",
    words: ["学习", "学法", "研讨", "党课", "讲法治课", "讲法", "研学", "交流", "旁听庭审", "庭审旁听", "观摩庭审", "传达"],
    template: "党委中心组{}法治内容6次。",
    expect: "leadership_study_sessions",
  },
  {
    cue: "training",
    means: "trainings, lectures and courses for officials and staff",
    words: ["培训", "轮训", "讲座", "培训班", "课程", "授课", "讲堂", "法治课", "业务培训", "专题辅导", "以会代训", "大讲堂", "教学", "讲课"],
    template: "组织镇村干部参加法律{}7次。",
    expect: "training_sessions",
  },
  {
    cue: "meeting",
    means: "meetings of the party committee or government: counted when held on rule-of-law work",
    words: ["专题会议", "专题会", "党委会", "党工委会", "常务会", "联席会议", "部署会", "推进会", "工作会议", "领导小组会议", "会议", "办公会", "委员会会议"],
    template: "召开法治建设{}4次。",
    expect: "rule_of_law_meetings",
  },
  {
    cue: "meetingNotWork",
    means: "gatherings that are not meetings on rule-of-law work (trainings, hearings, case reviews)",
    words: ["培训会", "学习会", "宣讲会", "院坝会", "座谈会", "研判会", "案审会", "听证会", "协调会", "调解会", "见面会"],
    template: "召开法治建设{}4次。",
    expect: { not: "rule_of_law_meetings" },
  },
  {
    cue: "researchLaw",
    means: "a meeting that studies or deploys rule-of-law work (研究部署法治建设)",
    words: [],
    patterns: [
      ["(?:专题研究|研究部署|研究解决|专题部署|研究)[^，,。；;]{0,12}(?:法治|依法治|依法行政)", "研究部署法治"],
      ["(?:法治|依法治|依法行政)[^，,。；;]{0,8}(?:研究|部署)", "法治建设工作部署"],
    ],
    template: "党委会{}工作8次。",
    expect: "rule_of_law_meetings",
  },
  // --- publicity -----------------------------------------------------------------------------
  {
    cue: "publicityActivity",
    means: "public legal-education events (普法宣传, 宣讲, 送法下乡, 法治副校长)",
    words: [
      "宣传", "普法", "宣讲", "送法", "院坝会", "法治副校长", "法律进", "法治进", "以案释法", "坝坝会",
      "法治文艺", "文艺演出", "巡演", "知识竞赛", "有奖问答", "摆摊设点", "法治集市"
    ],
    template: "在村里开展{}活动9场。",
    expect: "publicity_events",
  },
  {
    cue: "lawFilm",
    means: "screenings of law films: public legal education",
    words: [],
    patterns: [
      ["(?:法治|普法|法律)[^，,。；;]{0,4}(?:电影|影片)", "法治电影"],
      ["(?:电影|影片)[^，,。；;]{0,4}(?:普法|法治)", "电影普法"],
    ],
    template: "{}下乡放映12场。",
    expect: "publicity_events",
  },
  {
    cue: "publicityHeard",
    means: "person-times who heard or took part in a publicity activity (现场讲解58人次)",
    words: ["讲解", "宣讲", "宣传", "普法", "送法", "释法", "答疑"],
    template: "现场{}58人次。",
    expect: "publicity_reach",
  },
  {
    cue: "reachVerb",
    means: "people reached by publicity (覆盖/受教/受益/惠及)",
    words: ["受教", "受益", "受众", "惠及", "覆盖", "参与", "教育", "辐射", "吸引", "参加", "观看", "收看", "浏览", "阅读", "点击"],
    template: "开展普法宣传,{}群众3000人次。",
    expect: "publicity_reach",
  },
  {
    cue: "reachAudienceWord",
    means: "words that name people reached without naming who they are",
    words: ["受众", "受教", "受教育", "受益"],
    template: "{}人数达500人次。",
    expect: "publicity_reach",
  },
  {
    cue: "distribute",
    means: "handing out materials",
    words: ["发放", "印发", "派发", "分发", "赠送", "发送", "送出", "制作", "发出", "投放"],
    template: "{}普法宣传资料3000份。",
    expect: "publicity_materials",
  },
  {
    cue: "materials",
    means: "leaflets, brochures and other handed-out materials",
    words: ["资料", "宣传单", "手册", "材料", "宣传册", "折页", "读本", "明白纸", "宣传品", "单", "漫画", "书籍", "法律书"],
    template: "发放普法{}3000份。",
    expect: "publicity_materials",
  },
  {
    cue: "posters",
    means: "banners and posters: not materials (spec: 横幅, 条幅, 海报)",
    words: ["海报", "横幅", "条幅", "展板", "标语"],
    template: "制作宣传{}30份。",
    expect: null,
  },
  {
    cue: "postVerb",
    means: "publishing online",
    words: ["推送", "发布", "推发", "发送", "转发", "刊发", "推出", "制作"],
    template: "通过公众号{}普法信息20条。",
    expect: "online_publicity_posts",
  },
  {
    cue: "online",
    means: "online channels and law content of posts",
    words: ["普法", "法律", "法治", "线上", "公众号", "微信", "新媒体", "视频", "短视频", "抖音", "钉钉", "网站", "朋友圈"],
    template: "推送{}信息20条。",
    expect: "online_publicity_posts",
  },
  {
    cue: "disclosure",
    means: "government information disclosed online (政务公开): not legal publicity",
    words: ["公开", "政务信息", "政府信息"],
    template: "通过微信公众号发布各类信息进行{}767条。",
    expect: null,
  },
  // --- people trained -------------------------------------------------------------------------
  {
    cue: "trainedVerb",
    means: "people trained (培训…N人次)",
    words: ["培训", "参训", "轮训", "受训", "培养"],
    template: "{}执法人员20人次。",
    expect: "training_participants",
  },
  {
    cue: "joinedVerb",
    means: "people who took part, after a training or study figure (覆盖/参与 N 人次)",
    words: ["覆盖", "参与", "参加", "累计", "惠及", "参学", "共有"],
    template: "组织干部职工开展法治培训10场次,{}500人次。",
    expect: "training_sessions",
  },
  // --- disputes and mediation ------------------------------------------------------------------
  {
    cue: "dispute",
    means: "disputes and conflicts",
    words: ["纠纷", "矛盾"],
    template: "排查{}30件。",
    expect: "disputes_handled",
  },
  {
    cue: "disputeHandled",
    means: "disputes found, received or handled",
    words: ["排查", "受理", "调处", "摸排", "接处", "处置", "办理", "收集", "排摸", "介入", "接待", "登记", "梳理", "发现"],
    template: "{}矛盾纠纷30件。",
    expect: "disputes_handled",
  },
  {
    cue: "disputeResolved",
    means: "disputes resolved",
    words: ["化解", "调解成功", "调处成功", "成功调解", "解决", "妥善处理", "息诉"],
    template: "{}矛盾纠纷30件。",
    expect: "disputes_resolved",
  },
  {
    cue: "peopleMediation",
    means: "cases of the people's mediation committees",
    words: ["人民调解"],
    template: "{}案件53件。",
    expect: "people_mediation_cases",
  },
  {
    cue: "otherMediation",
    means: "mediation of other kinds (no indicator of their own)",
    words: ["行政调解", "司法调解", "诉前调解", "法院调解"],
    template: "{}38件。",
    expect: null,
  },
  {
    cue: "petition",
    means: "petitions (信访): their cases are not disputes",
    words: ["信访"],
    template: "受理{}案件12件。",
    expect: null,
  },
  // --- enforcement ---------------------------------------------------------------------------
  {
    cue: "enforcementCase",
    means: "administrative enforcement cases and penalties",
    words: ["处罚", "简易程序", "普通程序", "一般程序", "快速办理", "立案", "执法案件", "决定书", "查处", "结案", "办结案件", "行政强制"],
    template: "{}案件14起。",
    expect: "enforcement_cases",
  },
  {
    cue: "caseProcedure",
    means: "the procedure of enforcement cases: after a case total in the sentence, figures by procedure are its parts",
    words: ["简易程序", "普通程序", "一般程序", "快速办理", "当场处罚", "快办"],
    template: "适用{}案件38件。",
    expect: "enforcement_cases",
  },
  {
    cue: "caseWord",
    means: "the word case, counted as enforcement when enforcement is the context",
    words: ["案件", "案"],
    template: "开展综合执法,办理{}14起。",
    expect: "enforcement_cases",
  },
  {
    cue: "enforcementContext",
    means: "enforcement as the context of a case count",
    words: ["执法", "处罚", "违法", "违规"],
    template: "{}领域办理案件14起。",
    expect: "enforcement_cases",
  },
  {
    cue: "violation",
    means: "violations found and dealt with (查处违法行为N起)",
    words: ["违法行为", "违法建设", "违建", "违法占地", "违规行为", "违法案件", "违章"],
    template: "查处{}14起。",
    expect: "enforcement_cases",
  },
  {
    cue: "inspection",
    means: "enforcement inspections and patrols",
    words: ["巡查", "检查", "巡检", "执法检查", "排查整治", "督导检查", "双随机"],
    template: "对辖区门店开展{}102次。",
    expect: "enforcement_inspections",
  },
  {
    cue: "inspectionNot",
    means: "reviews that are not enforcement inspections (自查, 评查, 督查); 双随机 spot checks are inspections",
    words: ["自查", "评查", "抽查", "督查"],
    template: "开展案卷{}12次。",
    expect: null,
  },
  {
    cue: "enforcementAction",
    means: "enforcement actions counted as inspections (联合执法N次, 专项执法行动N次)",
    words: ["联合执法", "专项执法", "执法行动", "驻站执法", "集中执法", "综合执法", "整治行动", "专项整治", "执法巡逻", "夜间执法"],
    template: "开展{}16次。",
    expect: "enforcement_inspections",
  },
  {
    cue: "partyDiscipline",
    means: "party-discipline bodies and topics: their inspections are party work, not enforcement",
    words: ["纪委", "纪检", "纪工委", "监委", "作风", "党风", "廉政", "八项规定", "四风"],
    template: "{}开展监督检查12次。",
    expect: null,
  },
  // --- decisions and counsel -------------------------------------------------------------------
  {
    cue: "legalOpinion",
    means: "legal opinions given by the legal adviser",
    words: ["法律意见", "意见书", "意见建议"],
    template: "法律顾问为重大事项出具{}3件。",
    expect: "legal_opinions",
  },
  {
    cue: "opinionNot",
    means: "opinions that are not the legal adviser's (征求意见, 法治观察意见)",
    words: ["征求", "观察", "群众意见", "民意"],
    template: "上报法治{}意见书3份。",
    expect: null,
  },
  {
    cue: "reviewOpinion",
    means: "review opinions (审查意见)",
    words: ["审查意见", "审核意见"],
    template: "法律顾问出具{}5份。",
    expect: "legal_opinions",
  },
  {
    cue: "contract",
    means: "contracts and agreements",
    words: ["合同", "协议", "合同文书"],
    template: "审查{}30份。",
    expect: "contracts_reviewed",
  },
  {
    cue: "reviewVerb",
    means: "reviewing (of contracts or documents)",
    words: ["审查", "审核", "审签", "把关", "审", "审阅"],
    template: "{}合同30份。",
    expect: "contracts_reviewed",
  },
  {
    cue: "legalityReview",
    means: "legality reviews of decisions and normative documents",
    words: ["合法性审查", "合法性审核", "法制审核", "法制审查", "合法性", "法律审核", "合规性审查", "前置审查"],
    template: "开展{}12件。",
    expect: "legality_reviews",
  },
  {
    cue: "reviewedDocument",
    means: "decisions, normative documents and major matters, the objects of a legality review",
    words: ["文件", "决策", "规范性", "重大事项", "行政行为", "事项", "议题", "执法决定", "处罚决定"],
    template: "审查{}12件。",
    expect: "legality_reviews",
  },
  {
    cue: "consultation",
    means: "legal consultations given to residents",
    words: ["咨询", "解答", "法律援助咨询"],
    template: "提供法律{}50人次。",
    expect: "legal_consultations",
  },
  // --- reconsideration and litigation ------------------------------------------------------------
  {
    cue: "reconsideration",
    means: "administrative reconsideration cases",
    words: ["复议"],
    template: "办理行政{}案件3件。",
    expect: "admin_reconsideration_cases",
  },
  {
    cue: "adminLitigation",
    means: "administrative lawsuits",
    words: ["行政诉讼", "行政应诉", "应诉", "行政案件"],
    template: "办理{}3件。",
    expect: "admin_litigation_cases",
  },
  {
    cue: "otherLawsuit",
    means: "lawsuits not said to be administrative",
    words: ["诉讼", "刑事", "民事"],
    template: "代理{}案件3件。",
    expect: null,
  },
  // --- workforce --------------------------------------------------------------------------------
  {
    cue: "legalLiterate",
    means: "法律明白人 appointed or trained",
    words: ["法律明白人", "法治带头人"],
    template: "培育{}81名。",
    expect: "legal_literates",
  },
  {
    cue: "mediator",
    means: "people's mediators",
    words: ["调解员"],
    template: "聘用专职人民{}2名。",
    expect: "mediators",
  },
  // --- emergencies ---------------------------------------------------------------------------------
  {
    cue: "drill",
    means: "drills",
    words: ["演练", "演习"],
    template: "组织应急{}4次。",
    expect: "emergency_drills",
  },
  {
    cue: "drillKind",
    means: "emergency kinds of a drill",
    words: ["应急", "防汛", "消防", "疏散", "救援", "演练", "地质灾害", "避险"],
    template: "组织{}演练4次。",
    expect: "emergency_drills",
  },
  // --- rates ----------------------------------------------------------------------------------
  {
    cue: "certified",
    means: "enforcement staff holding certificates",
    words: ["持证", "持证上岗"],
    template: "执法人员{}率达到100%。",
    expect: "enforcement_certified_rate",
  },
  {
    cue: "resolutionRate",
    means: "the share of disputes resolved",
    words: ["化解率", "调解成功率", "调处成功率", "化解成功率"],
    template: "矛盾纠纷{}达98%。",
    expect: "dispute_resolution_rate",
  },
  {
    cue: "petitionDone",
    means: "petitions resolved or closed, for the petition rate",
    words: ["化解", "办结", "结案", "按期办结"],
    template: "信访事项{}率100%。",
    expect: "petition_resolution_rate",
  },
  // --- grammar of the genre -------------------------------------------------------------------------
  {
    cue: "lecture",
    means: "lectures: for the public they are publicity, for staff training",
    words: ["讲座", "宣讲", "讲课", "授课"],
    template: "为辖区群众开展法治{}5次。",
    expect: "publicity_events",
  },
  {
    cue: "workingBody",
    means: "a working body whose meeting is on its own work unless law work is named (执法委员会工作会议)",
    words: ["委员会", "领导小组", "工作组"],
    template: "召开综合行政执法{}工作会议2次。",
    expect: null,
  },
  {
    cue: "counselWork",
    means: "kinds of counsel's work: one figure for several of them (审查、咨询、评估) counts none",
    words: ["审查", "审核", "咨询", "评估", "论证"],
    template: "法律顾问对120件事项进行{}、论证。",
    expect: null,
  },
  {
    cue: "tookPart",
    means: "who took part, named after a study figure (…4次,覆盖乡村干部240余人次)",
    words: ["覆盖", "参加", "参训", "参学", "参与"],
    template: "全年开展法治专题学习4次,{}乡村干部240余人次。",
    expect: "training_sessions",
  },
  {
    cue: "personNoun",
    means: "people after a subordinate body's name: then it names their affiliation, not the actor",
    words: ["干部", "人员", "工作者", "书记", "主任", "委员", "骨干"],
    template: "各村(居)、各单位{}开展法治专题培训班4次。",
    expect: "training_sessions",
  },
  // --- generic ----------------------------------------------------------------------------------
  {
    cue: "genericBundle",
    means: "a figure for a bundle of generic work (…等工作50余次)",
    words: [],
    patterns: [["等(?:各类|相关|专项|各项)?[^，,。；;、]{0,6}?(?:工作|服务|事项|业务)(?:共计|共|累计|合计|达)?$", "等法律服务工作"]],
    template: "开展法律咨询、合同审查{}50余次。",
    expect: null,
  },
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A cue's wordings as one regular expression (longest first, so that alternation prefers them). */
function compile(row: CueRow): RegExp {
  const alts = [...row.words].sort((a, b) => b.length - a.length).map(escape);
  for (const [p] of row.patterns ?? []) alts.push(p);
  return new RegExp(alts.length ? alts.join("|") : "(?!)");
}

/** The lexicon's cues, each as one regular expression. */
export const CUE: Record<CueName, RegExp> = Object.fromEntries(LEXICON.map((r) => [r.cue, compile(r)])) as Record<CueName, RegExp>;
