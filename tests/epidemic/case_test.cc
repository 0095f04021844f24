// Cases: every allowed transition and every refused one (the whole 5 x 5
// table), opening states, step dates (not backwards, not in the future),
// places, the discharge criteria at their edges, the state on a day, and the
// health monitoring after discharge.
#include "epidemic/case.h"

#include <gtest/gtest.h>

#include <set>
#include <utility>

#include "test_util.h"

namespace lz::epidemic {
namespace {

using test::D;

const Date kAsOf = D(2020, 2, 12);

CaseStep step(CaseStatus s, Date on, std::string place = "醴陵市人民医院") {
  CaseStep st;
  st.status = s;
  st.on = on;
  st.place = std::move(place);
  st.by = "doctor";
  return st;
}

Case opened(CaseStatus s = CaseStatus::kSuspected, Date on = D(2020, 1, 28)) {
  auto c = open_case(42, "430281126232", step(s, on), kAsOf);
  EXPECT_TRUE(c.ok()) << c.error().message_zh;
  return *c;
}

// A case in state `s`, each step a day after the previous one from 28 January.
Case in_state(CaseStatus s) {
  Case c = opened();
  auto go = [&](CaseStatus to, Date on) {
    auto r = advance(c, step(to, on), kAsOf);
    EXPECT_TRUE(r.ok()) << r.error().message_en;
    c = *r;
  };
  switch (s) {
    case CaseStatus::kSuspected:
      break;
    case CaseStatus::kConfirmed:
      go(CaseStatus::kConfirmed, D(2020, 1, 29));
      break;
    case CaseStatus::kDischarged:
      go(CaseStatus::kConfirmed, D(2020, 1, 29));
      go(CaseStatus::kDischarged, D(2020, 1, 30));
      break;
    case CaseStatus::kDeceased:
      go(CaseStatus::kConfirmed, D(2020, 1, 29));
      go(CaseStatus::kDeceased, D(2020, 1, 30));
      break;
    case CaseStatus::kExcluded:
      go(CaseStatus::kExcluded, D(2020, 1, 29));
      break;
  }
  EXPECT_EQ(c.status, s);
  return c;
}

const CaseStatus kAll[] = {CaseStatus::kSuspected, CaseStatus::kConfirmed, CaseStatus::kDischarged,
                           CaseStatus::kDeceased, CaseStatus::kExcluded};

TEST(CaseTest, OpensAsSuspected) {
  Case c = opened();
  EXPECT_EQ(c.person_id, 42);
  EXPECT_EQ(c.region_code, "430281126232");
  EXPECT_EQ(c.status, CaseStatus::kSuspected);
  ASSERT_EQ(c.steps.size(), 1u);
  EXPECT_EQ(c.steps[0].place, "醴陵市人民医院");
  EXPECT_EQ(c.date_of(CaseStatus::kSuspected), D(2020, 1, 28));
  EXPECT_EQ(c.date_of(CaseStatus::kConfirmed), std::nullopt);
}

TEST(CaseTest, OpensOnlyAsSuspectedOrConfirmed) {
  for (CaseStatus s : kAll) {
    auto c = open_case(42, "430281126232", step(s, D(2020, 2, 1)), kAsOf);
    bool expected = s == CaseStatus::kSuspected || s == CaseStatus::kConfirmed;
    EXPECT_EQ(c.ok(), expected) << id(s);
    if (!expected) {
      EXPECT_EQ(c.error().code, "case.invalid_opening");
      EXPECT_EQ(c.error().kind, ErrorKind::kInvalid);
    } else {
      EXPECT_EQ(c->status, s);
    }
  }
}

TEST(CaseTest, OpeningIsValidated) {
  struct Row {
    int64_t person;
    std::string region;
    CaseStep first;
    const char* code;
  };
  const Row rows[] = {
      {0, "430281126232", step(CaseStatus::kSuspected, D(2020, 2, 1)), "case.person_required"},
      {42, " ", step(CaseStatus::kSuspected, D(2020, 2, 1)), "case.region_required"},
      {42, "430281126232", step(CaseStatus::kSuspected, D(2020, 2, 1), "  "),
       "case.place_required"},
      {42, "430281126232", step(CaseStatus::kConfirmed, D(2020, 2, 13)), "case.date_future"},
  };
  for (const Row& r : rows) {
    auto c = open_case(r.person, r.region, r.first, kAsOf);
    ASSERT_FALSE(c.ok()) << r.code;
    EXPECT_EQ(c.error().code, r.code);
  }
  // as_of itself is allowed.
  EXPECT_TRUE(open_case(42, "430281126232", step(CaseStatus::kConfirmed, kAsOf), kAsOf).ok());
}

// The whole table: from every state to every state.
TEST(CaseTest, EveryTransitionAllowedOrRefused) {
  const std::set<std::pair<CaseStatus, CaseStatus>> allowed = {
      {CaseStatus::kSuspected, CaseStatus::kConfirmed},
      {CaseStatus::kSuspected, CaseStatus::kExcluded},
      {CaseStatus::kConfirmed, CaseStatus::kDischarged},
      {CaseStatus::kConfirmed, CaseStatus::kDeceased},
  };
  int ok = 0, refused = 0;
  for (CaseStatus from : kAll) {
    for (CaseStatus to : kAll) {
      Case c = in_state(from);
      auto r = advance(c, step(to, D(2020, 2, 5)), kAsOf);
      const bool expected = allowed.count({from, to}) > 0;
      EXPECT_EQ(is_allowed(from, to), expected) << id(from) << " -> " << id(to);
      ASSERT_EQ(r.ok(), expected) << id(from) << " -> " << id(to);
      if (expected) {
        ++ok;
        EXPECT_EQ(r->status, to);
        EXPECT_EQ(r->steps.size(), c.steps.size() + 1);
        EXPECT_EQ(r->steps.back().on, D(2020, 2, 5));
      } else {
        ++refused;
        EXPECT_EQ(r.error().code, "case.invalid_transition");
        EXPECT_EQ(r.error().kind, ErrorKind::kConflict);
        EXPECT_EQ(r.error().field, "status");
      }
    }
  }
  EXPECT_EQ(ok, 4);
  EXPECT_EQ(refused, 21);
  EXPECT_EQ(case_transitions().size(), 4u);
}

TEST(CaseTest, RefusalsSayWhatIsAllowed) {
  auto r = advance(in_state(CaseStatus::kSuspected), step(CaseStatus::kDischarged, D(2020, 2, 5)),
                   kAsOf);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message_zh,
            "病例当前为“疑似”，不能变更为“治愈出院”：只能变更为“确诊”或“排除”");
  EXPECT_EQ(r.error().message_en,
            "A suspected case cannot become discharged: only confirmed or excluded");
  auto f =
      advance(in_state(CaseStatus::kExcluded), step(CaseStatus::kConfirmed, D(2020, 2, 5)), kAsOf);
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.error().message_zh, "病例已是“排除”，不能再变更为“确诊”");
  EXPECT_EQ(f.error().message_en,
            "The case is excluded, which is final: it cannot become confirmed");
}

