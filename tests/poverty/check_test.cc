// The check as a whole: the rule table (ids, order, descriptions, fields
// read), check() with reasons, the allocation-free fast path and check_all()
// agreeing with it on thousands of varied households, determinism, and the
// promise that the fast path allocates nothing (counted by replacing the
// global operator new in this test binary).
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <new>
#include <set>

#include "poverty/classify.h"
#include "test_facts.h"

// Counting allocations: every scalar new in this binary goes through here
// (arrays reach it through the default operator new[]).
static std::atomic<long> g_allocations{0};
// noinline keeps GCC from pairing the inlined free() with a new-expression
// (-Wmismatched-new-delete); the pair is malloc/free throughout.
[[gnu::noinline]] void* operator new(std::size_t n) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
[[gnu::noinline]] void operator delete(void* p) noexcept {
  std::free(p);
}
[[gnu::noinline]] void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}

namespace lz::poverty {
namespace {

using test::D;

TEST(RuleTableTest, IdsInReportOrder) {
  const char* expected[] = {
      "income.above_line",
      "food.secure",
      "clothing.secure",
      "education.enrolment",
      "medical.insurance",
      "medical.chronic_card",
      "housing.safe",
      "water.safe",
      "policy.dibao",
      "policy.disability_subsidy",
      "policy.microcredit_overdue",
      "policy.microcredit_unused",
      "consistency.development_measure",
      "consistency.assistance_close",
      "consistency.unstable_work",
      "consistency.student_labour",
      "consistency.register_years",
  };
  auto all = rules();
  ASSERT_EQ(all.size(), std::size(expected));
  for (size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].id, expected[i]);
    EXPECT_EQ(rule_index(all[i]), i);
    EXPECT_EQ(find_rule(expected[i]), &all[i]);
  }
  EXPECT_EQ(find_rule("no.such_rule"), nullptr);
  EXPECT_LE(all.size(), kMaxRules);
}

TEST(RuleTableTest, EveryRuleIsDescribed) {
  std::set<std::string_view> ids;
  int last_group = 0;
  for (const auto& r : rules()) {
    SCOPED_TRACE(std::string(r.id));
    EXPECT_TRUE(ids.insert(r.id).second);
    EXPECT_GE(r.version, 1);
    EXPECT_FALSE(r.description_zh.empty());
    EXPECT_FALSE(r.description_en.empty());
    EXPECT_FALSE(r.reads.empty());
    EXPECT_NE(r.evaluate, nullptr);
    // Groups appear in order: 一超过, 两不愁, 三保障, 饮水, 政策, 一致性.
    EXPECT_GE(static_cast<int>(r.group), last_group);
    last_group = static_cast<int>(r.group);
  }
  EXPECT_EQ(find_rule("water.safe")->group, RuleGroup::kWater);
  EXPECT_EQ(find_rule("medical.chronic_card")->group, RuleGroup::kMedical);
  EXPECT_EQ(find_rule("policy.dibao")->group, RuleGroup::kPolicy);
  const auto& reads = find_rule("water.safe")->reads;
  EXPECT_EQ(std::vector<std::string_view>(reads.begin(), reads.end()),
            (std::vector<std::string_view>{"water.quality", "water.quantity", "water.convenience",
                                           "water.reliability"}));
}

TEST(CheckTest, GoodHouseholdPassesEverything) {
  auto r = check(test::good_household(), CheckConfig{});
  EXPECT_EQ(r.household_id, 1001);
  ASSERT_EQ(r.results.size(), rules().size());
  EXPECT_EQ(r.count(Outcome::kPass), static_cast<int>(rules().size()));
  for (size_t i = 0; i < r.results.size(); ++i) {
    EXPECT_EQ(r.results[i].rule, &rules()[i]);
    EXPECT_TRUE(r.results[i].finding.reason_zh.empty());
    EXPECT_TRUE(r.results[i].finding.field.empty());
  }
}

