// Mention classification, parts, zeros, repeats and exclusions, on sentences of the kinds real
// reports write (many taken from the seed and dev corpora, where a rule once failed).
import { describe, expect, it } from "vitest";
import { findMentions } from "../src/lib/extract/mentions.ts";
import { normalize } from "../src/lib/extract/normalize.ts";

function read(text: string, year: number | null = 2024) {
  const n = normalize(text);
  return findMentions(n.match, year).map((m) => ({
    indicator: m.indicator,
    value: m.value,
    qualifier: m.qualifier,
    ...(m.part ? { part: true } : {}),
    ...(m.repeat ? { repeat: true } : {}),
    quote: n.text.slice(m.start, m.end),
  }));
}
const brief = (text: string, year?: number) => read(text, year).map(({ quote: _q, ...m }) => m);

describe("classification by clause context", () => {
  it.each([
    ["共组织4次应急演练，开展5次应急知识讲座。", [{ indicator: "emergency_drills", value: 4 }]],
    ["聘用2名专职人民调解员、1名法律顾问，发展81名法律明白人。", [{ indicator: "mediators", value: 2 }, { indicator: "legal_literates", value: 81 }]],
    ["为重大决策提供法律意见3次，审查重要项目合同30余次，提供法律咨询50余次。", [
      { indicator: "legal_opinions", value: 3 },
      { indicator: "contracts_reviewed", value: 30, qualifier: "at_least" },
      { indicator: "legal_consultations", value: 50, qualifier: "at_least" },
    ]],
    ["下达违法占地行政处罚决定书14起。", [{ indicator: "enforcement_cases", value: 14 }]],
    ["巡查巡检沿街门店、驻镇企业102余次。", [{ indicator: "enforcement_inspections", value: 102, qualifier: "at_least" }]],
    ["执法人员持证上岗率达到100%。", [{ indicator: "enforcement_certified_rate", value: 100 }]],
    ["全镇信访案件化解率达到100%。", [{ indicator: "petition_resolution_rate", value: 100 }]],
    ["共排查化解矛盾纠纷200余起，化解率达98%。", [
      { indicator: "disputes_handled", value: 200, qualifier: "at_least" },
      { indicator: "dispute_resolution_rate", value: 98 },
    ]],
    ["发放宣传单3000余份，张贴海报50余份，组织院坝会18场次。", [
      { indicator: "publicity_materials", value: 3000, qualifier: "at_least" },
      { indicator: "publicity_events", value: 18 },
    ]],
    ["针对企业开展法治讲座4次。", [{ indicator: "publicity_events", value: 4 }]],
    ["对网格员开展5次业务培训。", [{ indicator: "training_sessions", value: 5 }]],
    ["推发线上普法素材1000余条，覆盖群众7000余人。", [
      { indicator: "online_publicity_posts", value: 1000, qualifier: "at_least" },
      { indicator: "publicity_reach", value: 7000, qualifier: "at_least" },
    ]],
    ["组织干部职工开展法治培训10场次,覆盖500余人次。", [
      { indicator: "training_sessions", value: 10 },
      { indicator: "training_participants", value: 500, qualifier: "at_least" },
    ]],
    ["全年开展中心组专题学法8次、全镇干部集中学法16次。", [
      { indicator: "leadership_study_sessions", value: 8 },
      { indicator: "training_sessions", value: 16 },
    ]],
    ["共召开21次理论学习中心组专题教育学习大会和8次全体干部培训,学习习近平法治思想。", [
      { indicator: "leadership_study_sessions", value: 21 },
      { indicator: "training_sessions", value: 8 },
    ]],
    ["全年召开法治建设专题党委会2次。", [{ indicator: "rule_of_law_meetings", value: 2 }]],
    ["通过党工委会议传达学习、研究部署法治建设相关议题27次。", [{ indicator: "rule_of_law_meetings", value: 27 }]],
    ["对街道重大事项决策出具审查意见320份。", [{ indicator: "legality_reviews", value: 320 }]],
    ["法律顾问审查合同超185份、出具专业审查意见书143份。", [
      { indicator: "contracts_reviewed", value: 185, qualifier: "at_least" },
      { indicator: "legal_opinions", value: 143 },
    ]],
    ["累计审查以镇政府名义印发的文件1800余件，向县司法局报备疑似规范性文件35件。", [
      { indicator: "legality_reviews", value: 1800, qualifier: "at_least" },
    ]],
    ["新增行政复议案件0件。新增行政诉讼案件2件，负责人出庭应诉3宗。", [
      { indicator: "admin_reconsideration_cases", value: 0 },
      { indicator: "admin_litigation_cases", value: 2 },
      { indicator: "admin_litigation_cases", value: 3 },
    ]],
    ["接受群众咨询500余人，为300余名群众提供咨询答疑。", [
      { indicator: "legal_consultations", value: 500, qualifier: "at_least" },
      { indicator: "legal_consultations", value: 300, qualifier: "at_least" },
    ]],
    ["全镇开展形式多样的群众性普法宣传活动达百余次，印发各类普法宣传材料近3万余份。", [
      { indicator: "publicity_events", value: 100, qualifier: "at_least" },
      { indicator: "publicity_materials", value: 30000, qualifier: "approx" },
    ]],
  ])("%s", (text, want) => {
    expect(brief(text)).toMatchObject(want.map((w) => ({ qualifier: "exact", ...w })));
    expect(brief(text)).toHaveLength(want.length);
  });
});