TEST(CaseTest, FinalStates) {
  EXPECT_FALSE(is_final(CaseStatus::kSuspected));
  EXPECT_FALSE(is_final(CaseStatus::kConfirmed));
  EXPECT_TRUE(is_final(CaseStatus::kDischarged));
  EXPECT_TRUE(is_final(CaseStatus::kDeceased));
  EXPECT_TRUE(is_final(CaseStatus::kExcluded));
}

TEST(CaseTest, StepDatesNeitherGoBackNorIntoTheFuture) {
  Case c = opened(CaseStatus::kSuspected, D(2020, 2, 3));
  struct Row {
    Date on;
    const char* code;  // nullptr: accepted
  };
  const Row rows[] = {
      {D(2020, 2, 2), "case.date_before_previous"},
      {D(2020, 2, 3), nullptr},   // the same day
      {D(2020, 2, 12), nullptr},  // as_of
      {D(2020, 2, 13), "case.date_future"},
  };
  for (const Row& r : rows) {
    auto x = advance(c, step(CaseStatus::kConfirmed, r.on), kAsOf);
    if (!r.code) {
      EXPECT_TRUE(x.ok()) << r.on.iso();
    } else {
      ASSERT_FALSE(x.ok()) << r.on.iso();
      EXPECT_EQ(x.error().code, r.code);
      EXPECT_EQ(x.error().field, "on");
    }
  }
  auto back = advance(c, step(CaseStatus::kConfirmed, D(2020, 2, 2)), kAsOf);
  EXPECT_EQ(back.error().message_en,
            "The confirmed date 2020-02-02 is before the previous step (suspected on 2020-02-03)");
  auto noplace = advance(c, step(CaseStatus::kConfirmed, D(2020, 2, 4), ""), kAsOf);
  EXPECT_EQ(noplace.error().code, "case.place_required");
}

