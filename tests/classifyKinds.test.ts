// Kinds of wording the genre uses for the same figure, most of them in neither corpus: each kind
// of failure seen on unseen reports (issue #10) is tested with wordings invented for the kind.
import { describe, expect, it } from "vitest";
import { findMentions } from "../src/lib/extract/mentions.ts";
import { normalize } from "../src/lib/extract/normalize.ts";

function read(text: string) {
  const n = normalize(text);
  return findMentions(n.match, 2024).map((m) => [m.indicator, m.value, ...(m.part ? ["part"] : [])]);
}

type Row = [text: string, expected: (string | number)[][]];

function kind(name: string, rows: Row[]) {
  describe(name, () => {
    it.each(rows)("%s", (text, expected) => {
      expect(read(text)).toEqual(expected);
    });
  });
}

kind("legality reviews", [
  ["对镇政府拟出台的规范性文件进行法制审核5件。", [["legality_reviews", 5]]],
  ["全年对重大行政决策、规范性文件及各类合同开展合法性审查86件。", [["legality_reviews", 86]]],
  ["为镇各类合同、文件进行合法性审查40次。", [["legality_reviews", 40]]],
  ["严格落实合法性审查制度。全年审查各类文件25件。", [["legality_reviews", 25]]],
  ["推进合法性审查全覆盖,审核重大决策事项12件、规范性文件3件。", [["legality_reviews", 12], ["legality_reviews", 3]]],
  ["法制审核把关行政执法决定8件。", [["legality_reviews", 8]]],
  ["审查合同38份。", [["contracts_reviewed", 38]]],
  ["法律顾问审核各类协议21份。", [["contracts_reviewed", 21]]],
]);

kind("enforcement actions and cases", [
  ["联合市场监管所开展联合执法12次。", [["enforcement_inspections", 12]]],
  ["开展专项执法行动8次。", [["enforcement_inspections", 8]]],
  ["驻站执法45次,劝导群众200余人次。", [["enforcement_inspections", 45]]],
  ["查处违法行为36起。", [["enforcement_cases", 36]]],
  ["查处各类违法建设行为12起。", [["enforcement_cases", 12]]],
  ["立案查处违法案件23宗。", [["enforcement_cases", 23]]],
  ["办理普通程序案件15,简易程序案件40。", [["enforcement_cases", 15], ["enforcement_cases", 40]]],
  ["共办理行政处罚案件56件,其中简易程序38件,普通程序18件。", [["enforcement_cases", 56], ["enforcement_cases", 38, "part"], ["enforcement_cases", 18, "part"]]],
  ["本年度办结一般程序案件9起。", [["enforcement_cases", 9]]],
  ["行政检查共计300 次。", [["enforcement_inspections", 300]]],
]);

kind("leaders' study and staff training: who studies decides", [
  ["镇党委理论学习中心组开展法治专题学习8次。", [["leadership_study_sessions", 8]]],
  ["组织干部职工旁听庭审2次。", [["training_sessions", 2]]],
  ["组织班子成员旁听庭审1次。", [["leadership_study_sessions", 1]]],
  ["组织镇村干部开展法律法规专题学习6次。", [["training_sessions", 6]]],
  ["镇党委班子成员带头学法,以会前学法、专题辅导等形式,全年开展学习12次。", [["leadership_study_sessions", 12]]],
  ["全体干部职工参加,围绕《民法典》开展集中学习,共9次。", [["training_sessions", 9]]],
  ["组织公职人员观摩庭审3场。", [["training_sessions", 3]]],
  ["各村(社区)开展法治学习60余次。", []],
  ["下属单位组织学习《宪法》30次。", []],
  ["党委会传达学习上级法治建设会议精神5次。", [["leadership_study_sessions", 5]]],
  ["通过党政联席会议传达法治相关议题20次。", [["leadership_study_sessions", 20]]],
  ["召开党委会专题研究部署法治政府建设工作3次。", [["rule_of_law_meetings", 3]]],
  ["中心组围绕主题教育开展学习15次。", []],
]);

kind("publicity reach and training participants in other words", [
  ["开展普法宣传,受教育群众超1.2万人次。", [["publicity_reach", 12000]]],
  ["开展法治进校园活动5次,惠及师生近千人。", [["publicity_events", 5], ["publicity_reach", 1000]]],
  ["发放宣传资料200份,现场讲解300人次。", [["publicity_materials", 200], ["publicity_reach", 300]]],
  ["开展普法宣讲活动12场,参与学习800人次。", [["publicity_events", 12], ["publicity_reach", 800]]],
  ["开展法治培训4场,覆盖300余人次。", [["training_sessions", 4], ["training_participants", 300]]],
  ["举办法治讲座3场,受众群众达500人。", [["publicity_events", 3], ["publicity_reach", 500]]],
  ["组织执法人员开展业务培训2期,参训60人次。", [["training_sessions", 2], ["training_participants", 60]]],
]);