describe("numbers that are not figures", () => {
  it.each([
    "利用“3·15”消费者权益日、“12·4”国家宪法日开展宣传。",
    "认真贯彻落实《城中区2025年法治政府建设工作要点》(城中政办函〔2025〕19号)要求。",
    "畅通12345政务服务热线，受理答复8890诉求655件。",
    "组建“1+1+N”的法律服务队伍。",
    "于今年3月14日组织全办干部参加考试。",
    "第3次会议审议通过。",
    "每年开展专题学习不少于4次，每半年开展1次重点领域专题培训。",
    "严格按照行政执法人员每年接受不少于60学时的业务知识和法律法规培训的要求。",
    "其中对20个行政村、2所学校实现全覆盖。",
    "行政执法自查评议考核为100分。",
    "组织领导班子成员深入学习《习近平谈治国理政》第四卷26次。",
    "开展基层党组织集中学习570余次。",
    "提供合同审查、风险研判及法律咨询等专项法律服务共计5次。",
    "组织召开案审会1次,行政执法联席会议1次,开展执法案卷评查2次。",
    "代理街道诉讼案件20余件。",
    "推进“一件事”办理，落实一次性告知。",
  ])("%s", (text) => expect(brief(text)).toEqual([]));
});

describe("parts, zeros and repeats", () => {
  it("marks breakdowns after 其中 as parts of the same indicator", () => {
    expect(brief("开展集中普法宣传56次，其中对20个行政村、2所学校实现全覆盖，深入辖区企业宣传10余次。")).toEqual([
      { indicator: "publicity_events", value: 56, qualifier: "exact" },
      { indicator: "publicity_events", value: 10, qualifier: "at_least", part: true },
    ]);
  });
  it("a breakdown of another indicator is not a part; other mediation has no indicator", () => {
    expect(brief("共排查矛盾纠纷152件，化解148件，其中人民调解53件，行政调解38件，司法调解57件。")).toEqual([
      { indicator: "disputes_handled", value: 152, qualifier: "exact" },
      { indicator: "disputes_resolved", value: 148, qualifier: "exact" },
      { indicator: "people_mediation_cases", value: 53, qualifier: "exact" },
    ]);
  });
  it("bracketed breakdowns inherit the figure they explain", () => {
    expect(brief("共计立案查处390件(其中简易程序110件,普通程序280件、立案撤销8件)。")).toEqual([
      { indicator: "enforcement_cases", value: 390, qualifier: "exact" },
      { indicator: "enforcement_cases", value: 110, qualifier: "exact", part: true },
      { indicator: "enforcement_cases", value: 280, qualifier: "exact", part: true },
      { indicator: "enforcement_cases", value: 8, qualifier: "exact", part: true },
    ]);
    expect(brief("代理行政诉讼案件9件(1件一审8件再审)。")).toEqual([
      { indicator: "admin_litigation_cases", value: 9, qualifier: "exact" },
      { indicator: "admin_litigation_cases", value: 1, qualifier: "exact", part: true },
      { indicator: "admin_litigation_cases", value: 8, qualifier: "exact", part: true },
    ]);
  });
  it("items of one sentence without 其中 are distinct activities", () => {
    expect(brief("消防领域办理普通程序案件2件、简易程序案件4件。").map((m) => m.value)).toEqual([2, 4]);
  });
  it("reads statements that nothing happened as 0", () => {
    expect(brief("2024年，我镇无行政裁决、行政复议及行政诉讼案件发生。")).toEqual([
      { indicator: "admin_reconsideration_cases", value: 0, qualifier: "exact" },
      { indicator: "admin_litigation_cases", value: 0, qualifier: "exact" },
    ]);
    expect(brief("未发生涉法涉诉情况。")).toEqual([]);
  });
  it("the same figure for the same group told twice is a repeat", () => {
    const text = "建立健全调解组织网络，培训“法律明白人”4次。\n三是开展“法律明白人”培训。对“法律明白人”开展4次法律培训。";
    expect(brief(text)).toEqual([
      { indicator: "training_sessions", value: 4, qualifier: "exact" },
      { indicator: "training_sessions", value: 4, qualifier: "exact", repeat: true },
    ]);
    // same value, different activities
    expect(brief("开展线下宣传活动3场次。围绕行政法律知识开展3次宣传活动。").filter((m) => m.repeat)).toEqual([]);
  });
  it("skips figures in 存在问题 and 下一步 sections", () => {
    const text = "一、主要成效\n开展普法宣传活动21场。\n二、存在的问题\n仅开展培训2次。\n三、下一步打算\n计划开展普法宣传30场。\n";
    expect(brief(text)).toEqual([{ indicator: "publicity_events", value: 21, qualifier: "exact" }]);
  });
  it("a qualifier after the unit counts (10次以上, 50人左右)", () => {
    expect(brief("开展普法宣传10次以上，覆盖群众500人左右。")).toMatchObject([
      { indicator: "publicity_events", value: 10, qualifier: "at_least" },
      { indicator: "publicity_reach", value: 500, qualifier: "approx" },
    ]);
  });
});

