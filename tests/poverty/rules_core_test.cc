// 一超过, 两不愁, 三保障 and 饮水安全: one table per rule. Each row is
// good_household() changed in one way, with the exact outcome, field and
// Chinese reason expected (see rule_cases.h).
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

TEST(RuleIncomeAboveLine, Table) {
  const RuleCase cases[] = {
      {"well above", nullptr, kPass},
      {"one fen above", [](H& h) { test::set_per_capita(h, 400001); }, kPass},
      {"exactly the line", [](H& h) { test::set_per_capita(h, 400000); }, kGap, "income",
       "人均纯收入4,000元，未超过4,000元的标准"},
      {"below", [](H& h) { test::set_per_capita(h, 321000); }, kGap, "income",
       "人均纯收入3,210元，低于4,000元的标准"},
      {"below with fen", [](H& h) { test::set_per_capita(h, 321050); }, kGap, "income",
       "人均纯收入3,210.50元，低于4,000元的标准"},
      {"costs bring it below",
       [](H& h) {
         h.income = {1200000, 300000, 0, 0, 400000};  // (12,000 + 3,000 - 4,000) / 3 = 3,666.67
       },
       kGap, "income", "人均纯收入3,666.67元，低于4,000元的标准"},
      {"a configured line", [](H& h) { test::set_per_capita(h, 321000); }, kPass, "", "",
       [](CheckConfig& c) { c.poverty_line_fen = 300000; }},
      {"transfer income missing", [](H& h) { h.income.transfer_fen.reset(); }, kUnknown,
       "income.transfer_fen", "转移性收入未录入，无法判断"},
      {"costs missing", [](H& h) { h.income.business_costs_fen.reset(); }, kUnknown,
       "income.business_costs_fen", "生产经营性支出未录入，无法判断"},
      {"no members", [](H& h) { h.members.clear(); }, kUnknown, "members",
       "家庭成员未录入，无法判断"},
  };
  test::run_rule_cases("income.above_line", cases);
}

TEST(RuleIncomeAboveLine, EnglishReason) {
  auto h = test::good_household();
  test::set_per_capita(h, 321000);
  auto r = test::run("income.above_line", h);
  EXPECT_EQ(r.finding.reason_en,
            "Per-capita net income 3,210 yuan is below the line of 4,000 yuan");
  h.income.wage_fen.reset();
  r = test::run("income.above_line", h);
  EXPECT_EQ(r.finding.reason_en, "Wage income not recorded: cannot decide");
}

TEST(RuleFood, Table) {
  const RuleCase cases[] = {
      {"visit found food fine", nullptr, kPass},
      {"no visit", [](H& h) { h.visit.reset(); }, kUnknown, "visit", "没有走访记录，无法判断"},
      {"visit did not record food", [](H& h) { h.visit->food_ok.reset(); }, kUnknown,
       "visit.food_ok", "2020-02-03走访记录中的“不愁吃”未录入，无法判断"},
      {"short of food, phone visit",
       [](H& h) {
         h.visit->food_ok = false;
         h.visit->mode = VisitMode::kPhone;
       },
       kGap, "visit.food_ok", "2020-02-03电话走访发现吃饭有困难（不愁吃未达标）"},
      {"clothing problem is not a food problem", [](H& h) { h.visit->clothing_ok = false; }, kPass},
  };
  test::run_rule_cases("food.secure", cases);
}

TEST(RuleClothing, Table) {
  const RuleCase cases[] = {
      {"visit found clothing fine", nullptr, kPass},
      {"no visit", [](H& h) { h.visit.reset(); }, kUnknown, "visit", "没有走访记录，无法判断"},
      {"visit did not record clothing", [](H& h) { h.visit->clothing_ok.reset(); }, kUnknown,
       "visit.clothing_ok", "2020-02-03走访记录中的“不愁穿”未录入，无法判断"},
      {"short of clothing", [](H& h) { h.visit->clothing_ok = false; }, kGap, "visit.clothing_ok",
       "2020-02-03入户走访发现穿衣有困难（不愁穿未达标）"},
      {"food problem is not a clothing problem", [](H& h) { h.visit->food_ok = false; }, kPass},
  };
  test::run_rule_cases("clothing.secure", cases);
}

