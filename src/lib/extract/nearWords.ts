// Words that, near a number the extractor left out, suggest which indicator it may count: the
// review page offers these indicators (when the number's unit fits them, indicators.ts unitFits).
// One row per indicator; tests/uncounted.test.ts checks each row offers its indicator.

export const NEAR_WORDS: Record<string, RegExp> = {
  leadership_study_sessions: /中心组|党委会|党工委会|班子|第一议题|集体学法|会前学法|专题学法|学法/,
  training_sessions: /培训|轮训|讲座|学法|法治课|业务学习/,
  training_participants: /培训|参训|轮训|受训|学员/,
  publicity_events: /宣传|普法|宣讲|送法|以案释法|法律进|法治进|讲座/,
  publicity_materials: /资料|宣传单|手册|宣传册|折页|读本|明白纸|宣传品|材料/,
  publicity_reach: /受教育|受教|受益|受众|惠及|覆盖|群众|居民|村民/,
  online_publicity_posts: /推送|公众号|微信|新媒体|短视频|视频|文章|信息/,
  disputes_handled: /纠纷|矛盾|排查|调处|受理/,
  disputes_resolved: /化解|调解成功|成功调解|调处成功|解决/,
  dispute_resolution_rate: /化解率|成功率|调解率/,
  people_mediation_cases: /人民调解|调委会/,
  petition_resolution_rate: /信访/,
  enforcement_cases: /处罚|执法|立案|案件|查处/,
  enforcement_inspections: /检查|巡查|巡检|执法/,
  enforcement_certified_rate: /持证|执法证/,
  rule_of_law_meetings: /会议|专题研究|研究部署|常务会|党委会|专题会/,
  legality_reviews: /合法性|审查|审核|规范性文件|重大决策|决策/,
  contracts_reviewed: /合同|协议/,
  legal_opinions: /法律意见|意见书|法律顾问/,
  legal_consultations: /咨询|解答|法律服务/,
  admin_reconsideration_cases: /复议/,
  admin_litigation_cases: /诉讼|应诉|出庭/,
  legal_literates: /法律明白人|明白人/,
  mediators: /调解员|调委会|调解委员会/,
  emergency_drills: /演练|应急/,
};