TEST(CheckTest, ResultsAndTheirHelpers) {
  auto h = test::good_household();
  h.housing_grade = 'D';
  h.water.quality.reset();
  h.members[1].basic_medical = false;
  auto r = check(h, CheckConfig{});
  EXPECT_EQ(r.count(Outcome::kGap), 2);
  EXPECT_EQ(r.count(Outcome::kUnknown), 1);
  EXPECT_TRUE(r.has_gap(RuleGroup::kHousing));
  EXPECT_TRUE(r.has_gap(RuleGroup::kMedical));
  EXPECT_FALSE(r.has_gap(RuleGroup::kWater));
  ASSERT_NE(r.find("water.safe"), nullptr);
  EXPECT_EQ(r.find("water.safe")->outcome, Outcome::kUnknown);
  EXPECT_EQ(r.find("water.safe")->finding.field, "water.quality");
  EXPECT_EQ(r.find("no.such_rule"), nullptr);

  auto o = outcomes_of(r);
  EXPECT_EQ(o.size, rules().size());
  EXPECT_TRUE(o.gap_in(RuleGroup::kHousing));
  EXPECT_TRUE(o.gap_in(RuleGroup::kMedical));
  EXPECT_TRUE(o.unknown_in(RuleGroup::kWater));
  EXPECT_FALSE(o.gap_in(RuleGroup::kWater));
  EXPECT_EQ(o.gap_rules, (1u << rule_index(*find_rule("housing.safe"))) |
                             (1u << rule_index(*find_rule("medical.insurance"))));
  EXPECT_EQ(o.unknown_rules, 1u << rule_index(*find_rule("water.safe")));
  EXPECT_FALSE(o.all_pass());
}

// A deterministic spread of households: good_household() with a few fields
// changed, chosen by a small LCG, so that every rule meets every outcome.
std::vector<HouseholdFacts> varied(size_t n, uint64_t seed) {
  uint64_t s = seed;
  auto next = [&s](uint32_t mod) {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>((s >> 33) % mod);
  };
  const std::string cert = test::good_household().members[0].id_number + "42";
  std::vector<HouseholdFacts> out;
  for (size_t i = 0; i < n; ++i) {
    HouseholdFacts h = test::good_household();
    h.household_id = static_cast<int64_t>(i + 1);
    h.status = static_cast<HouseholdStatus>(next(3));
    if (h.status == HouseholdStatus::kRegisteredPoor) h.lifted_year.reset();
    if (h.status == HouseholdStatus::kMarginal) h.registered_year.reset(), h.lifted_year.reset();
    test::set_per_capita(h, 250000 + next(600000));
    if (next(10) == 0) h.income.transfer_fen.reset();
    if (next(8) == 0) h.visit->food_ok = next(2) == 0;
    if (next(8) == 0) h.visit->clothing_ok = next(3) == 0 ? std::nullopt : std::optional(false);
    if (next(15) == 0) h.lifted_year = 2021;
    if (next(20) == 0) h.visit.reset();
    if (next(6) == 0) h.members[2].enrolment = static_cast<Enrolment>(next(8));
    if (next(6) == 0) h.members[2].labour = static_cast<Labour>(next(5));
    if (next(6) == 0)
      h.members[next(3)].basic_medical = next(3) == 0 ? std::nullopt : std::optional(false);
    if (next(6) == 0) h.members[next(3)].health = static_cast<Health>(next(4));
    if (next(5) == 0) h.housing_grade = "ABCDE"[next(5)];
    if (next(6) == 0) h.water.convenience = next(2) == 0 ? std::nullopt : std::optional(false);
    if (next(4) == 0) h.benefits.dibao = next(2) == 0;
    if (next(7) == 0) {
      h.members[0].disability_certificate = cert;
      if (next(2)) h.members[0].disability_subsidy = next(2) == 0;
    }
    if (next(6) == 0)
      h.benefits.loans.push_back(Loan{5000000, D(2017, 3, 1),
                                      D(2020, 1, 1).plus_days(static_cast<int>(next(90))),
                                      static_cast<int64_t>(next(2)) * 5000000, std::nullopt});
    if (next(5) == 0) h.causes.add(Cause::kCapital);
    if (next(5) == 0) {
      RiskCase r;
      r.household_id = h.household_id;
      r.kinds.add(next(2) ? RiskKind::kUnstableWork : RiskKind::kIllness);
      r.opened_on = D(2019, 6, 1).plus_days(static_cast<int>(next(200)));
      if (next(2)) {
        r.closed_on = D(2020, 1, 1);
        r.close_method = static_cast<CloseMethod>(next(3));
      }
      h.risks.push_back(r);
    }
    if (next(5) == 0) h.measures.push_back({static_cast<MeasureKind>(next(13)), D(2019, 10, 1), 0});
    if (next(10) == 0) h.members[0].labour = Labour::kLost, h.members[1].labour = Labour::kNone;
    out.push_back(std::move(h));
  }
  return out;
}