// Evidence that meets every criterion for a discharge on 20 February.
DischargeEvidence good_evidence() {
  DischargeEvidence e;
  for (int d = 10; d <= 19; ++d) e.temperatures.push_back({D(2020, 2, d), d < 14 ? 385 : 366});
  e.respiratory_improved = true;
  e.tests = {{D(2020, 2, 14), false}, {D(2020, 2, 17), true}, {D(2020, 2, 18), true}};
  return e;
}

std::vector<std::string> codes(const Status& s) {
  std::vector<std::string> out;
  if (s.ok()) return out;
  for (const auto& d : s.error().details) out.push_back(d.code);
  return out;
}

TEST(DischargeTest, GoodEvidencePasses) {
  EpidemicConfig cfg;
  Status s = check_discharge_criteria(good_evidence(), D(2020, 2, 20), cfg);
  EXPECT_TRUE(s.ok()) << s.error().describe(Lang::kEn);
}

TEST(DischargeTest, TemperatureNormalForMoreThanThreeDays) {
  EpidemicConfig cfg;
  // Normal from the 14th: on-1 (19th) back to the 14th is 6 days.
  struct Row {
    int first_normal_day;  // fever (38.5) before it, 36.6 from it to the 19th
    bool ok;
  };
  const Row rows[] = {
      {16, true},   // 16..19: 4 days > 3
      {17, false},  // 17..19: 3 days, not more than 3
      {19, false},  // 1 day
  };
  for (const Row& r : rows) {
    DischargeEvidence e = good_evidence();
    e.temperatures.clear();
    for (int d = 10; d <= 19; ++d)
      e.temperatures.push_back({D(2020, 2, d), d < r.first_normal_day ? 385 : 366});
    Status s = check_discharge_criteria(e, D(2020, 2, 20), cfg);
    EXPECT_EQ(s.ok(), r.ok) << r.first_normal_day;
    if (!r.ok) {
      EXPECT_EQ(codes(s), std::vector<std::string>{"discharge.temperature"});
    }
  }
  // 37.2 is normal, 37.3 is a fever.
  DischargeEvidence edge = good_evidence();
  edge.temperatures.push_back({D(2020, 2, 17), 372});
  EXPECT_TRUE(check_discharge_criteria(edge, D(2020, 2, 20), cfg).ok());
  edge.temperatures.push_back({D(2020, 2, 17), 373});  // a second, higher reading that day
  EXPECT_EQ(codes(check_discharge_criteria(edge, D(2020, 2, 20), cfg)),
            std::vector<std::string>{"discharge.temperature"});
  // A missing day breaks the run (the 18th not recorded: only the 19th counts).
  DischargeEvidence gap = good_evidence();
  std::erase_if(gap.temperatures,
                [](const DailyTemperature& t) { return t.day == D(2020, 2, 18); });
  EXPECT_EQ(codes(check_discharge_criteria(gap, D(2020, 2, 20), cfg)),
            std::vector<std::string>{"discharge.temperature"});
  // A fever on the discharge day itself.
  DischargeEvidence today = good_evidence();
  today.temperatures.push_back({D(2020, 2, 20), 376});
  EXPECT_EQ(codes(check_discharge_criteria(today, D(2020, 2, 20), cfg)),
            std::vector<std::string>{"discharge.temperature"});
  // The setting: good_evidence() is normal on 14..19, 6 days: more than 5,
  // not more than 6.
  cfg.discharge_normal_temperature_days = 5;
  EXPECT_TRUE(check_discharge_criteria(good_evidence(), D(2020, 2, 20), cfg).ok());
  cfg.discharge_normal_temperature_days = 6;
  EXPECT_FALSE(check_discharge_criteria(good_evidence(), D(2020, 2, 20), cfg).ok());
}

TEST(DischargeTest, TwoNegativeTestsADayApartAfterTheLastPositive) {
  EpidemicConfig cfg;
  struct Row {
    std::vector<NucleicAcidTest> tests;
    bool ok;
  };
  const Row rows[] = {
      {{{D(2020, 2, 17), true}, {D(2020, 2, 18), true}}, true},
      {{{D(2020, 2, 18), true}, {D(2020, 2, 18), true}}, false},  // same day
      {{{D(2020, 2, 18), true}}, false},                          // only one
      {{{D(2020, 2, 17), true}, {D(2020, 2, 18), false}, {D(2020, 2, 19), true}}, false},
      {{{D(2020, 2, 16), true},
        {D(2020, 2, 17), false},
        {D(2020, 2, 18), true},
        {D(2020, 2, 20), true}},
       true},  // 18 and 20 after the positive of the 17th
      {{{D(2020, 2, 19), true}, {D(2020, 2, 21), true}}, false},  // the 21st is after discharge
      {{}, false},
  };
  for (size_t i = 0; i < std::size(rows); ++i) {
    DischargeEvidence e = good_evidence();
    e.tests = rows[i].tests;
    Status s = check_discharge_criteria(e, D(2020, 2, 20), cfg);
    EXPECT_EQ(s.ok(), rows[i].ok) << "row " << i;
    if (!rows[i].ok) {
      EXPECT_EQ(codes(s), std::vector<std::string>{"discharge.tests"}) << i;
    }
  }
}

