// Classes (stable / consolidate / key_support) from the check and income,
// with the reasons shown; manual overrides, who may set them, and how they
// are reported.
#include "poverty/classify.h"

#include <gtest/gtest.h>

#include <functional>

#include "test_facts.h"

namespace lz::poverty {
namespace {

using test::D;
using H = HouseholdFacts;

struct ClassCase {
  const char* name;
  std::function<void(H&)> change;
  PovertyClass expected;
  std::vector<std::string> codes;
  const char* first_reason_zh = nullptr;  // exact, when given
};

TEST(ClassifyTest, Table) {
  const ClassCase cases[] = {
      {"everything fine",
       nullptr,
       PovertyClass::kStable,
       {"all_pass"},
       "各项检查均达标，人均纯收入11,333.33元，不低于防返贫监测线6,000元"},
      {"not yet lifted",
       [](H& h) {
         h.status = HouseholdStatus::kRegisteredPoor;
         h.lifted_year.reset();
       },
       PovertyClass::kKeySupport,
       {"status.registered_poor"},
       "尚未脱贫（建档立卡贫困户）"},
      {"lifted but income below the line",
       [](H& h) { test::set_per_capita(h, 390000); },
       PovertyClass::kKeySupport,
       {"gap.income.above_line"},
       "一超过有短板：人均纯收入3,900元，低于4,000元的标准"},
      {"not lifted and a dangerous house",
       [](H& h) {
         h.status = HouseholdStatus::kRegisteredPoor;
         h.lifted_year.reset();
         h.housing_grade = 'D';
       },
       PovertyClass::kKeySupport,
       {"status.registered_poor", "gap.housing.safe"}},
      {"a child out of school (and a water gap)",
       [](H& h) {
         h.members[2].enrolment = Enrolment::kDroppedOut;
         h.water.quality = false;
       },
       PovertyClass::kKeySupport,
       {"gap.education.enrolment"},
       "义务教育有短板：义务教育阶段适龄成员未在校：李小明（学年初8岁，辍学）"},
      {"food short",
       [](H& h) { h.visit->food_ok = false; },
       PovertyClass::kKeySupport,
       {"gap.food.secure"}},
      {"income above the line but below 1.5 x",
       [](H& h) { test::set_per_capita(h, 500000); },
       PovertyClass::kConsolidate,
       {"income.below_relapse_threshold"},
       "人均纯收入5,000元，低于防返贫监测线6,000元"},
      {"income exactly 1.5 x the line",
       [](H& h) { test::set_per_capita(h, 600000); },
       PovertyClass::kStable,
       {"all_pass"}},
      {"a water gap",
       [](H& h) { h.water.quality = false; },
       PovertyClass::kConsolidate,
       {"gap.water.safe"},
       "饮水安全有短板：饮水不安全：水质不达标"},
      {"dibao due and not granted",
       [](H& h) { test::set_per_capita(h, 420000); },
       PovertyClass::kConsolidate,
       {"income.below_relapse_threshold", "gap.policy.dibao"}},
      {"an open risk case",
       [](H& h) {
         RiskCase r;
         r.trigger = TriggerKind::kIllness;
         r.opened_on = D(2020, 1, 20);
         h.risks.push_back(r);
       },
       PovertyClass::kConsolidate,
       {"risk.open"},
       "有未消除的返贫风险（2020-01-20登记，重大疾病）"},
      {"a closed risk case",
       [](H& h) {
         RiskCase r;
         r.opened_on = D(2019, 10, 20);
         r.closed_on = D(2019, 12, 20);
         r.close_method = CloseMethod::kIncomeRecovered;
         h.risks.push_back(r);
       },
       PovertyClass::kStable,
       {"all_pass"}},
      {"no visit: food and clothing unknown",
       [](H& h) { h.visit.reset(); },
       PovertyClass::kConsolidate,
       {"unknown.food.secure", "unknown.clothing.secure"},
       "不愁吃数据缺失：没有走访记录，无法判断"},
      {"income unknown",
       [](H& h) { h.income.wage_fen.reset(); },
       PovertyClass::kConsolidate,
       {"unknown.income.above_line", "unknown.policy.dibao"}},
      {"a marginal household doing well",
       [](H& h) {
         h.status = HouseholdStatus::kMarginal;
         h.registered_year.reset();
         h.lifted_year.reset();
       },
       PovertyClass::kStable,
       {"all_pass"}},
      {"a marginal household below 1.5 x",
       [](H& h) {
         h.status = HouseholdStatus::kMarginal;
         h.registered_year.reset();
         h.lifted_year.reset();
         test::set_per_capita(h, 450000);
       },
       PovertyClass::kConsolidate,
       {"income.below_relapse_threshold"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    H h = test::good_household();
    if (c.change) c.change(h);
    CheckConfig config;
    auto result = check(h, config);
    auto cls = classify(h, result, config);
    EXPECT_EQ(cls.household_id, 1001);
    EXPECT_EQ(cls.computed, c.expected) << describe(cls, Lang::kZh);
    EXPECT_EQ(cls.effective(), c.expected);
    EXPECT_FALSE(cls.overridden());
    std::vector<std::string> codes;
    for (const auto& r : cls.reasons) {
      codes.push_back(r.code);
      EXPECT_FALSE(r.zh.empty());
      EXPECT_FALSE(r.en.empty());
    }
    EXPECT_EQ(codes, c.codes);
    if (c.first_reason_zh) {
      ASSERT_FALSE(cls.reasons.empty());
      EXPECT_EQ(cls.reasons[0].zh, c.first_reason_zh);
    }
    // The fast form decides the same, and gives the same reason codes.
    const RuleContext ctx = make_context(config);
    const HouseholdView view = make_view(h);
    const Outcomes o = check_outcomes(view, ctx);
    EXPECT_EQ(classify(view, o, ctx), c.expected);
    std::vector<ClassReason> fast_reasons;
    EXPECT_EQ(classify(view, o, ctx, &fast_reasons), c.expected);
    std::vector<std::string> fast_codes;
    for (const auto& r : fast_reasons) fast_codes.push_back(r.code);
    EXPECT_EQ(fast_codes, c.codes);
  }
}

TEST(ClassifyTest, TheFactorIsASetting) {
  H h = test::good_household();
  test::set_per_capita(h, 700000);
  CheckConfig config;
  EXPECT_EQ(classify(h, check(h, config), config).computed, PovertyClass::kStable);
  config.relapse_factor = 2.0;  // threshold 8,000 yuan
  auto c = classify(h, check(h, config), config);
  EXPECT_EQ(c.computed, PovertyClass::kConsolidate);
  EXPECT_EQ(c.reasons[0].zh, "人均纯收入7,000元，低于防返贫监测线8,000元");
}

TEST(ClassifyTest, DescribeInBothLanguages) {
  H h = test::good_household();
  test::set_per_capita(h, 500000);
  h.water.quality = false;
  auto c = classify(h, check(h, CheckConfig{}), CheckConfig{});
  EXPECT_EQ(describe(c, Lang::kZh),
            "巩固提升户：人均纯收入5,000元，低于防返贫监测线6,"
            "000元；饮水安全有短板：饮水不安全：水质不达标");
  EXPECT_EQ(
      describe(c, Lang::kEn),
      "to consolidate: Per-capita net income 5,000 yuan is below the relapse-monitoring "
      "threshold of 6,000 yuan; safe drinking water gap: Drinking water not safe on: quality");
}

ClassOverride an_override() {
  ClassOverride o;
  o.cls = PovertyClass::kStable;
  o.reason = "已核实外出务工收入，系统收入数据滞后";
  o.by = "zhang.kezhang";
  o.role = Role::kTownshipOfficer;
  o.on = D(2020, 2, 10);
  return o;
}

TEST(ClassOverrideTest, WinsAndIsReportedAsSuch) {
  H h = test::good_household();
  h.status = HouseholdStatus::kRegisteredPoor;
  h.lifted_year.reset();
  auto c = classify(h, check(h, CheckConfig{}), CheckConfig{}, an_override());
  EXPECT_EQ(c.computed, PovertyClass::kKeySupport);
  EXPECT_TRUE(c.overridden());
  EXPECT_EQ(c.effective(), PovertyClass::kStable);
  EXPECT_EQ(c.reasons.size(), 1u);  // the computed reasons are kept
  EXPECT_EQ(
      describe(c, Lang::kZh),
      "稳定脱贫户（人工认定，计算结果为重点扶持户）：已核实外出务工收入，系统收入数据滞后（zhang."
      "kezhang，2020-02-10）");
  EXPECT_EQ(
      describe(c, Lang::kEn),
      "stably lifted (set by hand; computed: key support): 已核实外出务工收入，系统收入数据滞后 "
      "(zhang.kezhang, 2020-02-10)");
}

TEST(ClassOverrideTest, Validation) {
  const Date today = D(2020, 2, 12);
  struct Case {
    void (*change)(ClassOverride&);
    const char* code;  // nullptr: valid
  };
  const Case cases[] = {
      {[](ClassOverride&) {}, nullptr},
      {[](ClassOverride& o) { o.role = Role::kCountyAdmin; }, nullptr},
      {[](ClassOverride& o) { o.on = D(2020, 2, 12); }, nullptr},
      {[](ClassOverride& o) { o.role = Role::kPairedCadre; }, "class_override.forbidden"},
      {[](ClassOverride& o) { o.role = Role::kVillageCadre; }, "class_override.forbidden"},
      {[](ClassOverride& o) { o.role = Role::kAuditAdmin; }, "class_override.forbidden"},
      {[](ClassOverride& o) { o.reason = "  "; }, "class_override.reason_required"},
      {[](ClassOverride& o) { o.by = ""; }, "class_override.by_required"},
      {[](ClassOverride& o) { o.on = D(2020, 2, 13); }, "class_override.date_future"},
  };
  for (const auto& c : cases) {
    ClassOverride o = an_override();
    c.change(o);
    auto st = validate_override(o, today);
    if (!c.code) {
      EXPECT_TRUE(st.ok()) << st.error().message_zh;
    } else {
      ASSERT_FALSE(st.ok()) << c.code;
      EXPECT_EQ(st.error().code, c.code);
    }
  }
  EXPECT_TRUE(may_override_class(Role::kTownshipOfficer));
  EXPECT_TRUE(may_override_class(Role::kCountyAdmin));
  EXPECT_FALSE(may_override_class(Role::kPairedCadre));
}

}  // namespace
}  // namespace lz::poverty
