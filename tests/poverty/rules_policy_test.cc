// 政策落实 and the national system's consistency checks: one table per rule.
// Each row is good_household() changed in one way, with the exact outcome,
// field and Chinese reason expected (see rule_cases.h).
#include <gtest/gtest.h>

#include "rule_cases.h"

namespace lz::poverty {
namespace {

using test::D;
using test::RuleCase;
using H = HouseholdFacts;
constexpr auto kPass = Outcome::kPass;
constexpr auto kGap = Outcome::kGap;
constexpr auto kUnknown = Outcome::kUnknown;

TEST(RulePolicyDibao, Table) {
  const RuleCase cases[] = {
      {"income well above the dibao line", nullptr, kPass},
      {"qualifies, not granted", [](H& h) { test::set_per_capita(h, 420000); }, kGap,
       "benefits.dibao", "人均纯收入4,200元，低于农村低保标准4,400元，符合低保条件但未纳入低保"},
      {"qualifies, granted",
       [](H& h) {
         test::set_per_capita(h, 420000);
         h.benefits.dibao = true;
       },
       kPass},
      {"qualifies, has tekun support instead",
       [](H& h) {
         test::set_per_capita(h, 300000);
         h.benefits.tekun = true;
       },
       kPass},
      {"exactly the dibao line", [](H& h) { test::set_per_capita(h, 440000); }, kPass},
      {"a configured dibao line", [](H& h) { test::set_per_capita(h, 420000); }, kPass, "", "",
       [](CheckConfig& c) { c.dibao_line_fen = 400000; }},
      {"dibao not recorded, income above the dibao line", [](H& h) { h.benefits.dibao.reset(); },
       kPass},
      {"dibao not recorded, income below the dibao line",
       [](H& h) {
         h.benefits.dibao.reset();
         test::set_per_capita(h, 420000);
       },
       kUnknown, "benefits.dibao", "是否享受低保未录入，无法判断"},
      {"dibao and income not recorded",
       [](H& h) {
         h.benefits.dibao.reset();
         h.income.wage_fen.reset();
       },
       kUnknown, "benefits.dibao", "是否享受低保未录入，无法判断"},
      {"not granted, income unknown", [](H& h) { h.income.wage_fen.reset(); }, kUnknown,
       "income.wage_fen", "工资性收入未录入，无法判断"},
      {"granted, income unknown: nothing to decide",
       [](H& h) {
         h.benefits.dibao = true;
         h.income.wage_fen.reset();
       },
       kPass},
      {"qualifies, tekun not recorded",
       [](H& h) {
         test::set_per_capita(h, 300000);
         h.benefits.tekun.reset();
       },
       kUnknown, "benefits.tekun", "是否享受特困供养未录入，无法判断"},
      {"above the line, tekun not recorded: irrelevant", [](H& h) { h.benefits.tekun.reset(); },
       kPass},
  };
  test::run_rule_cases("policy.dibao", cases);
}

TEST(RulePolicyDisabilitySubsidy, Table) {
  // The certificate of 李建国 (member 0): his ID number, 4 physical, grade 2.
  static const std::string kCert = test::good_household().members[0].id_number + "42";
  static const std::string kWrong = test::good_household().members[1].id_number + "42";
  const RuleCase cases[] = {
      {"nobody certified", nullptr, kPass},
      {"certified, subsidy granted",
       [](H& h) {
         h.members[0].disability_certificate = kCert;
         h.members[0].disability_subsidy = true;
       },
       kPass},
      {"certified, no subsidy",
       [](H& h) {
         h.members[0].disability_certificate = kCert;
         h.members[0].disability_subsidy = false;
       },
       kGap, "members[0].disability_subsidy", "持证残疾人未享受残疾人补贴：李建国（肢体残疾2级）"},
      {"certified, subsidy not recorded", [](H& h) { h.members[0].disability_certificate = kCert; },
       kUnknown, "members[0].disability_subsidy",
       "持证残疾人李建国是否享受残疾人补贴未录入，无法判断"},
      {"someone else's certificate",
       [](H& h) {
         h.members[0].disability_certificate = kWrong;
         h.members[0].disability_subsidy = false;
       },
       kUnknown, "members[0].disability_certificate",
       "李建国的残疾人证号“43028119820615022X42”无效（前18位与本人公民身份号码不一致），无法判断"},
      {"disabled without a certificate: not this rule",
       [](H& h) { h.members[0].health = Health::kDisabled; }, kPass},
  };
  // The expected text above spells out 王秀英's number: make sure it is hers.
  ASSERT_EQ(kWrong, "43028119820615022X42");
  test::run_rule_cases("policy.disability_subsidy", cases);
}

TEST(RulePolicyMicrocreditOverdue, Table) {
  auto loan = [](Date due, int64_t repaid) {
    Loan l;
    l.amount_fen = 5000000;  // 50,000 yuan
    l.start = D(2017, 3, 1);
    l.due = due;
    l.repaid_fen = repaid;
    return l;
  };
  const RuleCase cases[] = {
      {"no loans", nullptr, kPass},
      {"overdue, partly repaid",
       [&](H& h) { h.benefits.loans.push_back(loan(D(2020, 2, 1), 3000000)); }, kGap,
       "benefits.loans[0].repaid_fen",
       "扶贫小额信贷逾期：2017-03-01借款50,000元于2020-02-01到期，尚欠20,000元，已逾期11天"},
      {"due today: not yet overdue",
       [&](H& h) { h.benefits.loans.push_back(loan(D(2020, 2, 12), 0)); }, kPass},
      {"due in the future", [&](H& h) { h.benefits.loans.push_back(loan(D(2020, 3, 1), 0)); },
       kPass},
      {"past due, fully repaid",
       [&](H& h) { h.benefits.loans.push_back(loan(D(2019, 3, 1), 5000000)); }, kPass},
      {"the second loan is overdue",
       [&](H& h) {
         h.benefits.loans.push_back(loan(D(2019, 3, 1), 5000000));
         h.benefits.loans.push_back(loan(D(2020, 1, 12), 0));
       },
       kGap, "benefits.loans[1].repaid_fen",
       "扶贫小额信贷逾期：2017-03-01借款50,000元于2020-01-12到期，尚欠50,000元，已逾期31天"},
  };
  test::run_rule_cases("policy.microcredit_overdue", cases);
}

TEST(RulePolicyMicrocreditUnused, Table) {
  const RuleCase cases[] = {
      {"not poor for lack of capital", nullptr, kPass},
      {"lack of capital, labour, never borrowed", [](H& h) { h.causes.add(Cause::kCapital); }, kGap,
       "benefits.loans", "致贫原因含缺资金、家中有2名劳动力，但从未使用扶贫小额信贷"},
      {"lack of capital, has a loan",
       [](H& h) {
         h.causes.add(Cause::kCapital);
         h.benefits.loans.push_back(Loan{3000000, D(2019, 4, 1), D(2022, 4, 1), 0, std::nullopt});
       },
       kPass},
      {"lack of capital, a microcredit measure recorded",
       [](H& h) {
         h.causes.add(Cause::kCapital);
         h.measures.push_back({MeasureKind::kMicrocredit, D(2018, 5, 1), 5000000});
       },
       kPass},
      {"lack of capital, nobody can work",
       [](H& h) {
         h.causes.add(Cause::kCapital);
         h.members[0].labour = Labour::kLost;
         h.members[1].labour = Labour::kNone;
       },
       kPass},
      {"lack of capital, labour not recorded",
       [](H& h) {
         h.causes.add(Cause::kCapital);
         h.members[0].labour.reset();
         h.members[1].labour = Labour::kNone;
       },
       kUnknown, "members[0].labour", "李建国的劳动能力未录入，无法判断"},
      {"a marginal household is not in the register",
       [](H& h) {
         h.causes.add(Cause::kCapital);
         h.status = HouseholdStatus::kMarginal;
       },
       kPass},
      {"a registered household not yet lifted",
       [](H& h) {
         h.causes = {Cause::kCapital};
         h.status = HouseholdStatus::kRegisteredPoor;
         h.members[1].labour = Labour::kWeak;
       },
       kGap, "benefits.loans", "致贫原因含缺资金、家中有2名劳动力，但从未使用扶贫小额信贷"},
  };
  test::run_rule_cases("policy.microcredit_unused", cases);
}

RiskCase open_risk(Date opened, RiskKind kind = RiskKind::kIllness) {
  RiskCase r;
  r.household_id = 1001;
  r.category = RiskCategory::kUnstableLifted;
  r.trigger = TriggerKind::kIllness;
  r.kinds.add(kind);
  r.opened_on = opened;
  r.deadline = opened.plus_days(15);
  return r;
}

RiskCase closed_risk(Date opened, Date closed, CloseMethod how) {
  RiskCase r = open_risk(opened);
  r.closed_on = closed;
  r.close_method = how;
  return r;
}

TEST(RuleConsistencyDevelopmentMeasure, Table) {
  const char* kReason =
      "家中有2名劳动力，返贫风险自2019-08-"
      "12登记已满6个月仍未消除，但此后没有任何开发式帮扶措施（产业、"
      "就业、技能培训、小额信贷等）";
  const RuleCase cases[] = {
      {"no risk case", nullptr, kPass},
      {"open exactly 6 months, nothing done",
       [](H& h) { h.risks.push_back(open_risk(D(2019, 8, 12))); }, kGap, "risks[0]", kReason},
      {"open a day less than 6 months", [](H& h) { h.risks.push_back(open_risk(D(2019, 8, 13))); },
       kPass},
      {"an industry measure after opening",
       [](H& h) {
         h.risks.push_back(open_risk(D(2019, 8, 12)));
         h.measures.push_back({MeasureKind::kIndustry, D(2019, 10, 1), 200000});
       },
       kPass},
      {"only a support measure",
       [](H& h) {
         h.risks.push_back(open_risk(D(2019, 8, 12)));
         h.measures.push_back({MeasureKind::kDibao, D(2019, 10, 1), 200000});
       },
       kGap, "risks[0]", kReason},
      {"a development measure before the case opened",
       [](H& h) {
         h.risks.push_back(open_risk(D(2019, 8, 12)));
         h.measures.push_back({MeasureKind::kEmployment, D(2019, 1, 1), 0});
       },
       kGap, "risks[0]", kReason},
      {"the case is closed",
       [](H& h) {
         h.risks.push_back(closed_risk(D(2019, 1, 1), D(2019, 6, 1), CloseMethod::kOther));
       },
       kPass},
      {"nobody can work",
       [](H& h) {
         h.risks.push_back(open_risk(D(2019, 8, 12)));
         h.members[0].labour = Labour::kLost;
         h.members[1].labour = Labour::kNone;
       },
       kPass},
      {"labour not recorded",
       [](H& h) {
         h.risks.push_back(open_risk(D(2019, 8, 12)));
         h.members[0].labour = Labour::kLost;
         h.members[1].labour.reset();
       },
       kUnknown, "members[1].labour", "王秀英的劳动能力未录入，无法判断"},
      {"a longer grace period", [](H& h) { h.risks.push_back(open_risk(D(2019, 8, 12))); }, kPass,
       "", "", [](CheckConfig& c) { c.development_grace_months = 12; }},
  };
  test::run_rule_cases("consistency.development_measure", cases);
}

TEST(RuleConsistencyAssistanceClose, Table) {
  const RuleCase cases[] = {
      {"no closed case", nullptr, kPass},
      {"closed by assistance, income above the line",
       [](H& h) {
         h.risks.push_back(closed_risk(D(2019, 11, 1), D(2020, 1, 10), CloseMethod::kAssistance));
       },
       kPass},
      {"closed by assistance, income below the line",
       [](H& h) {
         h.risks.push_back(closed_risk(D(2019, 11, 1), D(2020, 1, 10), CloseMethod::kAssistance));
         test::set_per_capita(h, 390000);
       },
       kGap, "risks[0].close_method",
       "返贫风险于2020-01-10以“帮扶消除”关闭，但人均纯收入3,900元仍未超过4,000元的标准"},
      {"closed another way, income below the line",
       [](H& h) {
         h.risks.push_back(closed_risk(D(2019, 11, 1), D(2020, 1, 10), CloseMethod::kOther));
         test::set_per_capita(h, 390000);
       },
       kPass},
      {"an open case, income below the line",
       [](H& h) {
         h.risks.push_back(open_risk(D(2019, 11, 1)));
         test::set_per_capita(h, 390000);
       },
       kPass},
      {"closed by assistance, income unknown",
       [](H& h) {
         h.risks.push_back(closed_risk(D(2019, 11, 1), D(2020, 1, 10), CloseMethod::kAssistance));
         h.income.property_fen.reset();
       },
       kUnknown, "income.property_fen", "财产性收入未录入，无法判断"},
  };
  test::run_rule_cases("consistency.assistance_close", cases);
}

TEST(RuleConsistencyUnstableWork, Table) {
  auto nobody_works = [](H& h) {
    h.members[0].labour = Labour::kLost;
    h.members[1].labour = Labour::kNone;
  };
  const RuleCase cases[] = {
      {"no case", nullptr, kPass},
      {"unstable work, someone can work",
       [](H& h) { h.risks.push_back(open_risk(D(2020, 1, 20), RiskKind::kUnstableWork)); }, kPass},
      {"unstable work, nobody can work",
       [&](H& h) {
         h.risks.push_back(open_risk(D(2020, 1, 20), RiskKind::kUnstableWork));
         nobody_works(h);
       },
       kGap, "risks[0].kinds", "2020-01-20登记了“因务工就业不稳”风险，但家庭成员均无劳动能力"},
      {"weak labour counts",
       [&](H& h) {
         h.risks.push_back(open_risk(D(2020, 1, 20), RiskKind::kUnstableWork));
         nobody_works(h);
         h.members[1].labour = Labour::kWeak;
       },
       kPass},
      {"another risk kind",
       [&](H& h) {
         h.risks.push_back(open_risk(D(2020, 1, 20), RiskKind::kIllness));
         nobody_works(h);
       },
       kPass},
      {"the case is closed",
       [&](H& h) {
         RiskCase r = open_risk(D(2019, 5, 1), RiskKind::kUnstableWork);
         r.closed_on = D(2019, 9, 1);
         r.close_method = CloseMethod::kIncomeRecovered;
         h.risks.push_back(r);
         nobody_works(h);
       },
       kPass},
      {"labour not recorded",
       [&](H& h) {
         h.risks.push_back(open_risk(D(2020, 1, 20), RiskKind::kUnstableWork));
         nobody_works(h);
         h.members[2].labour.reset();
       },
       kUnknown, "members[2].labour", "李小明的劳动能力未录入，无法判断"},
  };
  test::run_rule_cases("consistency.unstable_work", cases);
}

TEST(RuleConsistencyStudentLabour, Table) {
  const RuleCase cases[] = {
      {"pupil with no labour", nullptr, kPass},
      {"pupil recorded as ordinary labour", [](H& h) { h.members[2].labour = Labour::kOrdinary; },
       kGap, "members[2].labour",
       "义务教育阶段在校生不应登记为劳动力：李小明（小学，登记为普通劳动力）"},
      {"pupil recorded as weak labour", [](H& h) { h.members[2].labour = Labour::kWeak; }, kGap,
       "members[2].labour",
       "义务教育阶段在校生不应登记为劳动力：李小明（小学，登记为弱劳动力或半劳动力）"},
      {"labour not recorded is no contradiction", [](H& h) { h.members[2].labour.reset(); }, kPass},
      {"a dropout who works is an education gap, not this",
       [](H& h) {
         h.members[2].labour = Labour::kOrdinary;
         h.members[2].enrolment = Enrolment::kDroppedOut;
       },
       kPass},
  };
  test::run_rule_cases("consistency.student_labour", cases);
}

TEST(RuleConsistencyRegisterYears, Table) {
  const RuleCase cases[] = {
      {"lifted 2019, registered 2015", nullptr, kPass},
      {"not yet lifted, no lifted year",
       [](H& h) {
         h.status = HouseholdStatus::kRegisteredPoor;
         h.lifted_year.reset();
       },
       kPass},
      {"not yet lifted but has a lifted year",
       [](H& h) { h.status = HouseholdStatus::kRegisteredPoor; }, kGap, "lifted_year",
       "尚未脱贫的贫困户不应有脱贫年度（登记为2019年）"},
      {"lifted without a lifted year", [](H& h) { h.lifted_year.reset(); }, kUnknown, "lifted_year",
       "已脱贫户的脱贫年度未录入，无法判断"},
      {"lifted before registered", [](H& h) { h.lifted_year = 2014; }, kGap, "lifted_year",
       "脱贫年度2014早于建档年度2015"},
      {"lifted after the check year", [](H& h) { h.lifted_year = 2021; }, kGap, "lifted_year",
       "脱贫年度2021晚于检查年度2020"},
      {"no registration year", [](H& h) { h.registered_year.reset(); }, kUnknown, "registered_year",
       "建档年度未录入，无法判断"},
      {"registered after the check year",
       [](H& h) {
         h.registered_year = 2021;
         h.lifted_year = 2021;
       },
       kGap, "registered_year", "建档年度2021晚于检查年度2020"},
      {"marginal, no years",
       [](H& h) {
         h.status = HouseholdStatus::kMarginal;
         h.registered_year.reset();
         h.lifted_year.reset();
       },
       kPass},
      {"marginal with a registration year",
       [](H& h) {
         h.status = HouseholdStatus::kMarginal;
         h.lifted_year.reset();
       },
       kGap, "registered_year", "边缘户不在建档立卡范围，不应有建档或脱贫年度"},
  };
  test::run_rule_cases("consistency.register_years", cases);
}

}  // namespace
}  // namespace lz::poverty