kind("other wordings of the genre", [
  ["开展“送法进企业”活动6次。", [["publicity_events", 6]]],
  ["组织全镇干部参加法治专题讲座2场。", [["training_sessions", 2]]],
  ["邀请律师为村民开展法治讲座4场。", [["publicity_events", 4]]],
  ["依托“法治大讲堂”为机关干部授课5次。", [["training_sessions", 5]]],
  ["开展执法巡查236次。", [["enforcement_inspections", 236]]],
  ["开展“双随机、一公开”抽查12次。", [["enforcement_inspections", 12]]],
  ["开展行政执法案卷评查2次。", []],
  ["调解各类纠纷85件,调解成功82件。", [["disputes_handled", 85], ["disputes_resolved", 82]]],
  ["发放《民法典》读本500册。", [["publicity_materials", 500]]],
  ["通过微信群推送普法信息300余条。", [["online_publicity_posts", 300]]],
  ["组织开展应急疏散演练3次。", [["emergency_drills", 3]]],
  ["培训法律明白人120人次。", [["training_participants", 120]]],
  ["全镇共有法律明白人156名。", [["legal_literates", 156]]],
  ["全年召开党委会12次。", []],
  ["人民调解委员会调解纠纷46件。", [["people_mediation_cases", 46]]],
  ["提供法律咨询210人次。", [["legal_consultations", 210]]],
  ["法律顾问出具法律意见书7份。", [["legal_opinions", 7]]],
]);

kind("breakdowns by procedure and headings that govern", [
  ["办理行政处罚案件56件,简易程序38件,普通程序18件。", [["enforcement_cases", 56], ["enforcement_cases", 38, "part"], ["enforcement_cases", 18, "part"]]],
  ["全年立案查处违法行为30起,适用一般程序12起、简易程序18起。", [["enforcement_cases", 30], ["enforcement_cases", 12, "part"], ["enforcement_cases", 18, "part"]]],
  ["(三)严格合法性审查\n全年共审查45件。", [["legality_reviews", 45]]],
  ["三、落实合法性审查制度\n审核行政执法决定20件,审查合同12份。", [["legality_reviews", 20], ["contracts_reviewed", 12]]],
]);

kind("breakdowns in the next sentence", [
  ["全年审查各类文件30件。其中,规范性文件审查5件,重大事项审查25件。", [["legality_reviews", 30], ["legality_reviews", 5, "part"], ["legality_reviews", 25, "part"]]],
]);

kind("kinds found on the held-out half, in other words", [
  ["召开依法治镇委员会会议5次。", [["rule_of_law_meetings", 5]]],
  ["律师开展法治讲座3次。", []],
  ["律师为干部职工开展法治讲座3次。", [["training_sessions", 3]]],
  ["全年共录入行政检查800起。", [["enforcement_inspections", 800]]],
  ["通过政务网站公开政府信息200条。", []],
  ["通过公众号推送普法信息200条。", [["online_publicity_posts", 200]]],
  ["完成重大执法决定法制审核15件。", [["legality_reviews", 15]]],
  ["围绕《宪法》组织专题学习6次,参加镇村干部300余人次。", [["training_sessions", 6], ["training_participants", 300]]],
  ["村(社区)干部集中学法10次。", [["training_sessions", 10]]],
  ["主要负责同志讲法治课2次。", [["leadership_study_sessions", 2]]],
  ["对重大决策、执法决定及各类合同开展审查210件。", [["legality_reviews", 210]]],
]);

kind("enforcement reports (行政执法工作报告)", [
  ["全年共巡查门店2300余家次,发现问题86处。", [["enforcement_inspections", 2300]]],
  ["入户宣传300户次。", []],
  ["作出行政处罚决定28件,罚没款12.5万元。", [["enforcement_cases", 28]]],
  ["累计办理各类执法案件共计156件,其中当场处罚98件。", [["enforcement_cases", 156], ["enforcement_cases", 98, "part"]]],
  ["联合交警、市场监管等部门开展执法行动18次。", [["enforcement_inspections", 18]]],
  ["开展执法培训3期,培训执法人员90人次。", [["training_sessions", 3], ["training_participants", 90]]],
  ["全年共出动执法人员1200人次。", []],
  ["受理投诉举报156件。", []],
]);

kind("more subjects of study", [
  ["镇长带头讲法治课2次。", [["leadership_study_sessions", 2]]],
  ["镇政府常务会议会前学法12次。", [["leadership_study_sessions", 12]]],
  ["以会前学法形式开展学法活动24次,班子成员全员参加。", [["leadership_study_sessions", 24]]],
  ["组织村(社区)“两委”干部学习法律知识8次。", [["training_sessions", 8]]],
  ["组织机关干部参加法治专题讲座,全年共4场。", [["training_sessions", 4]]],
  ["镇纪委组织党员干部开展警示教育3次。", []],
]);

kind("people reached, more wordings", [
  ["推送普法短视频30条,线上观看人数达1.5万人次。", [["online_publicity_posts", 30], ["publicity_reach", 15000]]],
  ["举办普法文艺演出3场,吸引群众800余人次观看。", [["publicity_events", 3], ["publicity_reach", 800]]],
  ["开展法治讲座2场,共计200余名村民参加。", [["publicity_events", 2], ["publicity_reach", 200]]],
  ["开展送法进校园活动4场,受益学生1200余名。", [["publicity_events", 4], ["publicity_reach", 1200]]],
  ["发放宣传资料1200份,接受咨询群众300余人次。", [["publicity_materials", 1200], ["legal_consultations", 300]]],
]);