TEST(CheckTest, FastPathAgreesWithFullCheck) {
  const CheckConfig config;
  const RuleContext ctx = make_context(config);
  auto households = varied(3000, 7);
  std::array<std::array<int, 3>, kMaxRules> seen{};
  for (const auto& h : households) {
    auto full = check(h, config);
    auto fast = check_outcomes(make_view(h), ctx);
    ASSERT_EQ(fast.size, full.results.size());
    for (size_t i = 0; i < full.results.size(); ++i) {
      ASSERT_EQ(fast.by_rule[i], full.results[i].outcome)
          << full.results[i].rule->id << " household " << h.household_id;
      ++seen[i][static_cast<size_t>(fast.by_rule[i])];
      // Reasons exactly when not passing; an unknown always names its field.
      const auto& f = full.results[i].finding;
      EXPECT_EQ(f.reason_zh.empty(), full.results[i].outcome == Outcome::kPass);
      EXPECT_EQ(f.reason_en.empty(), full.results[i].outcome == Outcome::kPass);
      if (full.results[i].outcome == Outcome::kUnknown) {
        EXPECT_FALSE(f.field.empty());
      }
    }
    EXPECT_EQ(fast.gap_rules, outcomes_of(full).gap_rules);
    EXPECT_EQ(fast.unknown_groups, outcomes_of(full).unknown_groups);
  }
  // The spread exercises every rule's pass and gap.
  for (size_t i = 0; i < rules().size(); ++i) {
    EXPECT_GT(seen[i][0], 0) << rules()[i].id;
    EXPECT_GT(seen[i][1], 0) << rules()[i].id;
  }
}

TEST(CheckTest, CheckAllCountsWhatCheckFinds) {
  const CheckConfig config;
  auto households = varied(2000, 11);
  auto summary = check_all(households, config);
  EXPECT_EQ(summary.households, 2000);
  ASSERT_EQ(summary.rules.size(), rules().size());
  std::vector<std::array<int64_t, 3>> counts(rules().size());
  std::array<int64_t, 3> classes{};
  int64_t all_pass = 0, with_gap = 0, with_unknown = 0;
  for (const auto& h : households) {
    auto r = check(h, config);
    for (size_t i = 0; i < r.results.size(); ++i)
      ++counts[i][static_cast<size_t>(r.results[i].outcome)];
    all_pass += r.count(Outcome::kPass) == static_cast<int>(r.results.size());
    with_gap += r.count(Outcome::kGap) > 0;
    with_unknown += r.count(Outcome::kUnknown) > 0;
    ++classes[static_cast<size_t>(classify(h, r, config).computed)];
  }
  for (size_t i = 0; i < rules().size(); ++i) {
    EXPECT_EQ(summary.rules[i].rule_id, rules()[i].id);
    EXPECT_EQ(summary.rules[i].pass, counts[i][0]);
    EXPECT_EQ(summary.rules[i].gap, counts[i][1]);
    EXPECT_EQ(summary.rules[i].unknown, counts[i][2]);
    EXPECT_EQ(summary.rules[i].pass + summary.rules[i].gap + summary.rules[i].unknown, 2000);
  }
  EXPECT_EQ(summary.classes, classes);
  EXPECT_EQ(summary.all_pass, all_pass);
  EXPECT_EQ(summary.with_gap, with_gap);
  EXPECT_EQ(summary.with_unknown, with_unknown);
  EXPECT_EQ(summary.count(PovertyClass::kStable) + summary.count(PovertyClass::kConsolidate) +
                summary.count(PovertyClass::kKeySupport),
            2000);
  ASSERT_NE(summary.find("housing.safe"), nullptr);
  EXPECT_EQ(summary.find("housing.safe")->gap, counts[6][1]);
}

