// 防返贫监测: who is monitored on income, opening a case from a trigger (the
// epidemic's among them) with its deadline, assessment, and eliminating the
// risk with its method, each refusal with its code.
#include "poverty/relapse.h"

#include <gtest/gtest.h>

#include "test_facts.h"

namespace lz::poverty {
namespace {

using test::D;
const Date kToday = D(2020, 2, 12);

TEST(ShouldMonitorTest, Table) {
  struct Case {
    const char* name;
    HouseholdStatus status;
    int64_t per_capita;  // -1: income not recorded
    MonitorVerdict verdict;
    std::optional<RiskCategory> category;
  };
  const Case cases[] = {
      {"lifted, below 1.5 x", HouseholdStatus::kLifted, 599999, MonitorVerdict::kMonitor,
       RiskCategory::kUnstableLifted},
      {"lifted, exactly 1.5 x", HouseholdStatus::kLifted, 600000, MonitorVerdict::kNotNeeded,
       std::nullopt},
      {"lifted, below the line itself", HouseholdStatus::kLifted, 350000, MonitorVerdict::kMonitor,
       RiskCategory::kUnstableLifted},
      {"marginal, below 1.5 x", HouseholdStatus::kMarginal, 500000, MonitorVerdict::kMonitor,
       RiskCategory::kMarginalAtRisk},
      {"marginal, well above", HouseholdStatus::kMarginal, 900000, MonitorVerdict::kNotNeeded,
       std::nullopt},
      {"registered poor: supported, not monitored", HouseholdStatus::kRegisteredPoor, 300000,
       MonitorVerdict::kNotNeeded, std::nullopt},
      {"ordinary: only after a sudden hardship", HouseholdStatus::kOrdinary, 300000,
       MonitorVerdict::kNotNeeded, std::nullopt},
      {"lifted, income unknown", HouseholdStatus::kLifted, -1, MonitorVerdict::kUnknown,
       std::nullopt},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto h = test::good_household();
    h.status = c.status;
    if (c.per_capita >= 0)
      test::set_per_capita(h, c.per_capita);
    else
      h.income.business_fen.reset();
    auto d = should_monitor(h, CheckConfig{});
    EXPECT_EQ(d.verdict, c.verdict);
    EXPECT_EQ(d.category, c.category);
    EXPECT_FALSE(d.reason_zh.empty());
    EXPECT_FALSE(d.reason_en.empty());
    EXPECT_EQ(d.missing_field, c.per_capita < 0 ? "income.business_fen" : "");
  }
  auto h = test::good_household();
  test::set_per_capita(h, 500000);
  EXPECT_EQ(should_monitor(h, CheckConfig{}).reason_zh,
            "脱贫户人均纯收入5,000元，低于防返贫监测线6,000元（贫困标准4,000元的1."
            "5倍），列为脱贫不稳定户");
  CheckConfig lower;
  lower.relapse_factor = 1.2;  // 4,800 yuan
  EXPECT_EQ(should_monitor(h, lower).verdict, MonitorVerdict::kNotNeeded);
}

Trigger quarantine() {
  Trigger t;
  t.kind = TriggerKind::kEpidemicQuarantine;
  t.on = D(2020, 1, 28);
  t.person_id = 1;
  t.note = "李建国自武汉返乡，居家隔离14天，无法外出务工";
  return t;
}

TEST(OpenCaseTest, FromAnEpidemicTrigger) {
  auto h = test::good_household();
  auto c = open_case(h, quarantine(), kToday, CheckConfig{});
  ASSERT_TRUE(c.ok()) << c.error().message_zh;
  EXPECT_EQ(c->id, 0);
  EXPECT_EQ(c->household_id, 1001);
  EXPECT_EQ(c->category, RiskCategory::kUnstableLifted);
  EXPECT_EQ(c->trigger, TriggerKind::kEpidemicQuarantine);
  EXPECT_EQ(c->trigger_on, D(2020, 1, 28));
  EXPECT_EQ(c->person_id, 1);
  EXPECT_EQ(c->kinds, RiskKindSet{RiskKind::kEpidemic});
  EXPECT_EQ(c->opened_on, kToday);
  EXPECT_EQ(c->deadline, D(2020, 2, 27));  // 15 days to assess
  EXPECT_TRUE(c->is_open());
  EXPECT_EQ(c->note, "李建国自武汉返乡，居家隔离14天，无法外出务工");
}

TEST(OpenCaseTest, CategoriesAndTriggers) {
  struct Case {
    HouseholdStatus status;
    TriggerKind kind;
    std::optional<int64_t> person;
    std::optional<RiskCategory> asked;
    RiskCategory expected;
    RiskKind risk;
  };
  const Case cases[] = {
      {HouseholdStatus::kLifted, TriggerKind::kProduceUnsold, std::nullopt, std::nullopt,
       RiskCategory::kUnstableLifted, RiskKind::kBusinessFailure},
      {HouseholdStatus::kMarginal, TriggerKind::kJobLoss, std::nullopt, std::nullopt,
       RiskCategory::kMarginalAtRisk, RiskKind::kUnstableWork},
      {HouseholdStatus::kOrdinary, TriggerKind::kEpidemicInfection, 2, std::nullopt,
       RiskCategory::kSuddenHardship, RiskKind::kIllness},
      {HouseholdStatus::kOrdinary, TriggerKind::kDisaster, std::nullopt,
       RiskCategory::kMarginalAtRisk, RiskCategory::kMarginalAtRisk, RiskKind::kDisaster},
      {HouseholdStatus::kLifted, TriggerKind::kAccident, 3, RiskCategory::kSuddenHardship,
       RiskCategory::kSuddenHardship, RiskKind::kAccident},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(id(c.kind));
    auto h = test::good_household();
    h.status = c.status;
    Trigger t;
    t.kind = c.kind;
    t.on = D(2020, 2, 1);
    t.person_id = c.person;
    t.category = c.asked;
    auto r = open_case(h, t, kToday, CheckConfig{});
    ASSERT_TRUE(r.ok()) << r.error().message_zh;
    EXPECT_EQ(r->category, c.expected);
    EXPECT_TRUE(r->kinds.has(c.risk));
  }
}

TEST(OpenCaseTest, Refusals) {
  struct Case {
    const char* name;
    void (*change)(HouseholdFacts&, Trigger&);
    const char* code;
    ErrorKind kind = ErrorKind::kInvalid;
  };
  const Case cases[] = {
      {"registered poor",
       [](HouseholdFacts& h, Trigger&) { h.status = HouseholdStatus::kRegisteredPoor; },
       "relapse.registered_poor"},
      {"in the future", [](HouseholdFacts&, Trigger& t) { t.on = D(2020, 2, 13); },
       "relapse.date_future"},
      {"a member trigger without the member",
       [](HouseholdFacts&, Trigger& t) { t.person_id.reset(); }, "relapse.person_required"},
      {"someone from another household", [](HouseholdFacts&, Trigger& t) { t.person_id = 99; },
       "relapse.person_not_member"},
      {"unstable_lifted for a marginal household",
       [](HouseholdFacts& h, Trigger& t) {
         h.status = HouseholdStatus::kMarginal;
         t.category = RiskCategory::kUnstableLifted;
       },
       "relapse.category_mismatch"},
      {"marginal_at_risk for a lifted household",
       [](HouseholdFacts&, Trigger& t) { t.category = RiskCategory::kMarginalAtRisk; },
       "relapse.category_mismatch"},
      {"the same case is already open",
       [](HouseholdFacts& h, Trigger& t) {
         h.risks.push_back(*open_case(h, t, D(2020, 2, 1), CheckConfig{}));
       },
       "relapse.duplicate", ErrorKind::kConflict},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto h = test::good_household();
    Trigger t = quarantine();
    c.change(h, t);
    auto r = open_case(h, t, kToday, CheckConfig{});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, c.code);
    EXPECT_EQ(r.error().kind, c.kind);
    EXPECT_FALSE(r.error().message_en.empty());
  }
  // The same trigger for another member is a different case.
  auto h = test::good_household();
  h.risks.push_back(*open_case(h, quarantine(), D(2020, 2, 1), CheckConfig{}));
  Trigger other = quarantine();
  other.person_id = 2;
  EXPECT_TRUE(open_case(h, other, kToday, CheckConfig{}).ok());
  // A closed case does not block a new one.
  h.risks[0].closed_on = D(2020, 2, 10);
  EXPECT_TRUE(open_case(h, quarantine(), kToday, CheckConfig{}).ok());
}

TEST(AssessmentTest, RecordedOnceWithinTheCase) {
  auto h = test::good_household();
  RiskCase c = *open_case(h, quarantine(), D(2020, 2, 1), CheckConfig{});
  EXPECT_EQ(c.deadline, D(2020, 2, 16));
  EXPECT_FALSE(is_assessment_overdue(c, D(2020, 2, 16)));
  EXPECT_TRUE(is_assessment_overdue(c, D(2020, 2, 17)));
  auto a = record_assessment(c, D(2020, 2, 5), "务工收入中断约2个月，需帮扶", kToday);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->assessed_on, D(2020, 2, 5));
  EXPECT_EQ(a->assessment_note, "务工收入中断约2个月，需帮扶");
  EXPECT_FALSE(is_assessment_overdue(*a, D(2020, 3, 1)));
  EXPECT_EQ(record_assessment(*a, D(2020, 2, 6), "", kToday).error().code,
            "relapse.already_assessed");
  EXPECT_EQ(record_assessment(c, D(2020, 1, 31), "", kToday).error().code,
            "relapse.date_before_opened");
  EXPECT_EQ(record_assessment(c, D(2020, 2, 13), "", kToday).error().code, "relapse.date_future");
}