TEST(RuleEducationEnrolment, Table) {
  const RuleCase cases[] = {
      {"child in primary school", nullptr, kPass},
      {"child dropped out", [](H& h) { h.members[2].enrolment = Enrolment::kDroppedOut; }, kGap,
       "members[2].enrolment", "义务教育阶段适龄成员未在校：李小明（学年初8岁，辍学）"},
      {"child not enrolled", [](H& h) { h.members[2].enrolment = Enrolment::kNotEnrolled; }, kGap,
       "members[2].enrolment", "义务教育阶段适龄成员未在校：李小明（学年初8岁，非在校生）"},
      {"six-year-old still in preschool",
       [](H& h) {
         h.members[2].birth_date = D(2013, 5, 1);
         h.members[2].enrolment = Enrolment::kPreschool;
       },
       kPass},
      {"turned 6 after 31 August: not yet of age",
       [](H& h) {
         h.members[2].birth_date = D(2013, 9, 1);
         h.members[2].enrolment = Enrolment::kNotEnrolled;
       },
       kPass},
      {"15 on the cutoff, dropped out",
       [](H& h) {
         h.members[2].birth_date = D(2004, 1, 1);
         h.members[2].enrolment = Enrolment::kDroppedOut;
       },
       kGap, "members[2].enrolment", "义务教育阶段适龄成员未在校：李小明（学年初15岁，辍学）"},
      {"16 on the cutoff: past compulsory age",
       [](H& h) {
         h.members[2].birth_date = D(2003, 8, 31);
         h.members[2].enrolment = Enrolment::kDroppedOut;
       },
       kPass},
      {"two children out of school",
       [](H& h) {
         h.members[2].enrolment = Enrolment::kDroppedOut;
         h.members.push_back(test::child(4, "李小红", D(2007, 5, 1), 42));
         h.members.back().enrolment = Enrolment::kNotEnrolled;
       },
       kGap, "members[2].enrolment",
       "义务教育阶段适龄成员未在校：李小明（学年初8岁，辍学）、李小红（学年初12岁，非在校生）"},
      {"enrolment not recorded", [](H& h) { h.members[2].enrolment.reset(); }, kUnknown,
       "members[2].enrolment", "义务教育适龄成员李小明的在校情况未录入，无法判断"},
      {"an adult's enrolment may be missing", [](H& h) { h.members[0].enrolment.reset(); }, kPass},
      {"a gap outweighs an unknown",
       [](H& h) {
         h.members[2].enrolment.reset();
         h.members.push_back(test::child(4, "李小红", D(2007, 5, 1), 42));
         h.members.back().enrolment = Enrolment::kDroppedOut;
       },
       kGap, "members[3].enrolment", "义务教育阶段适龄成员未在校：李小红（学年初12岁，辍学）"},
  };
  test::run_rule_cases("education.enrolment", cases);
}

TEST(RuleMedicalInsurance, Table) {
  const RuleCase cases[] = {
      {"everyone insured", nullptr, kPass},
      {"one without basic insurance", [](H& h) { h.members[1].basic_medical = false; }, kGap,
       "members[1].basic_medical", "王秀英未参加基本医疗保险"},
      {"two members lacking",
       [](H& h) {
         h.members[0].serious_illness = false;
         h.members[2].basic_medical = false;
         h.members[2].serious_illness = false;
       },
       kGap, "members[0].serious_illness",
       "李建国未参加大病保险、李小明未参加基本医疗保险和大病保险"},
      {"a member without a name",
       [](H& h) {
         h.members[2].name.clear();
         h.members[2].basic_medical = false;
       },
       kGap, "members[2].basic_medical", "成员#3未参加基本医疗保险"},
      {"insurance not recorded", [](H& h) { h.members[2].basic_medical.reset(); }, kUnknown,
       "members[2].basic_medical", "李小明的基本医疗保险参保情况未录入，无法判断"},
      {"serious illness insurance not recorded", [](H& h) { h.members[0].serious_illness.reset(); },
       kUnknown, "members[0].serious_illness", "李建国的大病保险参保情况未录入，无法判断"},
      {"a gap outweighs an unknown",
       [](H& h) {
         h.members[0].basic_medical.reset();
         h.members[1].serious_illness = false;
       },
       kGap, "members[1].serious_illness", "王秀英未参加大病保险"},
  };
  test::run_rule_cases("medical.insurance", cases);
}