TEST(DischargeTest, EveryUnmetCriterionIsNamed) {
  DischargeEvidence e;
  e.lungs_improved = false;
  Status s = check_discharge_criteria(e, D(2020, 2, 20), EpidemicConfig{});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, "case.discharge_criteria_unmet");
  EXPECT_EQ(codes(s), (std::vector<std::string>{"discharge.temperature", "discharge.respiratory",
                                                "discharge.lungs", "discharge.tests"}));
  EXPECT_EQ(s.error().message_zh, "未达到出院标准（4项不符）");
}

TEST(DischargeTest, DischargeChecksCriteriaThenTransition) {
  EpidemicConfig cfg;
  Case c = in_state(CaseStatus::kConfirmed);
  auto ok = discharge(c, step(CaseStatus::kDischarged, D(2020, 2, 20)), good_evidence(),
                      D(2020, 2, 20), cfg);
  ASSERT_TRUE(ok.ok()) << ok.error().describe(Lang::kEn);
  EXPECT_EQ(ok->status, CaseStatus::kDischarged);
  EXPECT_EQ(post_discharge_monitoring_end(*ok, cfg), D(2020, 3, 5));  // 20 Feb + 14

  DischargeEvidence bad = good_evidence();
  bad.respiratory_improved = false;
  auto refused =
      discharge(c, step(CaseStatus::kDischarged, D(2020, 2, 20)), bad, D(2020, 2, 20), cfg);
  EXPECT_EQ(refused.error().code, "case.discharge_criteria_unmet");
  // A suspected case cannot be discharged, whatever the evidence.
  auto wrong =
      discharge(in_state(CaseStatus::kSuspected), step(CaseStatus::kDischarged, D(2020, 2, 20)),
                good_evidence(), D(2020, 2, 20), cfg);
  EXPECT_EQ(wrong.error().code, "case.invalid_transition");
  EXPECT_EQ(post_discharge_monitoring_end(c, cfg), std::nullopt);
}

TEST(CaseTest, StatusOnADay) {
  CaseRecord r;
  r.suspected_on = D(2020, 1, 28);
  r.confirmed_on = D(2020, 1, 30);
  r.discharged_on = D(2020, 2, 10);
  EXPECT_EQ(status_on(r, D(2020, 1, 27)), std::nullopt);
  EXPECT_EQ(status_on(r, D(2020, 1, 28)), CaseStatus::kSuspected);
  EXPECT_EQ(status_on(r, D(2020, 1, 29)), CaseStatus::kSuspected);
  EXPECT_EQ(status_on(r, D(2020, 1, 30)), CaseStatus::kConfirmed);
  EXPECT_EQ(status_on(r, D(2020, 2, 9)), CaseStatus::kConfirmed);
  EXPECT_EQ(status_on(r, D(2020, 2, 10)), CaseStatus::kDischarged);
  CaseRecord same_day;
  same_day.suspected_on = D(2020, 2, 1);
  same_day.excluded_on = D(2020, 2, 1);
  EXPECT_EQ(status_on(same_day, D(2020, 2, 1)), CaseStatus::kExcluded);
}

TEST(CaseTest, ToRecord) {
  Case c = in_state(CaseStatus::kDeceased);
  c.id = 7;
  CaseRecord r = to_record(c);
  EXPECT_EQ(r.case_id, 7);
  EXPECT_EQ(r.person_id, 42);
  EXPECT_EQ(r.region_code, "430281126232");
  EXPECT_EQ(r.suspected_on, D(2020, 1, 28));
  EXPECT_EQ(r.confirmed_on, D(2020, 1, 29));
  EXPECT_EQ(r.deceased_on, D(2020, 1, 30));
  EXPECT_EQ(r.discharged_on, std::nullopt);
  EXPECT_EQ(r.excluded_on, std::nullopt);
}

}  // namespace
}  // namespace lz::epidemic