// A lifted household with a case opened on 2020-01-15.
struct EliminationFixture {
  HouseholdFacts h = test::good_household();
  RiskCase c;
  EliminationFixture() {
    Trigger t;
    t.kind = TriggerKind::kProduceUnsold;
    t.on = D(2020, 1, 10);
    c = *open_case(h, t, D(2020, 1, 15), CheckConfig{});
    c.id = 55;
    h.risks.push_back(c);
  }
};

TEST(EliminateTest, Table) {
  struct Case {
    const char* name;
    void (*change)(HouseholdFacts&, RiskCase&, Elimination&);
    const char* code;  // nullptr: accepted
  };
  const Case cases[] = {
      {"by assistance after a measure",
       [](HouseholdFacts& h, RiskCase&, Elimination&) {
         h.measures.push_back({MeasureKind::kProduceMatching, D(2020, 1, 20), 0});
       },
       nullptr},
      {"by assistance, no measure", [](HouseholdFacts&, RiskCase&, Elimination&) {},
       "relapse.no_assistance"},
      {"by assistance, the measure came before the case",
       [](HouseholdFacts& h, RiskCase&, Elimination&) {
         h.measures.push_back({MeasureKind::kIndustry, D(2020, 1, 14), 0});
       },
       "relapse.no_assistance"},
      {"by assistance, the measure came after the elimination date",
       [](HouseholdFacts& h, RiskCase&, Elimination&) {
         h.measures.push_back({MeasureKind::kIndustry, D(2020, 2, 11), 0});
       },
       "relapse.no_assistance"},
      {"by assistance, income still at the line",
       [](HouseholdFacts& h, RiskCase&, Elimination&) {
         h.measures.push_back({MeasureKind::kWelfarePost, D(2020, 1, 20), 0});
         test::set_per_capita(h, 400000);
       },
       "relapse.income_below_line"},
      {"by assistance, income unknown",
       [](HouseholdFacts& h, RiskCase&, Elimination&) {
         h.measures.push_back({MeasureKind::kWelfarePost, D(2020, 1, 20), 0});
         h.income.wage_fen.reset();
       },
       "relapse.income_unknown"},
      {"income recovered above 1.5 x",
       [](HouseholdFacts&, RiskCase&, Elimination& e) { e.method = CloseMethod::kIncomeRecovered; },
       nullptr},
      {"income recovered, still below 1.5 x",
       [](HouseholdFacts& h, RiskCase&, Elimination& e) {
         e.method = CloseMethod::kIncomeRecovered;
         test::set_per_capita(h, 599999);
       },
       "relapse.income_below_threshold"},
      {"other, with a note",
       [](HouseholdFacts&, RiskCase&, Elimination& e) {
         e.method = CloseMethod::kOther;
         e.note = "户籍迁出";
       },
       nullptr},
      {"other, no note",
       [](HouseholdFacts&, RiskCase&, Elimination& e) { e.method = CloseMethod::kOther; },
       "relapse.note_required"},
      {"already closed",
       [](HouseholdFacts&, RiskCase& c, Elimination& e) {
         c.closed_on = D(2020, 2, 1);
         e.method = CloseMethod::kIncomeRecovered;
       },
       "relapse.already_closed"},
      {"before the case opened",
       [](HouseholdFacts&, RiskCase&, Elimination& e) {
         e.method = CloseMethod::kIncomeRecovered;
         e.on = D(2020, 1, 14);
       },
       "relapse.date_before_opened"},
      {"in the future",
       [](HouseholdFacts&, RiskCase&, Elimination& e) {
         e.method = CloseMethod::kIncomeRecovered;
         e.on = D(2020, 2, 13);
       },
       "relapse.date_future"},
      {"another household's case",
       [](HouseholdFacts&, RiskCase& c, Elimination& e) {
         c.household_id = 2002;
         e.method = CloseMethod::kIncomeRecovered;
       },
       "relapse.wrong_household"},
  };
  for (const auto& k : cases) {
    SCOPED_TRACE(k.name);
    EliminationFixture f;
    Elimination e;
    e.method = CloseMethod::kAssistance;
    e.on = D(2020, 2, 10);
    e.by = "cadre7";
    k.change(f.h, f.c, e);
    auto r = eliminate(f.h, f.c, e, kToday, CheckConfig{});
    if (!k.code) {
      ASSERT_TRUE(r.ok()) << r.error().message_zh;
      EXPECT_FALSE(r->is_open());
      EXPECT_EQ(r->closed_on, D(2020, 2, 10));
      EXPECT_EQ(r->close_method, e.method);
      EXPECT_EQ(r->closed_by, "cadre7");
      EXPECT_EQ(r->id, 55);
    } else {
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.error().code, k.code);
    }
  }
}