TEST(RuleMedicalChronicCard, Table) {
  const RuleCase cases[] = {
      {"nobody ill", nullptr, kPass},
      {"chronic illness with a card",
       [](H& h) {
         h.members[0].health = Health::kChronicIllness;
         h.members[0].chronic_card = true;
       },
       kPass},
      {"chronic illness without a card",
       [](H& h) { h.members[0].health = Health::kChronicIllness; }, kGap, "members[0].chronic_card",
       "患慢性病或大病的成员未办理慢病卡：李建国（长期慢性病）"},
      {"serious illness, card not recorded",
       [](H& h) {
         h.members[0].health = Health::kSeriousIllness;
         h.members[0].chronic_card.reset();
       },
       kUnknown, "members[0].chronic_card", "李建国（患有大病）是否办理慢病卡未录入，无法判断"},
      {"health not recorded", [](H& h) { h.members[1].health.reset(); }, kUnknown,
       "members[1].health", "王秀英的健康状况未录入，无法判断"},
      {"disabled: no card needed",
       [](H& h) {
         h.members[0].health = Health::kDisabled;
         h.members[0].chronic_card.reset();
       },
       kPass},
      {"healthy: card not needed, may be unrecorded",
       [](H& h) { h.members[0].chronic_card.reset(); }, kPass},
  };
  test::run_rule_cases("medical.chronic_card", cases);
}

TEST(RuleHousingSafe, Table) {
  const RuleCase cases[] = {
      {"grade A", nullptr, kPass},
      {"grade B", [](H& h) { h.housing_grade = 'B'; }, kPass},
      {"grade C", [](H& h) { h.housing_grade = 'C'; }, kGap, "housing_grade",
       "住房安全等级为C级（局部危房），不符合住房安全有保障"},
      {"grade D", [](H& h) { h.housing_grade = 'D'; }, kGap, "housing_grade",
       "住房安全等级为D级（整栋危房），不符合住房安全有保障"},
      {"no grade", [](H& h) { h.housing_grade.reset(); }, kUnknown, "housing_grade",
       "住房安全等级未录入，无法判断"},
      {"a grade that does not exist", [](H& h) { h.housing_grade = 'E'; }, kUnknown,
       "housing_grade", "住房安全等级“E”无效（应为A、B、C、D），无法判断"},
  };
  test::run_rule_cases("housing.safe", cases);
}

TEST(RuleWaterSafe, Table) {
  const RuleCase cases[] = {
      {"all four met", nullptr, kPass},
      {"quality fails", [](H& h) { h.water.quality = false; }, kGap, "water.quality",
       "饮水不安全：水质不达标"},
      {"quantity and reliability fail",
       [](H& h) {
         h.water.quantity = false;
         h.water.reliability = false;
       },
       kGap, "water.quantity", "饮水不安全：水量不足、供水保证率不足"},
      {"convenience fails", [](H& h) { h.water.convenience = false; }, kGap, "water.convenience",
       "饮水不安全：取水不方便"},
      {"convenience not recorded", [](H& h) { h.water.convenience.reset(); }, kUnknown,
       "water.convenience", "用水方便程度未录入，无法判断"},
      {"nothing recorded", [](H& h) { h.water = {}; }, kUnknown, "water.quality",
       "饮水水质未录入，无法判断"},
      {"a failure outweighs a missing standard",
       [](H& h) {
         h.water.quality.reset();
         h.water.reliability = false;
       },
       kGap, "water.reliability", "饮水不安全：供水保证率不足"},
  };
  test::run_rule_cases("water.safe", cases);
}

}  // namespace
}  // namespace lz::poverty