TEST(CheckTest, CheckAllOnNothing) {
  auto s = check_all(std::vector<HouseholdFacts>{}, CheckConfig{});
  EXPECT_EQ(s.households, 0);
  EXPECT_EQ(s.rules.size(), rules().size());
  EXPECT_EQ(s.with_gap, 0);
}

TEST(CheckTest, Deterministic) {
  const CheckConfig config;
  auto a = varied(500, 3), b = varied(500, 3);
  for (size_t i = 0; i < a.size(); ++i) {
    auto ra = check(a[i], config), rb = check(b[i], config);
    ASSERT_EQ(ra.results.size(), rb.results.size());
    for (size_t k = 0; k < ra.results.size(); ++k) {
      EXPECT_EQ(ra.results[k].outcome, rb.results[k].outcome);
      EXPECT_EQ(ra.results[k].finding.reason_zh, rb.results[k].finding.reason_zh);
      EXPECT_EQ(ra.results[k].finding.reason_en, rb.results[k].finding.reason_en);
      EXPECT_EQ(ra.results[k].finding.field, rb.results[k].finding.field);
    }
  }
  // The order of households does not change the summary.
  auto reversed = a;
  std::reverse(reversed.begin(), reversed.end());
  auto s1 = check_all(a, config), s2 = check_all(reversed, config);
  EXPECT_EQ(s1.classes, s2.classes);
  for (size_t i = 0; i < s1.rules.size(); ++i) {
    EXPECT_EQ(s1.rules[i].pass, s2.rules[i].pass);
    EXPECT_EQ(s1.rules[i].gap, s2.rules[i].gap);
    EXPECT_EQ(s1.rules[i].unknown, s2.rules[i].unknown);
  }
}

TEST(CheckTest, FastPathAllocatesNothing) {
  const CheckConfig config;
  const RuleContext ctx = make_context(config);
  auto households = varied(2000, 5);
  std::vector<Outcomes> outcomes;
  outcomes.reserve(households.size());
  // Warm up: first-call initialisation of function-local statics is not per household.
  for (const auto& h : households) (void)check_outcomes(make_view(h), ctx);
  long before = g_allocations.load();
  for (const auto& h : households) {
    const HouseholdView view = make_view(h);
    outcomes.push_back(check_outcomes(view, ctx));
    (void)classify(view, outcomes.back(), ctx);
  }
  long after = g_allocations.load();
  EXPECT_EQ(after - before, 0);
  // Gaps and unknowns were among them: the fast path does not build reasons.
  EXPECT_TRUE(std::any_of(outcomes.begin(), outcomes.end(),
                          [](const Outcomes& o) { return o.gap_rules && o.unknown_rules; }));

  // check_all allocates the summary only, however many households.
  before = g_allocations.load();
  auto s = check_all(households, config);
  long for_2000 = g_allocations.load() - before;
  std::vector<HouseholdFacts> few(households.begin(), households.begin() + 10);
  before = g_allocations.load();
  auto s2 = check_all(few, config);
  long for_10 = g_allocations.load() - before;
  EXPECT_EQ(for_2000, for_10);
  EXPECT_LE(for_2000, 2);
  EXPECT_EQ(s.households, 2000);
  EXPECT_EQ(s2.households, 10);
}

}  // namespace
}  // namespace lz::poverty