TEST(EliminateTest, MessagesSayWhy) {
  EliminationFixture f;
  Elimination e{CloseMethod::kAssistance, D(2020, 2, 10), "", "cadre7"};
  auto r = eliminate(f.h, f.c, e, kToday, CheckConfig{});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message_zh,
            "风险登记（2020-01-15）后至2020-02-10没有记录任何帮扶措施，不能以“帮扶消除”关闭");
  f.h.measures.push_back({MeasureKind::kIndustry, D(2020, 1, 20), 0});
  test::set_per_capita(f.h, 380000);
  r = eliminate(f.h, f.c, e, kToday, CheckConfig{});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message_zh, "人均纯收入3,800元仍未超过4,000元的标准，不能以“帮扶消除”关闭");
}

TEST(EliminateTest, AnEliminatedCaseFeedsTheConsistencyCheck) {
  // A case closed by assistance (validated while income was fine) and income
  // that later falls below the line: the check flags it.
  EliminationFixture f;
  f.h.measures.push_back({MeasureKind::kIndustry, D(2020, 1, 20), 0});
  auto closed = eliminate(f.h, f.c, {CloseMethod::kAssistance, D(2020, 2, 10), "", "cadre7"},
                          kToday, CheckConfig{});
  ASSERT_TRUE(closed.ok());
  f.h.risks[0] = *closed;
  EXPECT_EQ(test::run("consistency.assistance_close", f.h).outcome, Outcome::kPass);
  test::set_per_capita(f.h, 380000);
  EXPECT_EQ(test::run("consistency.assistance_close", f.h).outcome, Outcome::kGap);
}

}  // namespace
}  // namespace lz::poverty
