// The poverty domain's small pieces: money in fen (per-capita rounding,
// formatting), per-capita net income from the facts, calendar arithmetic
// (months, the school year), the check's context, configuration defaults and
// validation, and the vocabularies (ids, labels, alignment with the registry).
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "poverty/calendar.h"
#include "poverty/money.h"
#include "poverty/rule.h"
#include "poverty/vocab.h"
#include "registry/enums.h"
#include "test_facts.h"

namespace lz::poverty {
namespace {

using test::D;

// ---------------------------------------------------------------------------
// Money
// ---------------------------------------------------------------------------
TEST(MoneyTest, PerCapitaRoundsHalfAwayFromZero) {
  struct Case {
    int64_t total;
    int persons;
    int64_t expected;
  };
  const Case cases[] = {
      {1200000, 3, 400000},  // exact
      {100, 3, 33},          // 33.33 -> 33
      {200, 3, 67},          // 66.67 -> 67
      {1, 2, 1},             // 0.5 -> 1 (half away from zero)
      {3, 2, 2},             // 1.5 -> 2
      {5, 2, 3},             // 2.5 -> 3
      {-1, 2, -1},           // -0.5 -> -1
      {-200, 3, -67},        // -66.67 -> -67
      {-100, 3, -33},        // -33.33 -> -33
      {0, 5, 0},
      {1000001, 3, 333334},  // 333,333.67 -> 333,334
      {1000000, 3, 333333},  // 333,333.33 -> 333,333
      {999999, 1, 999999},
      {7, 7, 1},
      {3, 7, 0},  // 0.43 -> 0
      {4, 7, 1},  // 0.57 -> 1
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(testing::Message() << c.total << " / " << c.persons);
    EXPECT_EQ(per_capita_fen(c.total, c.persons), c.expected);
  }
}

TEST(MoneyTest, FormatYuan) {
  struct Case {
    int64_t fen;
    const char* text;
  };
  const Case cases[] = {
      {0, "0"},
      {5, "0.05"},
      {50, "0.50"},
      {100, "1"},
      {321000, "3,210"},
      {321050, "3,210.50"},
      {400000, "4,000"},
      {99999, "999.99"},
      {100000, "1,000"},
      {123456789, "1,234,567.89"},
      {-120000, "-1,200"},
      {-5, "-0.05"},
      {600000, "6,000"},
  };
  for (const auto& c : cases) EXPECT_EQ(format_yuan(c.fen), c.text) << c.fen;
}

TEST(MoneyTest, ScaleFen) {
  EXPECT_EQ(scale_fen(400000, 1.5), 600000);
  EXPECT_EQ(scale_fen(333, 1.5), 500);  // 499.5 -> 500
  EXPECT_EQ(scale_fen(400000, 1.0), 400000);
  EXPECT_EQ(yuan(4000), 400000);
}

// ---------------------------------------------------------------------------
// Per-capita net income from the facts
// ---------------------------------------------------------------------------
TEST(PerCapitaIncomeTest, FromTheFourKindsLessCosts) {
  auto h = test::good_household();  // (30,000 + 5,000 + 0 + 1,000 - 2,000) / 3
  auto inc = per_capita_net_income(h);
  ASSERT_TRUE(inc.known());
  EXPECT_EQ(inc.net_fen, 3400000);
  EXPECT_EQ(inc.persons, 3);
  EXPECT_EQ(*inc.fen, 1133333);  // 11,333.333 -> 11,333.33
  EXPECT_EQ(inc.missing, "");

  h.income.business_costs_fen = 200001;  // net 3,399,999 / 3 = 1,133,333
  EXPECT_EQ(*per_capita_net_income(h).fen, 1133333);
  h.income.business_costs_fen = 199999;  // net 3,400,001 / 3 = 1,133,333.67
  EXPECT_EQ(*per_capita_net_income(h).fen, 1133334);

  h.income = {100, 0, 0, 0, 0};  // 100 fen / 3
  EXPECT_EQ(*per_capita_net_income(h).fen, 33);
  h.income = {0, 0, 0, 0, 300000};  // a loss
  EXPECT_EQ(*per_capita_net_income(h).fen, -100000);
}

TEST(PerCapitaIncomeTest, NamesTheFirstMissingField) {
  struct Case {
    std::optional<int64_t> Income::*field;
    const char* name;
  };
  const Case cases[] = {
      {&Income::wage_fen, "income.wage_fen"},
      {&Income::business_fen, "income.business_fen"},
      {&Income::property_fen, "income.property_fen"},
      {&Income::transfer_fen, "income.transfer_fen"},
      {&Income::business_costs_fen, "income.business_costs_fen"},
  };
  for (const auto& c : cases) {
    auto h = test::good_household();
    h.income.*c.field = std::nullopt;
    auto inc = per_capita_net_income(h);
    EXPECT_FALSE(inc.known());
    EXPECT_EQ(inc.missing, c.name);
  }
  auto h = test::good_household();
  h.members.clear();
  EXPECT_EQ(per_capita_net_income(h).missing, "members");
}

TEST(FactsTest, LabourersAndMemberLookup) {
  auto h = test::good_household();
  EXPECT_EQ(labourers(h), 2);
  EXPECT_FALSE(labour_unrecorded(h));
  h.members[0].labour = Labour::kWeak;
  h.members[1].labour = Labour::kLost;
  EXPECT_EQ(labourers(h), 1);
  h.members[2].labour.reset();
  EXPECT_TRUE(labour_unrecorded(h));
  ASSERT_NE(h.member(2), nullptr);
  EXPECT_EQ(h.member(2)->name, "王秀英");
  EXPECT_EQ(h.member(99), nullptr);
}

// ---------------------------------------------------------------------------
// Calendar and the check's context
// ---------------------------------------------------------------------------
TEST(CalendarTest, AddMonths) {
  EXPECT_EQ(add_months(D(2020, 2, 12), -6), D(2019, 8, 12));
  EXPECT_EQ(add_months(D(2019, 8, 31), 6), D(2020, 2, 29));  // clamped, leap year
  EXPECT_EQ(add_months(D(2020, 3, 31), -1), D(2020, 2, 29));
  EXPECT_EQ(add_months(D(2019, 3, 31), -1), D(2019, 2, 28));
  EXPECT_EQ(add_months(D(2020, 1, 15), -13), D(2018, 12, 15));
  EXPECT_EQ(add_months(D(2020, 12, 1), 1), D(2021, 1, 1));
  EXPECT_EQ(add_months(D(2020, 5, 5), 0), D(2020, 5, 5));
}

TEST(CalendarTest, SchoolYearCutoff) {
  EXPECT_EQ(school_year_cutoff(D(2020, 2, 12)), D(2019, 8, 31));
  EXPECT_EQ(school_year_cutoff(D(2020, 8, 31)), D(2019, 8, 31));
  EXPECT_EQ(school_year_cutoff(D(2020, 9, 1)), D(2020, 8, 31));
  EXPECT_EQ(school_year_cutoff(D(2019, 12, 31)), D(2019, 8, 31));
}

TEST(RuleContextTest, DerivedOnceFromTheConfig) {
  CheckConfig c;
  auto ctx = make_context(c);
  EXPECT_EQ(ctx.config, &c);
  EXPECT_EQ(ctx.relapse_threshold_fen, 600000);
  EXPECT_EQ(ctx.school_year_cutoff, D(2019, 8, 31));
  EXPECT_EQ(ctx.school_born_by, D(2013, 8, 31));     // 6 on 2019-08-31
  EXPECT_EQ(ctx.school_born_after, D(2003, 8, 31));  // 16 on 2019-08-31 is too old
  EXPECT_EQ(ctx.grace_cutoff, D(2019, 8, 12));

  struct Case {
    Date birth;
    bool of_age;
  };
  const Case cases[] = {
      {D(2013, 8, 31), true},   // turned 6 on the cutoff
      {D(2013, 9, 1), false},   // 6 on 2019-09-01: starts next year
      {D(2003, 9, 1), true},    // 15 on the cutoff
      {D(2003, 8, 31), false},  // 16 on the cutoff
      {D(2008, 1, 1), true},   {D(2016, 1, 1), false}, {D(1990, 1, 1), false},
  };
  for (const auto& k : cases) {
    MemberFacts m;
    m.birth_date = k.birth;
    EXPECT_EQ(of_school_age(m, ctx), k.of_age) << k.birth.iso();
  }
}

// ---------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------
TEST(ConfigTest, Defaults) {
  CheckConfig c;
  EXPECT_EQ(c.as_of, D(2020, 2, 12));
  EXPECT_EQ(c.year, 2020);
  EXPECT_EQ(c.poverty_line_fen, 400000);
  EXPECT_DOUBLE_EQ(c.relapse_factor, 1.5);
  EXPECT_EQ(c.relapse_threshold_fen(), 600000);
  EXPECT_EQ(c.dibao_line_fen, 440000);
  EXPECT_EQ(c.visit_interval_days, 30);
  EXPECT_EQ(c.development_grace_months, 6);
  EXPECT_EQ(c.relapse_assess_days, 15);
  EXPECT_EQ(c.task_deadline_days.for_group(RuleGroup::kFood), 7);
  EXPECT_EQ(c.task_deadline_days.for_group(RuleGroup::kEducation), 15);
  EXPECT_EQ(c.task_deadline_days.for_group(RuleGroup::kHousing), 90);
  EXPECT_EQ(c.task_deadline_days.for_group(RuleGroup::kConsistency), 15);
  EXPECT_TRUE(validate(c).ok());
}

TEST(ConfigTest, ValidationNamesTheField) {
  struct Case {
    void (*change)(CheckConfig&);
    const char* field;
  };
  const Case cases[] = {
      {[](CheckConfig& c) { c.poverty_line_fen = 0; }, "poverty_line_fen"},
      {[](CheckConfig& c) { c.relapse_factor = 0.9; }, "relapse_factor"},
      {[](CheckConfig& c) { c.dibao_line_fen = -1; }, "dibao_line_fen"},
      {[](CheckConfig& c) { c.year = 2012; }, "year"},
      {[](CheckConfig& c) { c.task_deadline_days.water = 0; }, "task_deadline_days.water"},
      {[](CheckConfig& c) { c.visit_interval_days = 0; }, "visit_interval_days"},
      {[](CheckConfig& c) { c.development_grace_months = 0; }, "development_grace_months"},
      {[](CheckConfig& c) { c.relapse_assess_days = -3; }, "relapse_assess_days"},
      {[](CheckConfig& c) { c.school_age_min = 16; }, "school_age_min"},
  };
  for (const auto& k : cases) {
    CheckConfig c;
    k.change(c);
    auto st = validate(c);
    ASSERT_FALSE(st.ok()) << k.field;
    EXPECT_EQ(st.error().code, "poverty_config.invalid");
    EXPECT_EQ(st.error().field, k.field);
    EXPECT_FALSE(st.error().message_zh.empty());
    EXPECT_FALSE(st.error().message_en.empty());
  }
}

// ---------------------------------------------------------------------------
// Vocabularies
// ---------------------------------------------------------------------------
template <typename E>
void expect_well_formed(size_t size) {
  auto values = vocabulary<E>();
  EXPECT_EQ(values.size(), size);
  std::set<std::string> ids, zhs;
  for (size_t i = 0; i < values.size(); ++i) {
    EXPECT_TRUE(ids.insert(values[i].id).second) << values[i].id;
    EXPECT_TRUE(zhs.insert(values[i].zh).second) << values[i].zh;
    EXPECT_NE(std::string(values[i].en), "");
    // Every value parses back from its id and its Chinese label.
    EXPECT_EQ(parse<E>(values[i].id), static_cast<E>(i));
    EXPECT_EQ(parse<E>(values[i].zh), static_cast<E>(i));
  }
}

TEST(VocabTest, EveryVocabularyIsWellFormed) {
  expect_well_formed<HouseholdStatus>(4);
  expect_well_formed<Cause>(12);
  expect_well_formed<Health>(4);
  expect_well_formed<Labour>(5);
  expect_well_formed<Enrolment>(8);
  expect_well_formed<MeasureKind>(13);
  expect_well_formed<RiskCategory>(3);
  expect_well_formed<TriggerKind>(9);
  expect_well_formed<RiskKind>(10);
  expect_well_formed<CloseMethod>(3);
  expect_well_formed<VisitMode>(2);
  expect_well_formed<RuleGroup>(kRuleGroupCount);
  expect_well_formed<Outcome>(3);
  expect_well_formed<PovertyClass>(3);
  expect_well_formed<TaskState>(5);
}

TEST(VocabTest, TheTwelveCausesInNationalOrder) {
  const char* ids[] = {"illness", "disability", "schooling", "disaster",  "land",  "water",
                       "skills",  "labour",     "capital",   "transport", "drive", "other"};
  const char* zhs[] = {"因病",   "因残",   "因学",   "因灾",         "缺土地",           "缺水",
                       "缺技术", "缺劳力", "缺资金", "交通条件落后", "自身发展动力不足", "其他"};
  for (int i = 0; i < 12; ++i) {
    EXPECT_STREQ(id(static_cast<Cause>(i)), ids[i]);
    EXPECT_STREQ(zh(static_cast<Cause>(i)), zhs[i]);
  }
}

TEST(VocabTest, HealthLabourEnrolmentAreTheRegistrysOwn) {
  EXPECT_EQ(vocabulary<Health>().data(), enums::health_statuses().data());
  EXPECT_EQ(vocabulary<Labour>().data(), enums::labour_capacities().data());
  EXPECT_EQ(vocabulary<Enrolment>().data(), enums::enrolments().data());
  EXPECT_STREQ(id(Health::kChronicIllness), "chronic_illness");
  EXPECT_STREQ(id(Health::kDisabled), "disabled");
  EXPECT_STREQ(id(Labour::kWeak), "weak");
  EXPECT_STREQ(id(Labour::kNone), "none");
  EXPECT_STREQ(id(Enrolment::kDroppedOut), "dropped_out");
  EXPECT_STREQ(id(Enrolment::kJuniorSecondary), "junior_secondary");
  EXPECT_EQ(parse<Enrolment>("辍学"), Enrolment::kDroppedOut);
  EXPECT_EQ(parse<Labour>("丧失劳动力"), Labour::kLost);
  EXPECT_EQ(parse<Health>("nonsense"), std::nullopt);
}

TEST(VocabTest, ParseNormalisesLikeTheRegistry) {
  EXPECT_EQ(parse<Cause>(" 缺资金 "), Cause::kCapital);
  EXPECT_EQ(parse<Cause>("ｃａｐｉｔａｌ"), Cause::kCapital);  // full-width
  EXPECT_EQ(parse<TriggerKind>("epidemic_quarantine"), TriggerKind::kEpidemicQuarantine);
  EXPECT_EQ(parse<RiskCategory>("边缘易致贫户"), RiskCategory::kMarginalAtRisk);
  EXPECT_EQ(parse<CloseMethod>("income_recovered"), CloseMethod::kIncomeRecovered);
  EXPECT_EQ(parse<Cause>(""), std::nullopt);
}

TEST(VocabTest, DevelopmentMeasuresAndWork) {
  int development = 0;
  for (size_t i = 0; i < vocabulary<MeasureKind>().size(); ++i)
    development += is_development(static_cast<MeasureKind>(i));
  EXPECT_EQ(development, 6);
  EXPECT_TRUE(is_development(MeasureKind::kIndustry));
  EXPECT_TRUE(is_development(MeasureKind::kMicrocredit));
  EXPECT_FALSE(is_development(MeasureKind::kDibao));
  EXPECT_FALSE(is_development(MeasureKind::kHousingRenovation));
  EXPECT_FALSE(is_development(MeasureKind::kOther));
  EXPECT_TRUE(can_work(Labour::kWeak));
  EXPECT_FALSE(can_work(Labour::kLost));
  EXPECT_FALSE(can_work(Labour::kNone));
}

TEST(VocabTest, TriggersImplyRiskKinds) {
  EXPECT_EQ(risk_kind_of(TriggerKind::kJobLoss), RiskKind::kUnstableWork);
  EXPECT_EQ(risk_kind_of(TriggerKind::kEpidemicQuarantine), RiskKind::kEpidemic);
  EXPECT_EQ(risk_kind_of(TriggerKind::kEpidemicInfection), RiskKind::kIllness);
  EXPECT_EQ(risk_kind_of(TriggerKind::kProduceUnsold), RiskKind::kBusinessFailure);
  EXPECT_EQ(risk_kind_of(TriggerKind::kDisaster), RiskKind::kDisaster);
  EXPECT_TRUE(trigger_needs_person(TriggerKind::kEpidemicQuarantine));
  EXPECT_FALSE(trigger_needs_person(TriggerKind::kProduceUnsold));
  EXPECT_FALSE(trigger_needs_person(TriggerKind::kDisaster));
}

TEST(VocabTest, EnumSet) {
  CauseSet s = {Cause::kIllness, Cause::kCapital};
  EXPECT_TRUE(s.has(Cause::kCapital));
  EXPECT_FALSE(s.has(Cause::kLand));
  EXPECT_EQ(s.size(), 2);
  s.remove(Cause::kIllness);
  EXPECT_EQ(s.bits(), 1u << 8);
  EXPECT_EQ(CauseSet::from_bits(s.bits()), s);
  EXPECT_TRUE(CauseSet{}.empty());
}

}  // namespace
}  // namespace lz::poverty