describe("study sessions: leaders versus staff, and the tie to law", () => {
  it("leadership when the passage names the party committee", () => {
    const text = "镇党委始终把学习宣传贯彻习近平法治思想作为首要政治任务，坚持领导带头学，教育引导党员干部坚定法治信仰。2024年常态化学习习近平法治思想2次，开展专题学习研讨2次，专题党课2次。";
    expect(brief(text).map((m) => [m.indicator, m.value])).toEqual([
      ["leadership_study_sessions", 2],
      ["leadership_study_sessions", 2],
      ["leadership_study_sessions", 2],
    ]);
  });
  it("a 第一议题 study counts when the passage ties it to 法治思想", () => {
    expect(brief("将习近平法治思想列入街道党工委理论学习中心组学习重点,全年开展“第一议题”学习48次。")).toMatchObject([
      { indicator: "leadership_study_sessions", value: 48 },
    ]);
    expect(brief("全年共进行党委理论学习中心组学习14次,进一步领悟总书记考察浙江重要讲话。")).toEqual([]);
  });
  it("staff named in the sentence make it training", () => {
    expect(brief("坚持每周三组织街道、社区全体人员开展习近平法治思想专题集中学习,全年累计开展20余次,实现学习全覆盖。")).toMatchObject([
      { indicator: "training_sessions", value: 20, qualifier: "at_least" },
    ]);
  });
  it("quotes the evidence around the number", () => {
    const [m] = read("今年以来，累计开展普法宣传活动21场，发放宣传材料20000余份。");
    expect(m!.quote).toBe("累计开展普法宣传活动21场");
  });
});

describe("identifiers", () => {
  it("a run of more than 9 digits is never a figure", () => {
    expect(brief("持证率295154129212997９８％")).toEqual([]);
    expect(brief("索引号11330703736873621件")).toEqual([]);
  });
});

describe("cases the synthetic corpus found", () => {
  it("reads 'none' said after its object", () => {
    expect(brief("全年行政复议、行政诉讼案件零发生。")).toEqual([
      { indicator: "admin_reconsideration_cases", value: 0, qualifier: "exact" },
      { indicator: "admin_litigation_cases", value: 0, qualifier: "exact" },
    ]);
    expect(brief("行政复议和行政诉讼案件数均为零。").map((m) => m.indicator)).toEqual(["admin_reconsideration_cases", "admin_litigation_cases"]);
  });
  it("全街道干部 are staff: their law study is training", () => {
    expect(brief("组织全街道干部集中学法6次。")).toMatchObject([{ indicator: "training_sessions", value: 6 }]);
    expect(brief("全苏木干部集中学法4次。")).toMatchObject([{ indicator: "training_sessions", value: 4 }]);
  });
  it("law film screenings are publicity events", () => {
    expect(brief("组织“法治电影下乡”放映12场，丰富群众文化生活。")).toEqual([{ indicator: "publicity_events", value: 12, qualifier: "exact" }]);
    expect(brief("在各村放映普法电影20余场。")).toEqual([{ indicator: "publicity_events", value: 20, qualifier: "at_least" }]);
    expect(brief("放映电影30场。")).toEqual([]);
  });
  it("a discipline body's inspection of conduct is no enforcement inspection", () => {
    expect(brief("镇纪委开展作风建设专项检查4次，督促整改问题6个。")).toEqual([]);
    expect(brief("开展党风廉政建设监督检查3次。")).toEqual([]);
    expect(brief("巡查巡检沿街门店、驻镇企业102余次。")).toMatchObject([{ indicator: "enforcement_inspections", value: 102 }]);
  });
});
